import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import layers, { LAYERS } from '../eslint-rules/layers.js'

// What scripts/check-repo.ts shows and test/repo.test.ts asserts: the import rules hold in src/,
// and every link of the docs resolves to a file inside the repository.

export const ROOT = resolve(import.meta.dirname, '..')

/** Each layer of src/ and what it may import, as eslint-rules/layers.js enforces it. */
export function importRules(): string[] {
  return Object.entries(LAYERS).map(
    ([layer, rule]) => `${layer.padEnd(12)} → ${rule.allows.join(', ')}  (${rule.why})`,
  )
}

/** Every import in src/ that breaks its layer's rule, as `file:line message`. */
export async function importViolations(): Promise<string[]> {
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts', '**/*.tsx'],
        // Tests may import across layers; their `eslint-disable` comments name rules not loaded here.
        ignores: ['**/*.test.ts', '**/*.test.tsx'],
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        languageOptions: { parser: tseslint.parser },
        plugins: { tandem: layers },
        rules: { 'tandem/layers': 'error' },
      },
    ],
  })
  const results = await eslint.lintFiles(['src/**/*.ts', 'src/**/*.tsx'])
  return results.flatMap((result) =>
    result.messages
      .filter((message) => message.ruleId === 'tandem/layers')
      .map((message) => `${relative(ROOT, result.filePath)}:${message.line} ${message.message}`),
  )
}

/** The Markdown files of the repository (README, CONTRIBUTING, docs/ and the rest). */
export function markdownFiles(dir = ROOT): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.') || name === 'dist') return []
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return markdownFiles(path)
    return name.endsWith('.md') ? [path] : []
  })
}

/** Every relative link of the Markdown files that points outside the repository or at nothing. */
export function brokenLinks(files: readonly string[] = markdownFiles()): string[] {
  return files.flatMap((file) => {
    const text = readFileSync(file, 'utf8')
    const broken: string[] = []
    for (const match of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = (match[1] ?? '').split('#')[0] ?? ''
      if (target === '' || /^[a-z][a-z+.-]*:/i.test(target)) continue
      const path = resolve(dirname(file), decodeURI(target))
      const inside = !relative(ROOT, path).startsWith('..')
      if (!inside || !existsSync(path)) broken.push(`${relative(ROOT, file)}: ${match[1] ?? ''}`)
    }
    for (const line of text.split('\n').filter((l) => /\.\.\/shared\/|shared\/spec\//.test(l))) {
      broken.push(`${relative(ROOT, file)}: names a file outside the repository: ${line.trim()}`)
    }
    return broken
  })
}
