import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { ScriptedPrompter, runCli } from '../../test/cli-harness.js'
import { aTempDir } from '../../test/io-builders.js'
import { theClassifier } from '../../test/stakes-builders.js'

// Every question of the shipped classifier answered "no" / "not sure", keyed by its prompt.
function noToTheClassifier(): Record<string, unknown> {
  const answers: Record<string, unknown> = {}
  for (const node of theClassifier().nodes.values()) {
    if (node.kind !== 'question') continue
    answers[node.ask] = ['point', 'area', 'derogation', 'role'].includes(node.reads) ? '' : false
  }
  return answers
}

// Answers to the shipped playbook's questionnaire, keyed by prompt.
const ANSWERS = {
  'What is the organization called?': 'Lumen Notes',
  'How many people work there?': '12',
  'How many of them are engineers?': '5',
  'How many distinct products do you run?': '1',
  'Which industry are you primarily in?': 'software',
  'How core is AI to your competitive position?': 'important',
  'Which functions beyond engineering have AI opportunities?': ['marketing', 'sales'],
  'How many full-time senior technology leaders can you fund?': 0,
  'Who leads technology and AI today?': '',
  'How many AI initiatives are in pilot today? (optional)': '',
  'How many are in production? (optional)': '',
  'Do you measure AI outcomes against a baseline?': '',
  'Do you run or plan AI use cases? Each is classified under the EU AI Act as you describe it.': false,
  'Do you plan to grow? Describe the next step (optional).': false,
  'Show the report now?': false,
}

const PROFILE_YAML = [
  'schema: tandem/profile@1',
  'name: Lumen Notes',
  'employees: 12',
  'engineers: 5',
  'products: 1',
  'industry: software',
  'ai:',
  '  centrality: important',
  '  functions:',
  '    - sales',
  '    - marketing',
  'budget:',
  '  fullTimeLeaders: 0',
  'current:',
  '  seats: []',
  '',
].join('\n')

