import type { Command } from 'commander'
import type { CliContext } from '../context.js'
import { serveUntilSignal } from '../../server/main.js'

/** `tandem serve`: the HTTP API and web app, configured by environment variables. */
export function registerServe(program: Command, context: CliContext): void {
  program
    .command('serve')
    .summary('run the HTTP API and the web app')
    .description(
      'Run the server. Configuration comes from the environment: PORT (8080), HOST (127.0.0.1),\n' +
        'TANDEM_DATA_DIR (./data), DATABASE_URL (postgres://… to use PostgreSQL), TANDEM_PUBLIC_ASSESS,\n' +
        'TANDEM_DEMO, TANDEM_SECURE_COOKIES, TANDEM_LOG_LEVEL. See docs/operations.md.',
    )
    .action(async () => {
      await serveUntilSignal(context.io.env, context.io.stdout)
    })
}
