import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { describe, expect, it } from 'vitest'
import { ScriptedPrompter, runCli } from '../../../test/cli-harness.js'
import { aTempDir } from '../../../test/io-builders.js'
import { theClassifier } from '../../../test/stakes-builders.js'

const PROFILE = stringify({
  name: 'Acme',
  employees: 40,
  engineers: 10,
  ai: {
    centrality: 'important',
    useCases: [
      { name: 'Credit scoring', point: '5b', role: 'provider' },
      { name: 'Support chatbot', interactsWithPeople: true },
      { name: 'Fraud screening', point: '5b', fraudDetection: true },
    ],
  },
})

interface Printed {
  readonly name: string
  readonly tier: string
  readonly transparency: string[]
  readonly basis: { ref: string }[]
  readonly asOf: string
}

const parse = (stdout: string): Printed[] => JSON.parse(stdout) as Printed[]
const brief = (stdout: string) =>
  parse(stdout).map((c) => [c.name, c.tier, c.basis.map((b) => b.ref)])

describe('tandem classify <file>', () => {
  it('prints one classification per use case of a profile, in input order', async () => {
    const dir = aTempDir({ 'acme.yaml': PROFILE })
    const { code, stdout, stderr } = await runCli([
      'classify',
      join(dir, 'acme.yaml'),
      '--format',
      'json',
    ])
    expect([code, stderr]).toEqual([0, ''])
    expect(brief(stdout)).toEqual([
      ['Credit scoring', 'high', ['Annex III 5(b)', 'Art. 6(2)']],
      ['Support chatbot', 'limited', ['Art. 6', 'Art. 50(1)']],
      ['Fraud screening', 'minimal', ['Annex III 5(b)', 'Art. 6']],
    ])
    expect(parse(stdout)[0]?.asOf).toBe('2026-12-07')
  })

  it('classifies a single use case record read from stdin', async () => {
    const record = 'name: Cameras\narea: biometrics\nrealTime: true\npublicSpace: true\n'
    const { code, stdout } = await runCli(['classify', '-', '-f', 'json'], { stdin: record })
    expect(code).toBe(0)
    expect(brief(stdout)).toEqual([
      ['Cameras', 'high', ['Art. 5(1)(h)', 'Annex III 1(a)', 'Art. 6(2)']],
    ])
  })

  it('accepts the verificationOnly fact in a single record', async () => {
    const record = JSON.stringify({ name: 'Door', point: '1a', verificationOnly: true })
    const { stdout } = await runCli(['classify', '-', '-f', 'json'], { stdin: record })
    expect(brief(stdout)).toEqual([['Door', 'minimal', ['Annex III 1(a)', 'Art. 6']]])
  })

  it('keeps the valid records of a list and names the refused one by line and field', async () => {
    const list = stringify([
      { name: 'Scoring', socialScoring: true },
      { name: 'Bad', colour: 'red' },
      { name: 'Bot', deepfake: true },
    ])
    const { code, stdout, stderr } = await runCli(['classify', '-', '-f', 'json'], { stdin: list })
    expect(code).toBe(1)
    expect(brief(stdout)).toEqual([
      ['Scoring', 'prohibited', ['Art. 5(1)(c)']],
      ['Bot', 'limited', ['Art. 6', 'Art. 50(4)']],
    ])
    expect(stderr).toBe('tandem: stdin, line 4: [1].colour: unknown field "colour"\n')
  })

  it('refuses an invalid single record with exit code 3, naming the field', async () => {
    const { code, stdout, stderr } = await runCli(['classify', '-'], {
      stdin: 'name: Scoring\npoint: 9z\n',
    })
    expect([code, stdout]).toEqual([3, ''])
    expect(stderr).toBe(
      'tandem: stdin is not a valid use case record\n' +
        '  stdin, line 2: point: an Annex III point such as "5b", an Art. 5 letter such as "5-1-h", or "none"\n',
    )
  })

  it('warns about a point the classifier does not know and classifies without it', async () => {
    const { code, stdout, stderr } = await runCli(['classify', '-', '-f', 'json'], {
      stdin: 'name: Grid\npoint: 2a\narea: critical-infrastructure\n',
    })
    expect(code).toBe(0)
    expect(brief(stdout)).toEqual([['Grid', 'high', ['Annex III 2', 'Art. 6(2)']]])
    expect(stderr).toBe(
      'tandem: warning: use case "Grid": point "2a" is not a point of the classifier; it was classified without it\n',
    )
  })

  it('writes Markdown by default, with the basis, the dated facts and the disclaimer', async () => {
    const dir = aTempDir({ 'acme.yaml': PROFILE })
    const { code, stdout } = await runCli(['classify', join(dir, 'acme.yaml')])
    expect(code).toBe(0)
    expect(stdout.startsWith('# EU AI Act classification: Acme\n')).toBe(true)
    expect(stdout).toContain('## 1. Credit scoring\n\n**Tier:** high-risk  \n')
    expect(stdout).toContain(
      '1. **Annex III 5(b)**: Evaluating the creditworthiness of natural persons or establishing their credit score is high-risk.\n',
    )
    expect(stdout).toContain(
      '- 2027-12-02, Regulation (EU) 2026/1744, Art. 113 **(to confirm)**: The Annex III high-risk obligations apply from 2 December 2027 instead of 2 August 2026. Source: Consolidated text showing Regulation (EU) 2026/1744 (Digital Omnibus on AI).\n',
    )
    expect(stdout).toContain('> Not legal advice.')
    expect(stdout).toContain('> **Warning:** As of 2026-12-07, changes dated 2026-12-02 are still')
    expect(stdout.match(/> \*\*Warning:\*\*/g)).toHaveLength(1)
    expect(stdout).toContain(
      '**Dates that apply**\n\n- 2025-02-02 (in force, Art. 113(a)): Chapters I and II apply',
    )
    expect(stdout).toContain(
      '- 2027-12-02 (to confirm, Regulation (EU) 2026/1744, Art. 113): The Annex III high-risk obligations',
    )
    const dates = stdout.match(/^- (\d{4}-\d{2}-\d{2}),/gm) ?? []
    expect(dates).toEqual([
      '- 2024-08-01,',
      '- 2025-02-02,',
      '- 2025-08-02,',
      '- 2026-08-02,',
      '- 2026-12-02,',
      '- 2026-12-02,',
      '- 2026-12-02,',
      '- 2027-08-02,',
      '- 2027-12-02,',
      '- 2028-08-02,',
    ])
  })

  it('writes JSON to an --out file ending in .json', async () => {
    const dir = aTempDir({ 'acme.yaml': PROFILE })
    const out = join(dir, 'stakes.json')
    const { code, stdout } = await runCli(['classify', join(dir, 'acme.yaml'), '-o', out])
    expect([code, stdout]).toEqual([0, ''])
    expect(brief(readFileSync(out, 'utf8')).map(([name]) => name)).toEqual([
      'Credit scoring',
      'Support chatbot',
      'Fraud screening',
    ])
  })
})

