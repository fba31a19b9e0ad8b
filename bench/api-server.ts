// Child process of bench/api.ts: starts the server(s) under test on loopback and prints one JSON line
// with their ports (and, for the mixed load, the seeded tenants). Stops on SIGTERM.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { assess } from '../src/engine/assess.js'
import { defaultPlaybook } from '../src/io/load-playbook.js'
import { parseProfileText } from '../src/io/read-profile.js'
import { hashPassword } from '../src/server/auth/passwords.js'
import { hashSecret, newSecret } from '../src/server/auth/secrets.js'
import { buildApp } from '../src/server/build-app.js'
import { loadConfig } from '../src/server/config.js'
import { createLogger } from '../src/server/logger.js'
import { createStore, openDatabase } from '../src/store/index.js'

const [mode = 'assess', dialect = 'sqlite', workspaces = '200', perWorkspace = '50'] =
  process.argv.slice(2)

const config = loadConfig({
  TANDEM_LOG_LEVEL: 'warn',
  TANDEM_DEMO: 'off',
  TANDEM_ASSESS_RATE: '100000000',
})
const schema = `tandem_bench_${process.pid}`
const database = await openDatabase(
  dialect === 'postgres'
    ? { kind: 'postgres', url: process.env['BENCH_DATABASE_URL'] ?? '', schema, poolSize: 10 }
    : { kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'tandem-bench-')), 'tandem.db') },
)
const store = createStore({ db: database })
const playbook = defaultPlaybook()
const app = await buildApp({
  store,
  playbook,
  config,
  logger: createLogger('warn'),
  importWorker: false,
})
const apiPort = Number(new URL(await app.listen({ port: 0, host: '127.0.0.1' })).port)
const profileText = readFileSync('examples/midsize-logistics.yaml', 'utf8')
const profile = parseProfileText(profileText, 'examples/midsize-logistics.yaml')

const ready: Record<string, unknown> = { apiPort, profile }
if (mode === 'assess') {
  // The baselines, on a bare Fastify instance (no hooks, no validation, no logger): the same
  // assessment computed in advance, returned as an object that Fastify serializes on each request
  // like any JSON route (`/bare`), and as bytes serialized in advance (`/bare-bytes`).
  const assessment = assess(profile, playbook)
  const precomputed = JSON.stringify(assessment)
  const bare = Fastify()
  bare.post('/bare', () => Promise.resolve(assessment))
  bare.post('/bare-bytes', (_request, reply) => reply.type('application/json').send(precomputed))
  ready['barePort'] = Number(new URL(await bare.listen({ port: 0, host: '127.0.0.1' })).port)
  ready['bytes'] = precomputed.length
} else {
  ready['tenants'] = await seed(Number(workspaces), Number(perWorkspace))
}
process.stdout.write(`${JSON.stringify(ready)}\n`)

process.on('SIGTERM', () => {
  void app
    .close()
    .then(async () => {
      if (dialect === 'postgres') {
        const { dropSchema } = await import('../src/store/db.js')
        await dropSchema(database, schema)
      }
      await database.close()
    })
    .finally(() => process.exit(0))
})

async function seed(count: number, organizations: number) {
  const passwordHash = await hashPassword('bench passphrase for tenants')
  const tenants = []
  for (let w = 0; w < count; w++) {
    const secret = newSecret('tdm_')
    const tenant = await store.transaction(async (tx) => {
      const user = await tx.users.create({
        email: `owner${w}@bench.example`,
        name: `Owner ${w}`,
        passwordHash,
      })
      await tx.apiTokens.create({ userId: user.id, name: 'bench', tokenHash: hashSecret(secret) })
      const workspace = await tx.workspaces.create({ userId: user.id }, { name: `Workspace ${w}` })
      const orgs = []
      for (let o = 0; o < organizations; o++) {
        const created = await tx.organizations.create({ userId: user.id }, workspace.id, {
          profile: { ...profile, name: `Org ${w}-${o}` },
        })
        orgs.push(created.id)
      }
      return { ws: workspace.id, orgs }
    })
    tenants.push({ ...tenant, token: secret })
  }
  return tenants
}
