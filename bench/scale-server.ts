// Child process of bench/scale-bench.ts. `seed <dialect> <target> <organizations>` writes one workspace
// of generated organizations (3 profile versions, 3 assessments and a charter each) through the
// workspace import, then exits. `serve <dialect> <target>` serves that database on loopback and prints
// one JSON line with the port, the workspace and an API token. Run with --import report-rss.mjs, the
// server's peak RSS covers serving (the export) only, not the seeding.
import { readFileSync } from 'node:fs'
import { assess } from '../src/engine/assess.js'
import { defaultPlaybook } from '../src/io/load-playbook.js'
import { parseProfileText } from '../src/io/read-profile.js'
import { hashSecret, newSecret } from '../src/server/auth/secrets.js'
import { buildApp } from '../src/server/build-app.js'
import { loadConfig } from '../src/server/config.js'
import { createLogger } from '../src/server/logger.js'
import type { DatabaseConfig, WorkspaceExport } from '../src/store/index.js'
import { createStore, openDatabase, WORKSPACE_EXPORT_SCHEMA } from '../src/store/index.js'

const [mode, dialect, target = '', organizations = '1000'] = process.argv.slice(2)

const config: DatabaseConfig =
  dialect === 'postgres'
    ? {
        kind: 'postgres',
        url: process.env['BENCH_DATABASE_URL'] ?? '',
        schema: target,
        poolSize: 10,
      }
    : { kind: 'sqlite', path: target }
const database = await openDatabase(config)
const store = createStore({ db: database })
const playbook = defaultPlaybook()

if (mode === 'seed') {
  const profile = parseProfileText(
    readFileSync('examples/midsize-logistics.yaml', 'utf8'),
    'examples/midsize-logistics.yaml',
  )
  const result = assess(profile, playbook)
  const user = await store.users.create({
    email: 'owner@scale.example',
    name: 'Owner',
    passwordHash: 'unused',
  })
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString()
  const count = Number(organizations)
  // One result and one profile object shared by every row: the seeding itself stays small.
  const data: WorkspaceExport = {
    schema: WORKSPACE_EXPORT_SCHEMA,
    exportedAt: at(0),
    workspace: { id: 'scale', name: 'Scale' },
    organizations: Array.from({ length: count }, (_, i) => ({
      id: `o${i}`,
      name: `Organization ${String(i).padStart(5, '0')}`,
      versions: [1, 2, 3].map((version) => ({
        version,
        profile,
        createdAt: at(i * 10 + version),
        createdBy: user.id,
      })),
    })),
    assessments: Array.from({ length: count * 3 }, (_, k) => ({
      id: `a${k}`,
      organizationId: `o${Math.floor(k / 3)}`,
      profileVersion: (k % 3) + 1,
      createdAt: at(Math.floor(k / 3) * 10 + (k % 3) + 4),
      createdBy: user.id,
      result,
    })),
    charters: Array.from({ length: count }, (_, i) => ({
      id: `c${i}`,
      assessmentId: `a${i * 3 + 2}`,
      versions: [
        { version: 1, charter: result.charter, createdAt: at(i * 10 + 8), createdBy: user.id },
      ],
    })),
    playbooks: [],
  }
  const workspace = await store.workspaces.import({ userId: user.id }, data)
  const token = newSecret('tdm_')
  await store.apiTokens.create({ userId: user.id, name: 'bench', tokenHash: hashSecret(token) })
  await database.close()
  process.stdout.write(`${JSON.stringify({ ws: workspace.id, token })}\n`)
} else {
  const app = await buildApp({
    store,
    playbook,
    config: loadConfig({ TANDEM_LOG_LEVEL: 'warn', TANDEM_DEMO: 'off' }),
    logger: createLogger('warn'),
    importWorker: false,
  })
  const port = Number(new URL(await app.listen({ port: 0, host: '127.0.0.1' })).port)
  process.stdout.write(`${JSON.stringify({ port })}\n`)
  process.on('SIGTERM', () => {
    void app
      .close()
      .then(() => database.close())
      .finally(() => process.exit(0))
  })
}
