import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough, Readable, Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { ScriptedPrompter, runCli } from '../../test/cli-harness.js'
import { aTempDir } from '../../test/io-builders.js'
import { SERVER_ENV_VARIABLES } from '../server/config.js'
import { run } from './main.js'

const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version
const DEFAULT_PLAYBOOK = readFileSync('playbooks/tandem-default.yaml', 'utf8')

describe('tandem (run)', () => {
  it('prints the version and exits 0', async () => {
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' })
  })

  it('lists every command in --help', async () => {
    const { code, stdout } = await runCli(['--help'])
    expect(code).toBe(0)
    for (const command of ['assess', 'batch', 'questionnaire', 'charter', 'playbook']) {
      expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'))
    }
  })

  it.each([
    ['assess'],
    ['batch'],
    ['questionnaire'],
    ['charter'],
    ['playbook', 'show'],
    ['playbook', 'validate'],
  ])('has --help for %s', async (...command) => {
    const { code, stdout } = await runCli([...command.filter(Boolean), '--help'])
    expect([code, stdout.startsWith(`Usage: tandem ${command.join(' ')}`)]).toEqual([0, true])
  })

  it('names every server environment variable in serve --help', async () => {
    const { stdout } = await runCli(['serve', '--help'])
    const missing = SERVER_ENV_VARIABLES.filter((name) => !new RegExp(`\\b${name}\\b`).test(stdout))
    expect(missing).toEqual([])
    expect(SERVER_ENV_VARIABLES).toContain('TANDEM_TRUST_PROXY')
  })

  it('exits 2 on an unknown command', async () => {
    expect(await runCli(['asses', 'p.yaml'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "tandem: unknown command 'asses'\n(Did you mean assess?)\n",
    })
  })

  it('exits 2 on an unknown option', async () => {
    expect(await runCli(['assess', 'p.yaml', '--colour'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "tandem: unknown option '--colour'\n",
    })
  })

  it('exits 2 on a format it does not know', async () => {
    const { code, stderr } = await runCli(['assess', 'p.yaml', '--format', 'pdf'])
    expect([code, stderr]).toEqual([
      2,
      "tandem: option '-f, --format <format>' argument 'pdf' is invalid. Allowed choices are md, html, json.\n",
    ])
  })

  it('exits 4 on a missing file and names it', async () => {
    expect(await runCli(['assess', 'no/such/profile.yaml'])).toEqual({
      code: 4,
      stdout: '',
      stderr: 'tandem: file "no/such/profile.yaml" does not exist\n',
    })
  })

  it('exits 4 on a profile over the size limit', async () => {
    const dir = aTempDir({ 'big.yaml': `name: ${'x'.repeat(1024 * 1024)}\n` })
    const { code, stderr } = await runCli(['assess', join(dir, 'big.yaml')])
    expect([code, stderr]).toEqual([
      4,
      `tandem: ${join(dir, 'big.yaml')} is larger than the 1 MiB limit\n`,
    ])
  })

  it('exits 3 on an invalid profile, naming file, line and field', async () => {
    const dir = aTempDir({
      'p.yaml':
        'name: Acme\nemployees: 40\nengineers: 12\nai:\n  centrality: central\n  colour: blue\n',
    })
    const path = join(dir, 'p.yaml')
    expect(await runCli(['assess', path])).toEqual({
      code: 3,
      stdout: '',
      stderr: [
        `tandem: ${path} is not a valid profile`,
        `  ${path}, line 5: ai.centrality: Invalid option: expected one of "peripheral"|"important"|"core"`,
        `  ${path}, line 6: ai.colour: unknown field "colour"`,
        '',
      ].join('\n'),
    })
  })

  it('exits 3 on a hostile, deeply nested profile without crashing', async () => {
    const { code, stderr } = await runCli(['assess', '-'], { stdin: '['.repeat(100_000) })
    expect([code, stderr]).toEqual([
      3,
      'tandem: stdin is nested too deeply\n  stdin, line 1: nesting deeper than 64 levels is refused (limit: 64)\n',
    ])
  })

  it('exits 3 on a bad playbook, naming the path inside the file', async () => {
    const dir = aTempDir({
      'profile.yaml': 'name: Acme\nemployees: 40\nengineers: 12\nai: {centrality: core}\n',
      'bad.yaml': DEFAULT_PLAYBOOK.replace('version: 1.0.0', 'version: first'),
    })
    const playbook = join(dir, 'bad.yaml')
    const { code, stdout, stderr } = await runCli([
      'assess',
      join(dir, 'profile.yaml'),
      '--playbook',
      playbook,
    ])
    expect([code, stdout, stderr]).toEqual([
      3,
      '',
      `tandem: ${playbook} is not a valid playbook\n  ${playbook}, line 7: version: a semantic version such as "1.0.0"\n`,
    ])
  })

  it('exits 70 on an internal error without a stack trace, and shows it with --debug', async () => {
    const broken = new ScriptedPrompter({})
    broken.intro = () => {
      throw new Error('terminal went away')
    }
    const plain = await runCli(['questionnaire'], { prompter: broken })
    const debug = await runCli(['questionnaire', '--debug'], { prompter: broken })
    expect([plain.code, plain.stderr]).toEqual([
      70,
      'tandem: internal error: terminal went away\ntandem: run again with --debug for details\n',
    ])
    expect([debug.code, /\n\s+at /.test(debug.stderr)]).toEqual([70, true])
  })

  it('stops quietly with exit 0 when the reader of stdout goes away (tandem ... | head)', async () => {
    const closedPipe = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))
      },
    })
    closedPipe.on('error', () => undefined)
    const stderr = new PassThrough()
    const code = await run(['playbook', 'show'], {
      stdin: Readable.from([]),
      stdout: closedPipe,
      stderr,
      isTTY: false,
      env: {},
    })
    expect([code, stderr.read()]).toEqual([0, null])
  })
})
