import type { CsvRow } from '../io/read-csv-profiles.js'
import type { ChunkMessage } from './batch-record.js'
import type { BatchWorkerSetup } from './batch-worker.js'
import { once } from 'node:events'
import { Worker } from 'node:worker_threads'

/**
 * One worker thread of `tandem batch`. Chunks are answered in the order they were sent (a worker
 * handles its messages one at a time), so each `assess` resolves in input order.
 */
export class BatchWorker {
  readonly #worker: Worker
  readonly #waiting: {
    resolve: (chunk: ChunkMessage) => void
    reject: (error: unknown) => void
  }[] = []
  #failure: Error | null = null

  private constructor(worker: Worker) {
    this.#worker = worker
    worker.on('message', (message: ChunkMessage) => this.#waiting.shift()?.resolve(message))
    worker.on('error', (error: Error) => this.#fail(error))
    worker.on('exit', (code) => {
      if (this.#waiting.length > 0) this.#fail(new Error(`batch worker exited with code ${code}`))
    })
  }

  /** Starts a worker and waits until it has loaded its playbook. */
  static async start(setup: BatchWorkerSetup): Promise<BatchWorker> {
    // From dist/ the worker is JavaScript; from the sources (tsx, tests) it registers tsx first.
    const url = new URL(
      `./batch-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`,
      import.meta.url,
    )
    const worker = url.pathname.endsWith('.ts')
      ? new Worker(
          `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}) })`,
          { eval: true, workerData: setup },
        )
      : new Worker(url, { workerData: setup })
    // `once` rejects if the worker fails (an 'error' event) before it is ready.
    const [ready] = (await once(worker, 'message')) as [unknown]
    if (ready !== 'ready') throw new Error('batch worker did not start')
    return new BatchWorker(worker)
  }

  /** Validates, assesses and formats a chunk of rows on the worker. */
  assess(rows: readonly CsvRow[]): Promise<ChunkMessage> {
    if (this.#failure !== null) return Promise.reject(this.#failure)
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject })
      this.#worker.postMessage(rows)
    })
  }

  async stop(): Promise<void> {
    await this.#worker.terminate()
  }

  #fail(error: Error): void {
    this.#failure = error
    for (const waiter of this.#waiting.splice(0)) waiter.reject(error)
  }
}
