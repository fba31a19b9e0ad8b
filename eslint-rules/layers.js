// @ts-check
// The import boundaries of Tandem (docs/architecture.md "Layers"), checked on the resolved path of
// every relative import, so a file at any depth is held to its layer's rule. A folder pattern in
// `no-restricted-imports` only sees the text of the import and missed `../../` (see
// docs/decisions.md "Import boundaries as one lint rule over resolved paths").
import { builtinModules } from 'node:module'
import path from 'node:path'

/**
 * What each layer of src/ may import from src/, and why. A layer not listed (server, cli) may
 * import every layer but the web app. `contract/api` is the API's schemas: they embed the engine's.
 */
export const LAYERS = {
  contract: {
    allows: ['contract'],
    why: 'the contract is the shared language every layer imports; it imports nothing of Tandem',
  },
  'contract/api': {
    allows: ['contract', 'contract/api', 'engine'],
    why: "the API's schemas are built from the contract and the engine's schemas only",
  },
  engine: {
    allows: ['engine', 'contract'],
    why: 'the engine is pure: it imports only the contract and its own files (time and ids are passed in)',
  },
  errors: {
    allows: ['errors', 'contract'],
    why: 'adapter errors know only the contract (codes and problems)',
  },
  io: {
    allows: ['io', 'engine', 'contract', 'errors'],
    why: 'io depends on the engine and the contract; adapters (store, server, cli, web) depend on it, not the reverse',
  },
  report: {
    allows: ['report', 'engine', 'contract', 'errors'],
    why: 'reports are pure renderings of an assessment: they import the engine and the contract only',
  },
  store: {
    allows: ['store', 'engine', 'contract', 'errors'],
    why: 'the store depends on the engine and the contract; server and cli wire it up',
  },
  web: {
    allows: ['web', 'contract', 'contract/api', 'engine'],
    why: 'the web app talks to the server over HTTP; it imports only the contract and the engine’s types and schemas',
  },
  server: {
    allows: [
      'server',
      'store',
      'io',
      'report',
      'engine',
      'contract',
      'contract/api',
      'errors',
      'cli',
    ],
    why: 'the server wires the layers together; it never imports the web app',
  },
  cli: {
    allows: [
      'cli',
      'server',
      'store',
      'io',
      'report',
      'engine',
      'contract',
      'contract/api',
      'errors',
    ],
    why: 'the CLI wires the layers together; it never imports the web app',
  },
}

/** Layers whose code runs without Node (the engine is pure; contract and web run in browsers). */
const NO_NODE = new Set(['engine', 'contract', 'contract/api', 'web'])
const BUILTINS = new Set(builtinModules)
const SRC = path.resolve(import.meta.dirname, '..', 'src')

/** The layer of a path inside src/, or null outside src/ (tests, bench and scripts are free). */
export function layerOf(file, srcRoot) {
  const relative = path.relative(srcRoot, file)
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null
  const [first, second] = relative.split(path.sep)
  if (first === 'contract' && second === 'api') return 'contract/api'
  return first && first in LAYERS ? first : null
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Imports point inward only: each layer of src/ imports what its rule allows',
    },
    schema: [],
  },
  create(context) {
    const filename = context.filename
    if (/\.test\.tsx?$/.test(filename)) return {}
    const srcRoot = SRC
    const from = layerOf(filename, srcRoot)
    if (!from) return {}
    const rule = LAYERS[from]
    const check = (node, source) => {
      if (typeof source !== 'string') return
      if (source.startsWith('.')) {
        const target = layerOf(path.resolve(path.dirname(filename), source), srcRoot)
        if (target === null) {
          context.report({
            node,
            message: `${from} imports "${source}" from outside src/: ${rule.why}`,
          })
        } else if (target !== null && !rule.allows.includes(target)) {
          context.report({
            node,
            message: `${from} may not import ${target} ("${source}"): ${rule.why}`,
          })
        }
      } else if (NO_NODE.has(from) && (source.startsWith('node:') || BUILTINS.has(source))) {
        context.report({
          node,
          message: `${from} may not import the Node built-in "${source}": ${rule.why}`,
        })
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) =>
        node.source.type === 'Literal' ? check(node, node.source.value) : undefined,
    }
  },
}

export default { rules: { layers: layersRule } }
