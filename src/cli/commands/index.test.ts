import { describe, expect, it } from 'vitest'
import { COMMANDS, commandsFor } from './index.js'

const names = (argv: readonly string[]) => commandsFor(argv).map((command) => command.name)

describe('commandsFor', () => {
  it('loads only the command that runs', () => {
    expect(names(['assess', 'examples/fintech-200.yaml', '--format', 'json'])).toEqual(['assess'])
    expect(names(['--debug', 'batch', 'in.csv'])).toEqual(['batch'])
    expect(names(['playbook', 'show'])).toEqual(['playbook'])
    expect(names(['assess', '--help'])).toEqual(['assess'])
  })

  it('loads no command for --version, and every one for help or an unknown name', () => {
    expect(names(['--version'])).toEqual([])
    expect(names(['-V'])).toEqual([])
    const all = COMMANDS.map((command) => command.name)
    expect(names([])).toEqual(all)
    expect(names(['--help'])).toEqual(all)
    expect(names(['asess'])).toEqual(all)
  })

  it('names each entry as the command it registers', async () => {
    const { Command } = await import('commander')
    for (const entry of COMMANDS) {
      const program = new Command('tandem')
      const register = await entry.load()
      register(program, { io: {} as never, setExitCode: () => undefined })
      expect(program.commands.map((command) => command.name())).toEqual([entry.name])
    }
  })
})
