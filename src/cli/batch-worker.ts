// A worker thread of `tandem batch`: validates and assesses CSV rows that the main thread parsed, and
// sends back their formatted outcomes, so that parsing and assessing use both cores.
import type { CsvLayout } from '../io/csv-profile.js'
import type { CsvRow } from '../io/read-csv-profiles.js'
import type { BatchDetail, BatchOutput } from './batch-record.js'
import { parentPort, workerData } from 'node:worker_threads'
import { csvRowToRecord } from '../io/read-csv-profiles.js'
import { ChunkOutcome, processRecord } from './batch-record.js'
import { resolvePlaybook } from './resolve-playbook.js'

/** What the main thread tells a worker once, when it starts. */
export interface BatchWorkerSetup {
  readonly source: string
  readonly layout: CsvLayout
  readonly playbookPath: string | undefined
  readonly detail: BatchDetail
  readonly output: BatchOutput
}

const setup = workerData as BatchWorkerSetup
const playbook = await resolvePlaybook(setup.playbookPath)
const port = parentPort
if (!port) throw new Error('batch-worker must run as a worker thread')

port.on('message', (rows: readonly CsvRow[]) => {
  const chunk = new ChunkOutcome()
  for (const row of rows) {
    const record = csvRowToRecord(row, setup.source, setup.layout)
    chunk.add(processRecord(record, playbook, setup.detail, setup.output))
  }
  port.postMessage(chunk.toMessage())
})
port.postMessage('ready')