describe('tandem classify (interactive)', () => {
  // Every question of the shipped tree answered "no" / "none", keyed by its prompt.
  const noToEverything = (): Record<string, unknown> => {
    const answers: Record<string, unknown> = {
      'What is the AI use case called?': 'Street cameras',
      'Are you its provider or its deployer?': 'deployer',
    }
    for (const node of theClassifier().nodes.values()) {
      if (node.kind !== 'question') continue
      const choice = ['point', 'area', 'derogation', 'role'].includes(node.reads)
      answers[node.ask] = choice ? '' : false
    }
    return answers
  }
  const ask = (id: string): string => {
    const node = theClassifier().nodes.get(id)
    if (node?.kind !== 'question') throw new Error(`no question ${id}`)
    return node.ask
  }

  it('walks the tree, shows each source and prohibits law-enforcement identification', async () => {
    const prompter = new ScriptedPrompter({
      ...noToEverything(),
      [ask('art-5-1-h-area')]: 'biometrics',
      [ask('art-5-1-h-real-time')]: true,
      [ask('art-5-1-h-public')]: true,
      [ask('art-5-1-h-law-enforcement')]: true,
    })
    const { code, stdout } = await runCli(['classify', '-f', 'json'], { prompter })
    expect(code).toBe(0)
    expect(brief(stdout)).toEqual([['Street cameras', 'prohibited', ['Art. 5(1)(h)']]])
    expect(prompter.asked).toContain(
      `${ask('art-5-1-h-law-enforcement')}\nSource: Art. 5(1)(h): The prohibition applies to use for the purpose of law enforcement, and only to it.`,
    )
    // A prohibited practice ends the interview: no Art. 50 question is asked.
    expect(prompter.asked.map((m) => m.split('\n')[0])).not.toContain(ask('art-50-1'))
    expect(prompter.notes[0]).toMatch(
      /^Tier: prohibited practice\nTransparency duties: none\nBasis:\n {2}Art\. 5\(1\)\(h\): /,
    )
  })

  it('asks each fact once and classifies the same identification for another purpose as high-risk', async () => {
    const prompter = new ScriptedPrompter({
      ...noToEverything(),
      [ask('art-5-1-h-area')]: 'biometrics',
      [ask('art-5-1-h-real-time')]: true,
      [ask('art-5-1-h-public')]: true,
      [ask('art-50-1')]: true,
    })
    const { stdout } = await runCli(['classify', '-f', 'json'], { prompter })
    expect(brief(stdout)).toEqual([
      ['Street cameras', 'high', ['Art. 5(1)(h)', 'Annex III 1(a)', 'Art. 6(2)', 'Art. 50(1)']],
    ])
    const prompts = prompter.asked.map((m) => m.split('\n')[0])
    expect(prompts.length).toBe(new Set(prompts).size)
    expect(prompts.filter((p) => p === ask('art-5-area'))).toHaveLength(1)
  })

  it('offers every point of the classifier when it asks for the point', async () => {
    const seen: string[][] = []
    const prompter = new ScriptedPrompter(noToEverything())
    const select = prompter.select.bind(prompter)
    prompter.select = (message, options) => {
      seen.push(options.map((o) => String(o.value)))
      return select(message, options)
    }
    await runCli(['classify'], { prompter })
    const points = seen.find((values) => values.includes('5-1-a')) ?? []
    expect([points[0], points.includes('1a'), points.includes('8b')]).toEqual(['', true, true])
  })

  it('asks which point of Annex III 5 applies when the area is essential services', async () => {
    const offered: string[][] = []
    const prompter = new ScriptedPrompter({
      ...noToEverything(),
      [ask('art-5-1-h-area')]: 'essential-services',
      [ask('area-essential-services-point')]: '5c',
    })
    const select = prompter.select.bind(prompter)
    prompter.select = (message, options) => {
      if (message.startsWith(ask('area-essential-services-point')))
        offered.push(options.map((o) => String(o.value)))
      return select(message, options)
    }
    const { stdout } = await runCli(['classify', '-f', 'json'], { prompter })
    expect(offered).toEqual([['', '5a', '5b', '5c', '5d', 'none']])
    expect(brief(stdout)).toEqual([['Street cameras', 'high', ['Annex III 5(c)', 'Art. 6(2)']]])
    expect(
      prompter.asked.find((m) => m.startsWith(ask('area-essential-services-point'))),
    ).toContain('motor, property or travel insurance is not 5(c)')
  })

  it('shows the help of the emotion question: fatigue is not an emotion', async () => {
    const prompter = new ScriptedPrompter(noToEverything())
    await runCli(['classify'], { prompter })
    expect(prompter.asked.find((m) => m.startsWith(ask('art-5-1-f')))).toContain(
      'Physical states such as pain or fatigue are not emotions (Recital 18)',
    )
  })

  it('refuses to ask questions without a terminal', async () => {
    expect(await runCli(['classify'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'tandem: give a profile or use case file (or - for stdin); asking the questions needs an interactive terminal\n',
    })
  })

  it('stops without output when the user cancels', async () => {
    const prompter = new ScriptedPrompter({ ...noToEverything(), [ask('art-5-1-a')]: null })
    expect(await runCli(['classify'], { prompter })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'tandem: classification cancelled; nothing was written\n',
    })
  })
})
