import type { Readable } from 'node:stream'
import { open, stat } from 'node:fs/promises'
import { IoError } from '../errors/io-error.js'
import { NotFoundError } from '../errors/not-found-error.js'
import { TooLargeError } from '../errors/too-large-error.js'

/** Opens a file for streaming; a missing or unreadable file becomes a typed error naming it. */
export async function openInput(path: string): Promise<Readable> {
  try {
    const handle = await open(path, 'r')
    const info = await handle.stat()
    if (info.isDirectory()) {
      await handle.close()
      throw new IoError('read', `${path}: it is a directory`)
    }
    return handle.createReadStream()
  } catch (error) {
    throw fileError(error, path)
  }
}

/** Reads a whole file or stream as UTF-8, refusing it once it passes `maxBytes`. */
export async function readTextLimited(
  input: string | Readable,
  source: string,
  maxBytes: number,
): Promise<string> {
  if (typeof input === 'string') {
    const info = await stat(input).catch((error: unknown) => {
      throw fileError(error, input)
    })
    if (info.isFile() && info.size > maxBytes) throw new TooLargeError(source, maxBytes)
  }
  const stream = typeof input === 'string' ? await openInput(input) : input
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
      size += buffer.length
      if (size > maxBytes) throw new TooLargeError(source, maxBytes)
      chunks.push(buffer)
    }
  } catch (error) {
    if (typeof input === 'string') stream.destroy()
    throw error instanceof TooLargeError ? error : fileError(error, source)
  }
  return stripBom(Buffer.concat(chunks).toString('utf8'))
}

/** Maps a Node file-system error to the adapter error the CLI and server understand. */
export function fileError(error: unknown, path: string): Error {
  if (
    error instanceof IoError ||
    error instanceof NotFoundError ||
    error instanceof TooLargeError
  ) {
    return error
  }
  const code = error instanceof Error && 'code' in error ? error.code : undefined
  if (code === 'ENOENT') return new NotFoundError('file', path, error)
  if (code === 'EISDIR') return new IoError('read', `${path}: it is a directory`, error)
  return new IoError('read', path, error)
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