describe('tandem questionnaire', () => {
  it("asks the playbook questions with the article's words as help and writes the profile to --out", async () => {
    const prompter = new ScriptedPrompter(ANSWERS)
    const dir = aTempDir()
    const out = join(dir, 'profile.yaml')
    const { code, stdout } = await runCli(['questionnaire', '--out', out], { prompter })
    expect([code, stdout, readFileSync(out, 'utf8')]).toEqual([0, '', PROFILE_YAML])
    expect(prompter.asked).toContain(
      'How core is AI to your competitive position?\n' +
        "If it's your primary differentiator, a dedicated CAIO makes sense. If it's valuable but peripheral, the CTO can own it.",
    )
  })

  it('writes the profile to stdout without --out', async () => {
    const { code, stdout } = await runCli(['questionnaire'], {
      prompter: new ScriptedPrompter(ANSWERS),
    })
    expect([code, stdout]).toEqual([0, PROFILE_YAML])
  })

  it('shows the report straight away when asked to', async () => {
    const prompter = new ScriptedPrompter({ ...ANSWERS, 'Show the report now?': true })
    const dir = aTempDir()
    const { code, stdout } = await runCli(['questionnaire', '--out', join(dir, 'p.yaml')], {
      prompter,
    })
    expect([code, stdout.split('\n')[0]]).toEqual([0, '# Tandem assessment: Lumen Notes'])
  })

  it('refuses, as it is typed, an answer that does not fit the ones before (more engineers than employees)', async () => {
    const prompter = new ScriptedPrompter(ANSWERS, {
      'How many of them are engineers?': ['50', 'five', '5'],
    })
    const { code, stdout } = await runCli(['questionnaire'], { prompter })
    expect([code, stdout, prompter.refusals, prompter.notes]).toEqual([
      0,
      PROFILE_YAML,
      [
        'engineers (50) must not exceed employees (12)',
        'Enter a whole number in digits, such as 12.',
      ],
      [],
    ])
  })

  it("asks about today's leaders, how AI work goes, the use cases and the growth plan", async () => {
    const prompter = new ScriptedPrompter(
      {
        ...ANSWERS,
        'How many full-time senior technology leaders can you fund?': 1,
        'What is their role?': 'CTO',
        'Full-time or fractional?': 'full-time',
        'Have they led a technology organization?': 'yes',
        'Have they built and shipped AI systems in past roles?': 'no',
        'How many areas are they responsible for? (optional)': '17',
        'How many AI initiatives are in pilot today? (optional)': '12',
        'How many are in production? (optional)': '0',
        'Do you measure AI outcomes against a baseline?': 'no',
        'Is the division of responsibility between them written down?': 'yes',
        'How many times a month do the CTO and the CAIO meet for strategic alignment?': '1',
        'Another AI use case?': false,
        'What is the AI use case called?': 'Support chatbot',
        'Are you its provider or its deployer?': 'deployer',
        'When? (YYYY-MM or YYYY-Qn, such as 2027-Q2)': '2027-Q3',
        'How many people will work there then? (optional)': '40',
        'How many of them engineers? (optional)': '12',
        'How many distinct products then? (optional)': '',
        'Is there a further step of the plan?': false,
        ...noToTheClassifier(),
        'Is it intended to interact directly with people (for example a chatbot or a voice assistant)?': true,
      },
      {
        'Who leads technology and AI today?': ['CTO'],
        'What is their name? (optional)': ['Dana Reyes', 'Sam Okafor'],
        'Is there another technology or AI leader?': ['CAIO', ''],
        'Full-time or fractional?': ['full-time', 'fractional'],
        'Do you run or plan AI use cases? Each is classified under the EU AI Act as you describe it.':
          [true],
        'Do you plan to grow? Describe the next step (optional).': [true],
        'When? (YYYY-MM or YYYY-Qn, such as 2027-Q2)': ['next year', '2027-Q3'],
      },
    )
    const { code, stdout } = await runCli(['questionnaire'], { prompter })
    expect(code).toBe(0)
    const profile = parse(stdout) as Record<string, unknown>
    expect(profile.current).toEqual({
      seats: [
        {
          title: 'CTO',
          engagement: 'full-time',
          name: 'Dana Reyes',
          ledTechOrg: true,
          shippedAiSystems: false,
          responsibilities: 17,
        },
        {
          title: 'CAIO',
          engagement: 'fractional',
          name: 'Sam Okafor',
          ledTechOrg: true,
          shippedAiSystems: false,
          responsibilities: 17,
        },
      ],
      aiPilots: 12,
      aiInProduction: 0,
      roiMeasured: false,
      roleCharter: true,
      alignmentMeetingsPerMonth: 1,
    })
    expect((profile.ai as { useCases: unknown }).useCases).toEqual([
      { name: 'Support chatbot', role: 'deployer', interactsWithPeople: true },
    ])
    expect(profile.growth).toEqual([{ at: '2027-Q3', employees: 40, engineers: 12 }])
    expect(prompter.refusals).toEqual(['Enter a date as YYYY-MM or YYYY-Qn, such as 2027-Q2.'])
    // The article's words are the help of the questions that quote it.
    expect(prompter.asked).toContain(
      'Have they built and shipped AI systems in past roles?\n' +
        "A CAIO doesn't need to write code, but they need to have built and shipped AI systems in past roles.",
    )
    expect(prompter.asked[8]).toBe(
      'Who leads technology and AI today?\nOr you need one person who can do both.\nWhat is their role?',
    )
  })

  it('writes "no technology leader today" as no seats, and asks nothing about leaders', async () => {
    const prompter = new ScriptedPrompter(ANSWERS)
    const { stdout } = await runCli(['questionnaire'], { prompter })
    expect((parse(stdout) as { current: unknown }).current).toEqual({ seats: [] })
    const prompts = prompter.asked.map((m) => m.split('\n')[0])
    expect(prompts).not.toContain('Is the division of responsibility between them written down?')
    expect(prompts).not.toContain('What is their role?')
  })

  it('exits 2 and writes nothing when the user cancels', async () => {
    const prompter = new ScriptedPrompter({
      ...ANSWERS,
      'Which industry are you primarily in?': null,
    })
    expect(await runCli(['questionnaire'], { prompter })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'tandem: questionnaire cancelled; nothing was written\n',
    })
  })

  it('refuses to run without an interactive terminal', async () => {
    const { code, stderr } = await runCli(['questionnaire'])
    expect([code, stderr]).toEqual([
      2,
      'tandem: the questionnaire needs an interactive terminal; write a profile file instead (see docs/formats.md)\n',
    ])
  })
})
