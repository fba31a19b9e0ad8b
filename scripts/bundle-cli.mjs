// Part of `npm run build`: bundles the CLI (dist/cli/*.js, built by tsc) into dist/bundle/ with
// esbuild, one chunk per command (they are loaded with dynamic imports), so a command reads a few
// files instead of hundreds of modules. The server stays as tsc built it (dist/server/), loaded only
// by `serve` and `admin`: its dependencies (Fastify, pino, the database drivers) find their own
// files at run time and are not bundled. docs/decisions.md, "The CLI is bundled".
import { build } from 'esbuild'
import { dirname, relative, resolve } from 'node:path'
import process from 'node:process'
import { URL, fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))
const outdir = resolve(root, 'dist/bundle')
const serverDir = resolve(root, 'dist/server')

// Bundled: small libraries every command may need. Everything else in node_modules stays external.
const BUNDLED = new Set([
  'commander',
  'yaml',
  'zod',
  'csv-parse',
  'csv-stringify',
  '@clack/prompts',
])

const keepServerOutside = {
  name: 'keep-server-outside',
  setup(ctx) {
    ctx.onResolve({ filter: /\/server\// }, (args) => {
      const target = resolve(args.resolveDir, args.path)
      if (!target.startsWith(serverDir)) return undefined
      // Imported from the bundle's own folder at run time.
      const path = relative(outdir, target)
      return { path: path.startsWith('.') ? path : `./${path}`, external: true }
    })
    ctx.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.startsWith('@')
        ? args.path.split('/').slice(0, 2).join('/')
        : args.path.split('/')[0]
      if (args.path.startsWith('node:') || BUNDLED.has(name)) return undefined
      return { path: args.path, external: true }
    })
  },
}

await build({
  entryPoints: {
    bin: resolve(root, 'dist/cli/bin.js'),
    'batch-worker': resolve(root, 'dist/cli/batch-worker.js'),
  },
  outdir,
  bundle: true,
  splitting: true,
  minifySyntax: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The bundle sits two folders below the package root, like dist/cli/bin.js: paths built from
  // import.meta.url (package.json, playbooks/, dist/playbooks/) stay the same.
  plugins: [keepServerOutside],
  logLevel: 'warning',
  legalComments: 'none',
  // commander and csv-parse are CommonJS: their require('node:events') needs a real require.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
})
process.stdout.write(
  `bundled the CLI into ${relative(root, outdir)}/ (from ${relative(root, dirname(serverDir))})\n`,
)
