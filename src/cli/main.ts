import type { CliContext, CliIo } from './context.js'
import { readFileSync } from 'node:fs'
import { Command, CommanderError } from 'commander'
import { AppError, formatProblem } from '../errors/app-error.js'
import { commandsFor } from './commands/index.js'
import { EXIT, exitCodeFor } from './exit-codes.js'

// Problems printed for one error; the rest are counted (a batch writes all of them to --errors).
const MAX_PRINTED_PROBLEMS = 20

/**
 * Runs the CLI on user arguments (without `node` and the script) and resolves to the exit code.
 * Never exits the process and never throws: the caller (bin.ts) sets the exit code.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok
  const context: CliContext = {
    io,
    setExitCode: (code) => {
      exitCode = Math.max(exitCode, code)
    },
  }
  const program = buildProgram(io)
  try {
    const commands = commandsFor(argv)
    if (commands.length > 0 && !commands.some((command) => command.longRunning === true)) {
      // A command validates each schema a few times at most: zod's compiled fast path costs more to
      // build than it saves (measured on `tandem assess`). The server, validating the same schemas
      // again and again (`serve`), keeps it; `--version` does not load zod at all.
      const { z } = await import('zod')
      z.config({ jitless: true })
    }
    const registers = await Promise.all(commands.map((command) => command.load()))
    for (const register of registers) register(program, context)
    await program.parseAsync([...argv], { from: 'user' })
    return exitCode
  } catch (error) {
    return reportError(error, io, argv.includes('--debug'))
  }
}

function buildProgram(io: CliIo): Command {
  return new Command('tandem')
    .description(
      'Decide whether an organization needs a CTO, a Chief AI Officer, both, or one person doing both.',
    )
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--debug', 'print stack traces of internal errors')
    .helpOption('-h, --help', 'show help for a command')
    .addHelpCommand(false)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`tandem: ${text.replace(/^error: /, '')}`),
    })
}

function reportError(error: unknown, io: CliIo, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Commander has printed its message (or the help / version) already.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage
  }
  if (error instanceof AppError) {
    io.stderr.write(`tandem: ${error.message}\n`)
    for (const problem of error.problems.slice(0, MAX_PRINTED_PROBLEMS)) {
      io.stderr.write(`  ${formatProblem(problem)}\n`)
    }
    const hidden = error.problems.length - MAX_PRINTED_PROBLEMS
    if (hidden > 0) io.stderr.write(`  ... and ${hidden} more\n`)
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`)
    return exitCodeFor(error.code)
  }
  const message = error instanceof Error ? error.message : String(error)
  io.stderr.write(`tandem: internal error: ${message}\n`)
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`)
  else io.stderr.write('tandem: run again with --debug for details\n')
  return EXIT.internal
}

function packageVersion(): string {
  // Same relative place from src/cli and dist/cli.
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8')
  const parsed: unknown = JSON.parse(text)
  return typeof parsed === 'object' && parsed !== null && 'version' in parsed
    ? String(parsed.version)
    : '0.0.0'
}
