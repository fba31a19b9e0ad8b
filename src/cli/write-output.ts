import type { CliIo } from './context.js'
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { IoError } from '../errors/io-error.js'
import { UsageError } from '../errors/usage-error.js'

/** Writes a command's result to `--out FILE`, or to stdout without one. */
export async function writeOutput(text: string, out: string | undefined, io: CliIo): Promise<void> {
  if (out === undefined) {
    await writeStream(io.stdout, text)
    return
  }
  try {
    await writeFile(out, text, 'utf8')
  } catch (error) {
    throw new IoError('write', out, error)
  }
}

/**
 * Writes to a stream and waits until it has taken the text (backpressure). A reader that went away
 * (`tandem ... | head`) is not an error: the rest of the output is dropped quietly.
 */
export function writeStream(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error && !isClosedPipe(error) ? reject(error) : resolve()))
  })
}

/** The reader of a pipe has closed it (EPIPE), or the stream was already torn down because of that. */
export function isClosedPipe(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? error.code : undefined
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED'
}

/** Refuses an output path that is the input itself: a typo must not destroy the profile. */
export function refuseOverwrite(input: string, outputs: readonly (string | undefined)[]): void {
  if (input === '-') return
  for (const output of outputs) {
    if (output !== undefined && resolve(output) === resolve(input)) {
      throw new UsageError(`refusing to overwrite the input file ${input} with results`)
    }
  }
}
