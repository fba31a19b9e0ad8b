import type { Writable } from 'node:stream'

// Redraw at most this often: a 1,000,000-row batch must not spend its time drawing.
const REDRAW_MS = 200

/** A one-line progress counter on an interactive stderr; silent otherwise. */
export class Progress {
  readonly #stream: Writable
  readonly #enabled: boolean
  readonly #started = Date.now()
  #lastDraw = 0
  #drawn = false

  constructor(stream: Writable, enabled: boolean) {
    this.#stream = stream
    this.#enabled = enabled
  }

  update(count: number): void {
    if (!this.#enabled) return
    const now = Date.now()
    if (now - this.#lastDraw < REDRAW_MS) return
    this.#lastDraw = now
    const seconds = Math.max((now - this.#started) / 1000, 0.001)
    const rate = Math.round(count / seconds)
    this.#stream.write(
      `\r\x1b[K${count.toLocaleString('en-US')} profiles  ${rate.toLocaleString('en-US')}/s`,
    )
    this.#drawn = true
  }

  /** Clears the line so the closing summary starts clean. */
  done(): void {
    if (this.#drawn) this.#stream.write('\r\x1b[K')
  }
}
