import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ScriptedPrompter, runCli } from '../../test/cli-harness.js'
import { aTempDir } from '../../test/io-builders.js'

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

  it('asks again when answers do not fit together (more engineers than employees)', async () => {
    const prompter = new ScriptedPrompter(ANSWERS, {
      'How many of them are engineers?': ['50', '5'],
    })
    const { code, stdout } = await runCli(['questionnaire'], { prompter })
    expect([code, stdout, prompter.notes]).toEqual([
      0,
      PROFILE_YAML,
      ['engineers: engineers (50) must not exceed employees (12)'],
    ])
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
