// A child process for the store durability tests (src/store/durability.test.ts). It writes to a
// real SQLite store and acknowledges each commit on stdout, one line per commit, so the parent
// can kill it at any moment and check that every acknowledged write survived.
//   write <db>            create+update organizations forever: `ready <ws> <user>`, `ack <name> <version>`
//   hold <db> <ms>        hold a write transaction for <ms>: `holding`, then `released`
import { setTimeout as sleep } from 'node:timers/promises'
import { createStore } from '../src/store/create-store.js'
import { openDatabase } from '../src/store/db.js'
import { aStoredProfile } from './store-builders.js'

const [mode, path, holdMs] = process.argv.slice(2)
if (path === undefined) throw new Error('usage: store-durability-child.ts write|hold <db> [ms]')
const database = await openDatabase({ kind: 'sqlite', path })
const store = createStore({ db: database })

if (mode === 'write') {
  const user = await store.users.create({
    email: 'child@example.com',
    name: 'Child',
    passwordHash: 'h',
  })
  const owner = { userId: user.id }
  const workspace = await store.workspaces.create(owner, { name: 'Durability' })
  process.stdout.write(`ready ${workspace.id} ${user.id}\n`)
  for (let n = 1; ; n++) {
    const name = `org-${n}`
    const org = await store.organizations.create(owner, workspace.id, {
      profile: aStoredProfile({ name }),
    })
    process.stdout.write(`ack ${name} 1\n`)
    await store.organizations.updateProfile(owner, workspace.id, org.id, {
      profile: aStoredProfile({ name, employees: 121 }),
      expectedVersion: 1,
    })
    process.stdout.write(`ack ${name} 2\n`)
  }
} else if (mode === 'hold') {
  await store.transaction(async (tx) => {
    await tx.users.create({ email: 'holder@example.com', name: 'Holder', passwordHash: 'h' })
    process.stdout.write('holding\n')
    await sleep(Number(holdMs ?? '1000'))
  })
  process.stdout.write('released\n')
  await store.close()
} else {
  throw new Error(`unknown mode "${mode}"`)
}
