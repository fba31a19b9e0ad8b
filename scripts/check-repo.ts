// Shows the import rules of src/ and checks that they hold, and that every relative link of the
// Markdown files resolves inside the repository. `.ci/run` runs it; test/repo.test.ts asserts it.
import { brokenLinks, importRules, importViolations, markdownFiles } from '../test/repo-checks.js'

console.log('Import rules (eslint-rules/layers.js):')
for (const line of importRules()) console.log(`  ${line}`)
const violations = await importViolations()
console.log(`Imports in src/: ${violations.length === 0 ? 'every one within its layer' : ''}`)
for (const line of violations) console.log(`  ${line}`)
const files = markdownFiles()
const broken = brokenLinks(files)
console.log(`Links in ${files.length} Markdown files: ${broken.length === 0 ? 'all resolve' : ''}`)
for (const line of broken) console.log(`  ${line}`)
process.exitCode = violations.length + broken.length === 0 ? 0 : 1
