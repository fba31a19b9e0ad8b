import { join } from 'node:path'
import { ESLint, Linter } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'
import layers from '../eslint-rules/layers.js'

// The import boundaries hold at every depth: the rule resolves each relative import before judging
// it (a pattern on the import's text caught only one `../`).

const ROOT = join(import.meta.dirname, '..')
const linter = new Linter()

function violations(file: string, source: string): string[] {
  const messages = linter.verify(
    source,
    [
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: { parser: tseslint.parser },
        plugins: { tandem: layers },
        rules: { 'tandem/layers': 'error' },
      },
    ],
    { filename: join(ROOT, file) },
  )
  return messages.map((message) => message.message)
}

describe('the layers rule', () => {
  it.each([
    [
      'src/engine/stakes/deep/deeper/x.ts',
      "import { x } from '../../../../store/store.js'",
      'store',
    ],
    ['src/engine/a/b/c/d.ts', "export { y } from '../../../../server/build-app.js'", 'server'],
    ['src/engine/x.ts', "import { readFileSync } from 'node:fs'", 'node:fs'],
    ['src/engine/x.ts', "import { join } from 'path'", 'path'],
    ['src/engine/x.ts', "const m = await import('../io/load-playbook.js')", 'io'],
    ['src/contract/x.ts', "import type { Profile } from '../engine/profile-schema.js'", 'engine'],
    ['src/io/deep/er/x.ts', "import { y } from '../../../store/db.js'", 'store'],
    ['src/report/deep/er/x.ts', "import { y } from '../../../io/parse-yaml.js'", 'io'],
    ['src/store/migrations/deep/x.ts', "import { y } from '../../../server/config.js'", 'server'],
    ['src/store/x.ts', "import { y } from '../report/index.js'", 'report'],
    ['src/web/components/deep/X.tsx', "import { y } from '../../../store/store.js'", 'store'],
    ['src/web/pages/X.tsx', "import { y } from '../../io/read-profile.js'", 'io'],
    ['src/web/pages/X.tsx', "import { y } from '../../errors/app-error.js'", 'errors'],
    ['src/server/routes/deep/x.ts', "import { y } from '../../../web/App.js'", 'web'],
  ])('refuses %s importing %s', (file, source, target) => {
    const [message, ...more] = violations(file, source)
    expect(more).toEqual([])
    expect(message).toContain(target)
  })

  it.each([
    ['src/engine/stakes/deep/x.ts', "import { ROLES } from '../../../contract/roles.js'"],
    ['src/engine/stakes/deep/x.ts', "import { z } from 'zod'"],
    ['src/engine/stakes/deep/x.ts', "import type { Profile } from '../../profile-schema.js'"],
    ['src/io/deep/x.ts', "import { y } from '../../engine/assess.js'"],
    ['src/contract/api/x.ts', "import { profileSchema } from '../../engine/profile-schema.js'"],
    ['src/web/lib/x.ts', "import type { Assessment } from '../../engine/types.js'"],
    ['src/server/routes/x.ts', "import { y } from '../../store/store.js'"],
    ['src/engine/x.test.ts', "import { readFileSync } from 'node:fs'"],
    ['test/x.ts', "import { y } from '../src/server/build-app.js'"],
  ])('allows %s importing %s', (file, source) => {
    expect(violations(file, source)).toEqual([])
  })

  it('says why in the message', () => {
    expect(violations('src/engine/x.ts', "import { y } from '../store/store.js'")).toEqual([
      'engine may not import store ("../store/store.js"): the engine is pure: it imports only the contract and its own files (time and ids are passed in)',
    ])
  })
})

describe('eslint.config.js', () => {
  it.each([
    'src/engine/stakes/new/deeper/file.ts',
    'src/web/components/new/Deep.tsx',
    'src/store/new/deep/file.ts',
  ])('turns the layers rule on for %s', async (file) => {
    const config = (await new ESLint({ cwd: ROOT }).calculateConfigForFile(file)) as {
      rules: Record<string, unknown>
    }
    expect(config.rules['tandem/layers']).toEqual([2])
  })
})
