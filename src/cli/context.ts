import type { Readable, Writable } from 'node:stream'
import type { Prompter } from './prompter.js'

/** The process around the CLI, passed in so that tests can run it with in-memory streams. */
export interface CliIo {
  readonly stdin: Readable
  readonly stdout: Writable
  readonly stderr: Writable
  /** stderr is an interactive terminal: progress bars are drawn only then. */
  readonly isTTY: boolean
  readonly env: Readonly<Record<string, string | undefined>>
  /** The questionnaire's prompts; the @clack/prompts terminal UI when absent. */
  readonly prompter?: Prompter
}

/** What a command needs besides its own arguments. */
export interface CliContext {
  readonly io: CliIo
  /** Sets the process exit code for a command that finished but must report partial failure. */
  setExitCode(code: number): void
}
