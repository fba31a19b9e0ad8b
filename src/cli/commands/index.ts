import type { Command } from 'commander'
import type { CliContext } from '../context.js'

/** Adds one command (with its options, help and action) to the program. */
export type RegisterCommand = (program: Command, context: CliContext) => void

/** A command by name, and how to load its code. */
export interface CommandEntry {
  readonly name: string
  readonly load: () => Promise<RegisterCommand>
  /** Runs until stopped (a server): validates the same schemas many times. */
  readonly longRunning?: boolean
}

/**
 * Every command of `tandem`, in the order `--help` lists them. Each is loaded only when it runs (or
 * for the full help): `tandem assess` never loads the server, and `tandem --version` loads no
 * command at all. Add a command with one entry.
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'assess', load: async () => (await import('./assess.js')).registerAssess },
  { name: 'batch', load: async () => (await import('./batch.js')).registerBatch },
  {
    name: 'questionnaire',
    load: async () => (await import('./questionnaire.js')).registerQuestionnaire,
  },
  { name: 'charter', load: async () => (await import('./charter.js')).registerCharter },
  { name: 'brief', load: async () => (await import('./brief.js')).registerBrief },
  { name: 'classify', load: async () => (await import('./classify.js')).registerClassify },
  { name: 'playbook', load: async () => (await import('./playbook.js')).registerPlaybook },
  { name: 'signals', load: async () => (await import('./signals.js')).registerSignals },
  { name: 'agenda', load: async () => (await import('./agenda.js')).registerAgenda },
  { name: 'digest', load: async () => (await import('./digest.js')).registerDigest },
  {
    name: 'serve',
    load: async () => (await import('./serve.js')).registerServe,
    longRunning: true,
  },
  { name: 'admin', load: async () => (await import('./admin.js')).registerAdmin },
]

/**
 * The commands `argv` needs: the named one alone; none for `--version`; every one otherwise (help,
 * a typo that deserves a suggestion, no command).
 */
export function commandsFor(argv: readonly string[]): readonly CommandEntry[] {
  const first = argv.find((arg) => !arg.startsWith('-'))
  const named = first === undefined ? undefined : COMMANDS.find((c) => c.name === first)
  if (named !== undefined) return [named]
  if (first === undefined && argv.some((arg) => arg === '-V' || arg === '--version')) return []
  return COMMANDS
}
