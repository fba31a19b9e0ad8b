import type { Profile } from '../src/engine/profile-schema.js'
import type * as Engine from '../src/engine/index.js'
import type * as Loader from '../src/io/load-playbook.js'
import { generateProfiles } from './generate-profiles.js'
import { measureAsync, measureSync, spread } from './measure.js'
import type { Spread } from './measure.js'
import { handWrittenTable, rulesEngineTable, runRulesEngine } from './rules-engine-table.js'

export interface EngineResults {
  readonly profiles: number
  readonly recommend: Spread
  readonly assess: Spread
  readonly handWritten: Spread
  readonly rulesEngine: Spread
  readonly agreement: string
}

/** Engine throughput over generated profiles, with both baselines measured in the same run. */
export async function benchEngine(count = 10_000): Promise<EngineResults> {
  // The compiled build (npm run build), as a user runs it: tsx's transform adds helpers to every closure.
  const engineModule: string = '../dist/engine/index.js'
  const loaderModule: string = '../dist/io/load-playbook.js'
  const { assess, recommend, validateProfile } = (await import(engineModule)) as typeof Engine
  const { defaultPlaybook } = (await import(loaderModule)) as typeof Loader
  const playbook = defaultPlaybook()
  const profiles: Profile[] = generateProfiles(count).map((input) => {
    const result = validateProfile(input)
    if (!result.ok) throw new Error(`generated profile invalid: ${JSON.stringify(result.error)}`)
    return result.value
  })
  const facts = profiles.map((p) => recommend(p, playbook).facts)
  const engine = rulesEngineTable(playbook)

  // The three implementations must agree before their speed means anything.
  let agree = 0
  for (let i = 0; i < 2000; i++) {
    const ours = recommend(profiles[i]!, playbook).structure
    if (ours === handWrittenTable(facts[i]!) && ours === (await runRulesEngine(engine, facts[i]!)))
      agree++
  }
  if (agree !== 2000)
    throw new Error(`implementations disagree on ${2000 - agree} of 2000 profiles`)

  let sink = 0
  const rec = spread(
    measureSync((i) => {
      sink += recommend(profiles[i]!, playbook).structure.length
    }, count),
  )
  const full = spread(
    measureSync(
      (i) => {
        sink += assess(profiles[i]!, playbook).counterfactuals.length
      },
      count,
      5,
    ),
  )
  const hand = spread(
    measureSync((i) => {
      sink += handWrittenTable(facts[i]!).length
    }, count),
  )
  const jre = spread(
    await measureAsync(async (i) => {
      sink += (await runRulesEngine(engine, facts[i]!)).length
    }, count),
  )
  if (sink < 0) console.log(sink)
  return {
    profiles: count,
    recommend: rec,
    assess: full,
    handWritten: hand,
    rulesEngine: jre,
    agreement: '2000/2000',
  }
}
