import type { Writable } from 'node:stream'
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { IoError } from '../errors/io-error.js'

// Small writes are gathered into chunks of about this size: fewer syscalls, bounded memory.
const CHUNK_CHARS = 64 * 1024

/** A file written in chunks, waiting for the disk when it falls behind (backpressure). */
export class BufferedWriter {
  readonly #stream: Writable
  readonly #path: string
  #pending: string[] = []
  #size = 0
  #failure: unknown = null

  private constructor(stream: Writable, path: string) {
    this.#stream = stream
    this.#path = path
    stream.on('error', (error) => {
      this.#failure = error
    })
  }

  /** Opens (creates or truncates) a file; fails with IoError naming it. */
  static async open(path: string): Promise<BufferedWriter> {
    const stream = createWriteStream(path)
    try {
      await once(stream, 'open')
    } catch (error) {
      throw new IoError('write', path, error)
    }
    return new BufferedWriter(stream, path)
  }

  async write(text: string): Promise<void> {
    this.#pending.push(text)
    this.#size += text.length
    if (this.#size >= CHUNK_CHARS) await this.#flush()
  }

  async close(): Promise<void> {
    await this.#flush()
    this.#stream.end()
    if (!this.#stream.writableFinished) await once(this.#stream, 'finish').catch(() => undefined)
    this.#check()
  }

  async #flush(): Promise<void> {
    this.#check()
    if (this.#pending.length === 0) return
    const chunk = this.#pending.join('')
    this.#pending = []
    this.#size = 0
    if (!this.#stream.write(chunk)) await once(this.#stream, 'drain')
    this.#check()
  }

  #check(): void {
    if (this.#failure !== null) throw new IoError('write', this.#path, this.#failure)
  }
}
