import type * as Operations from '../src/engine/operations/index.js'
import type * as Loader from '../src/io/load-playbook.js'
import type { Spread } from './measure.js'
import { generateOperations } from './generate-operations.js'
import { spread } from './measure.js'

export interface SignalsResults {
  readonly initiatives: number
  readonly meetings: number
  readonly signals: number
  /** Calls per second of CPU time (the machine is shared: wall time would measure the neighbours). */
  readonly signalsPerSecond: Spread
  readonly agendaPerSecond: Spread
  /** Calls per second of wall time, for comparison. */
  readonly signalsPerWallSecond: Spread
}

/** `signals()` and `generateAgenda()` over one generated organization, as of the day after its last meeting. */
export async function benchSignals(initiatives = 1000, meetings = 200): Promise<SignalsResults> {
  // The compiled build, as a user runs it (like the engine benchmark).
  const operationsModule: string = '../dist/engine/operations/index.js'
  const loaderModule: string = '../dist/io/load-playbook.js'
  const { signals, generateAgenda, validateOperations } = (await import(
    operationsModule
  )) as typeof Operations
  const { defaultPlaybook } = (await import(loaderModule)) as typeof Loader
  const playbook = defaultPlaybook()
  const result = validateOperations(generateOperations(initiatives, meetings))
  if (!result.ok)
    throw new Error(`generated operations invalid: ${JSON.stringify(result.error.slice(0, 3))}`)
  const operations = result.value
  const asOf = '2027-01-01'
  const raised = signals(operations, playbook, asOf).signals.length
  // Each call is one organization's signals, as the API answers `GET …/signals`.
  const signalsRounds = rounds(() => void signals(operations, playbook, asOf), 7)
  const agendaRounds = rounds(() => void generateAgenda(operations, playbook, asOf), 5)
  return {
    initiatives,
    meetings,
    signals: raised,
    signalsPerSecond: spread(signalsRounds.map((r) => r.perCpuSecond)),
    agendaPerSecond: spread(agendaRounds.map((r) => r.perCpuSecond)),
    signalsPerWallSecond: spread(signalsRounds.map((r) => r.perWallSecond)),
  }
}

/** Runs `body` in rounds of 200 calls after a warm-up; each round's rate per CPU second and per wall second. */
function rounds(
  body: () => void,
  count: number,
): { perCpuSecond: number; perWallSecond: number }[] {
  for (let i = 0; i < 300; i++) body()
  const out: { perCpuSecond: number; perWallSecond: number }[] = []
  for (let r = 0; r < count; r++) {
    const cpu = process.cpuUsage()
    const wall = performance.now()
    for (let i = 0; i < 200; i++) body()
    const used = process.cpuUsage(cpu)
    const cpuSeconds = (used.user + used.system) / 1e6
    out.push({
      perCpuSecond: 200 / cpuSeconds,
      perWallSecond: 200_000 / (performance.now() - wall),
    })
  }
  return out
}
