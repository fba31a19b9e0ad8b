import type { Command } from 'commander'
import type { Readable } from 'node:stream'
import type { CliContext } from '../context.js'
import { resolve } from 'node:path'
import { z } from 'zod'
import { InvalidInputError } from '../../errors/invalid-input-error.js'
import { checkPasswordPolicy, hashPassword } from '../../server/auth/passwords.js'
import { loadConfig } from '../../server/config.js'
import { countRealUsers } from '../../server/first-run.js'
import { databaseConfigOf } from '../../server/main.js'
import { createStore, openDatabase } from '../../store/index.js'

interface CreateUserOptions {
  readonly email: string
  readonly name?: string
  readonly passwordStdin?: boolean
  readonly workspace?: string
}

const MAX_PASSWORD_INPUT = 4096

/** `tandem admin create-user`: accounts without the web setup page. */
export function registerAdmin(program: Command, context: CliContext): void {
  const admin = program.command('admin').summary('administer the server database')
  admin
    .command('create-user')
    .summary('create a user account (the first account also gets a workspace it owns)')
    .requiredOption('--email <email>', 'the sign-in email')
    .option('--name <name>', 'display name (default: the email)')
    .option(
      '--password-stdin',
      'read the password from stdin (required: never pass it as an argument)',
    )
    .option('--workspace <name>', 'also create a workspace this user owns')
    .action(async (options: CreateUserOptions) => {
      if (!options.passwordStdin) {
        throw new InvalidInputError('give the password on stdin with --password-stdin', [
          { field: '--password-stdin', message: 'required' },
        ])
      }
      const email = z.email().safeParse(options.email.trim().toLowerCase())
      if (!email.success) {
        throw new InvalidInputError(`"${options.email}" is not an email address`, [
          { field: '--email', message: 'an email address such as you@example.com' },
        ])
      }
      const password = await readPassword(context.io.stdin)
      checkPasswordPolicy(password)
      const config = loadConfig(context.io.env)
      const database = await openDatabase(databaseConfigOf(config))
      try {
        const store = createStore({ db: database })
        const passwordHash = await hashPassword(password)
        // The first real account owns a workspace, as with the setup page.
        const workspaceName =
          options.workspace ?? ((await countRealUsers(database)) === 0 ? 'My workspace' : null)
        const { user, workspace } = await store.transaction(async (tx) => {
          const created = await tx.users.create({
            email: email.data,
            name: options.name ?? email.data,
            passwordHash,
          })
          const owned = workspaceName
            ? await tx.workspaces.create({ userId: created.id }, { name: workspaceName })
            : null
          return { user: created, workspace: owned }
        })
        context.io.stdout.write(`created user ${user.email} (${user.id})\n`)
        if (workspace)
          context.io.stdout.write(
            `created workspace "${workspace.name}" (${workspace.id}), owned by ${user.email}\n`,
          )
      } finally {
        await database.close()
      }
    })
  admin
    .command('backup')
    .summary('write an online, consistent copy of the SQLite database (VACUUM INTO)')
    .argument('<file>', 'the copy to write; it must not exist yet')
    .description(
      'Copies the SQLite database of TANDEM_DATA_DIR while the server runs (VACUUM INTO: a ' +
        'consistent snapshot, never a file copy). Back up PostgreSQL with pg_dump.',
    )
    .action(async (file: string) => {
      const database = await openDatabase(databaseConfigOf(loadConfig(context.io.env)))
      try {
        await createStore({ db: database }).backupTo(resolve(file))
        context.io.stdout.write(`wrote ${resolve(file)}\n`)
      } finally {
        await database.close()
      }
    })
}

async function readPassword(stdin: Readable): Promise<string> {
  let text = ''
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8')
    if (text.length > MAX_PASSWORD_INPUT) break
  }
  // One line: the trailing newline of `echo` or a file is not part of the password.
  return text.replace(/\r?\n$/, '')
}
