// Writes docs/errors.md from the contract's error table (src/contract/error-codes.ts).
// Run `npm run docs:errors` after changing a code; test/error-docs.test.ts fails while it is stale.
import { writeFileSync } from 'node:fs'
import { errorDocsPath, formattedErrorDocs } from '../test/error-docs.js'

writeFileSync(errorDocsPath, await formattedErrorDocs())
console.log('wrote docs/errors.md')
