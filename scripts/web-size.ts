import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

// Reports the gzipped size of the JavaScript that index.html loads first (the entry chunk and the
// chunks it preloads) and fails when it is over the 250 KB budget of issue 4.
// Usage: node --import tsx scripts/web-size.ts [dist/web]

const BUDGET_BYTES = 250 * 1024

/** The initial scripts of a built index.html: module entries and modulepreload links. */
export function initialScripts(html: string): readonly string[] {
  const sources = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((match) => match[1] ?? '')
  return [...new Set(sources.filter(Boolean))]
}

function main(root: string): number {
  let html: string
  try {
    html = readFileSync(join(root, 'index.html'), 'utf8')
  } catch {
    process.stderr.write(`${root}/index.html is missing: run "npx vite build" first\n`)
    return 2
  }
  const scripts = initialScripts(html)
  if (scripts.length === 0) {
    process.stderr.write(`${root}/index.html loads no module script\n`)
    return 2
  }
  let total = 0
  for (const src of scripts) {
    const bytes = gzipSync(readFileSync(join(root, src.replace(/^\//, '')))).length
    total += bytes
    process.stdout.write(`${src}  ${kb(bytes)} gzipped\n`)
  }
  const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER'
  process.stdout.write(
    `initial JS: ${kb(total)} gzipped, ${verdict} the ${kb(BUDGET_BYTES)} budget\n`,
  )
  return total <= BUDGET_BYTES ? 0 : 1
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`
}

if (process.argv[1]?.endsWith('web-size.ts')) process.exitCode = main(process.argv[2] ?? 'dist/web')
