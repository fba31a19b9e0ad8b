import type { Command } from 'commander'
import type { CliContext } from '../context.js'
import { SERVER_ENV_VARIABLES } from '../../server/config.js'
import { serveUntilSignal } from '../../server/main.js'

/** `tandem serve`: the HTTP API and web app, configured by environment variables. */
export function registerServe(program: Command, context: CliContext): void {
  program
    .command('serve')
    .summary('run the HTTP API and the web app')
    .description(
      'Run the server. With no configuration it serves http://127.0.0.1:8080 from an embedded SQLite ' +
        'database under ./data; DATABASE_URL=postgres://… uses PostgreSQL. Configuration comes from ' +
        `the environment: ${SERVER_ENV_VARIABLES.join(', ')}. ` +
        "Each one's meaning and default: docs/operations.md and the README.",
    )
    .action(async () => {
      // Log lines go to stdout (JSON, or pretty on a terminal); what a person reads, to stderr.
      await serveUntilSignal(context.io.env, context.io.stderr)
    })
}
