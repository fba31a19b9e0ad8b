import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

// `npm start`: the newcomer's one command. Builds (server and web app) only when the build is
// missing or older than a source file, then runs `tandem serve` from the build. Production runs
// `npm run build` once and then `tandem serve` (docs/operations.md).

/** What the build writes last for each half; the build is current when both are newer than src/. */
export const BUILD_OUTPUTS = ['dist/cli/bin.js', 'dist/web/index.html'] as const
const BUILD_INPUTS = [
  'src',
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'vite.config.ts',
]

/** True when an output of the build is missing or older than the newest input under `root`. */
export function buildIsStale(root: string): boolean {
  const outputs = BUILD_OUTPUTS.map((output) => join(root, output))
  if (!outputs.every((output) => existsSync(output))) return true
  const built = Math.min(...outputs.map((output) => statSync(output).mtimeMs))
  return BUILD_INPUTS.some((input) => newest(join(root, input)) > built)
}

function newest(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let latest = stat.mtimeMs
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)))
  return latest
}

async function main(): Promise<void> {
  const root = fileURLToPath(new URL('../', import.meta.url))
  if (buildIsStale(root)) {
    process.stdout.write('Building (the build is missing or older than the sources)...\n')
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
    if (build.status !== 0) {
      process.exitCode = build.status ?? 1
      return
    }
  }
  // The built CLI in this process, as `tandem serve` (it reads process.argv), so Ctrl-C reaches it.
  process.argv.splice(2, Infinity, 'serve')
  await import(pathToFileURL(join(root, BUILD_OUTPUTS[0])).href)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
