// The batch baseline: csv-parse alone reading the same file (header mapped to columns), nothing else.
import { createReadStream } from 'node:fs'
import { parse } from 'csv-parse'
import process from 'node:process'

let rows = 0
const parser = createReadStream(process.argv[2]).pipe(parse({ columns: true }))
for await (const record of parser) if (record) rows++
process.stdout.write(`${rows}\n`)
