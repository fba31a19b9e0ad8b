import { describe, expect, it } from 'vitest'
import { readYaml, thePlaybook } from '../../test/engine-builders.js'
import { compileToday } from './compile-today.js'
import { todayQuestionApplies } from './today-schema.js'

const doc = () => readYaml('playbooks/tandem-default.yaml') as Record<string, unknown>

describe('the playbook today: block', () => {
  it('compiles in the shipped playbook', () => {
    const today = thePlaybook().today
    expect(today?.seat.map((q) => q.field)).toEqual([
      'title',
      'engagement',
      'name',
      'ledTechOrg',
      'shippedAiSystems',
      'responsibilities',
    ])
    expect(today?.questions.map((q) => q.field)).toEqual([
      'current.aiPilots',
      'current.aiInProduction',
      'current.roiMeasured',
      'current.roleCharter',
      'current.alignmentMeetingsPerMonth',
    ])
    expect(today?.leaders.none).toBe('We have no technology leader today')
  })

  it('refuses a help that claims a passage it is not a part of', () => {
    const d = doc()
    const today = structuredClone(d.today) as { seat: { help: string }[] }
    const first = today.seat[4]
    if (first) first.help = 'Shipping AI is nice to have.'
    const result = compileToday(today, d.passages as Record<string, string>)
    expect(result.ok ? [] : result.error).toEqual([
      {
        code: 'not_a_quote',
        path: ['seat', 4, 'help'],
        message:
          'the help is not a part of the passage "ap-caio-depth"; drop the source or quote it',
      },
    ])
  })

  it('refuses an unknown passage id', () => {
    const d = doc()
    const today = structuredClone(d.today) as { leaders: { source: string } }
    today.leaders.source = 'no-such-passage'
    const result = compileToday(today, d.passages as Record<string, string>)
    expect(result.ok ? [] : result.error.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['unknown_passage', 'leaders.source'],
    ])
  })

  it.each([
    ['always', [], true],
    ['two-leaders', ['CTO'], false],
    ['two-leaders', ['CTO', 'CAIO'], true],
    ['cto-and-caio', ['CTO/CAIO', 'CAIO'], false],
    ['cto-and-caio', ['CTO', 'CAIO'], true],
  ] as const)('asks a "%s" question with leaders %j: %s', (when, titles, asked) => {
    expect(todayQuestionApplies(when, titles)).toBe(asked)
  })
})
