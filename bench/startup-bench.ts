import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { spread } from './measure.js'
import type { Spread } from './measure.js'

const root = fileURLToPath(new URL('../', import.meta.url))

export interface StartupResults {
  readonly rounds: number
  /** Wall milliseconds per command, over the rounds. */
  readonly nodeMs: Spread
  readonly versionMs: Spread
  readonly assessMs: Spread
  /** Each round's ratio to that round's `node -e 0`. */
  readonly versionRatio: Spread
  readonly assessRatio: Spread
}

function wall(args: readonly string[]): number {
  const started = performance.now()
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const ms = performance.now() - started
  if (result.status !== 0) throw new Error(`node ${args.join(' ')}: ${String(result.stderr)}`)
  return ms
}

/** `tandem --version` and `tandem assess <example> --format json` against `node -e 0`, alternating. */
export function benchStartup(rounds = 15): StartupResults {
  const node: number[] = []
  const version: number[] = []
  const assess: number[] = []
  wall(['bin/tandem', '--version'])
  for (let r = 0; r < rounds; r++) {
    node.push(wall(['-e', '0']))
    version.push(wall(['bin/tandem', '--version']))
    assess.push(wall(['bin/tandem', 'assess', 'examples/fintech-200.yaml', '--format', 'json']))
  }
  return {
    rounds,
    nodeMs: spread(node),
    versionMs: spread(version),
    assessMs: spread(assess),
    versionRatio: spread(version.map((v, i) => v / node[i]!)),
    assessRatio: spread(assess.map((v, i) => v / node[i]!)),
  }
}
