// Writes the published JSON Schemas (schemas/*.schema.json) from the engine's zod schemas.
// Run `npm run schemas` after changing a schema; a test fails while the files are stale.
import { writeFileSync } from 'node:fs'
import { jsonSchemas } from '../src/engine/assessment-schema.js'

const schemas = jsonSchemas()
for (const [name, schema] of Object.entries(schemas)) {
  writeFileSync(
    new URL(`../schemas/${name}.schema.json`, import.meta.url),
    `${JSON.stringify(schema, null, 2)}\n`,
  )
}
console.log(`wrote ${Object.keys(schemas).length} schemas to schemas/`)
