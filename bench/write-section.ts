import { existsSync, readFileSync, writeFileSync } from 'node:fs'

/** Replaces (or appends) one marked section of docs/benchmarks.md, leaving the others as they are. */
export function writeBenchmarkSection(name: string, markdown: string): void {
  const path = new URL('../docs/benchmarks.md', import.meta.url)
  const begin = `<!-- bench:${name} begin -->`
  const end = `<!-- bench:${name} end -->`
  const section = `${begin}\n${markdown.trim()}\n${end}`
  const current = existsSync(path)
    ? readFileSync(path, 'utf8')
    : '# Benchmarks\n\nFigures from `npm run bench` and `npm run bench:api`, each with its baseline measured in the same run.\n'
  const at = current.indexOf(begin)
  const stop = current.indexOf(end)
  const updated =
    at >= 0 && stop > at
      ? `${current.slice(0, at)}${section}${current.slice(stop + end.length)}`
      : `${current.trimEnd()}\n\n${section}\n`
  writeFileSync(path, updated)
}
