/** Reading raw input files: size limits and the reasons a file cannot be read. */
import {closeSync, fstatSync, openSync, readSync} from 'node:fs'
import type {Input} from './discover.js'
import {DocprovError} from './errors.js'
import type {Rejection} from './manifest.js'
import {defaultMaxLines} from '../plugins/decode-text.js'

export {defaultMaxLines}

/** Default largest input: 50 MiB. */
export const defaultMaxBytes = 50 * 1024 * 1024

/** Check `maxBytes` (default 50 MiB). */
export function checkMaxBytes(value: number | undefined): number {
  const maxBytes = value ?? defaultMaxBytes
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    throw new DocprovError('Invalid `maxBytes`, expected a positive whole number of bytes', {code: 'usage'})
  }
  return maxBytes
}

/** Where to read an input: its path, or the bytes of a name that is not UTF-8. */
export function locationOf(input: Input): string | Buffer {
  return input.location ?? input.path
}

/** Check `maxLines` (default 50,000). */
export function checkMaxLines(value: number | undefined): number {
  const maxLines = value ?? defaultMaxLines
  if (!Number.isSafeInteger(maxLines) || maxLines < 1) {
    throw new DocprovError('Invalid `maxLines`, expected a positive whole number of lines', {code: 'usage'})
  }
  return maxLines
}

/** Read an input file, or say why it is rejected (`unsupported-type`, `too-large`, `unreadable`). */
export async function readInput(input: Input, maxBytes: number): Promise<{bytes: Uint8Array} | Rejection> {
  if (input.rejection) return {path: input.path, sha256: null, ...input.rejection}
  if (!input.format) {
    return {
      path: input.path,
      sha256: null,
      reason: 'unsupported-type',
      message: `Unexpected file type \`${input.path}\`, expected \`.txt\` or \`.md\`: convert it to plain text first`
    }
  }
  try {
    return readAtMost(locationOf(input), maxBytes, input.path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    return {
      path: input.path,
      sha256: null,
      reason: 'unreadable',
      message: `Cannot read file (${code}): check that it exists and that you may read it`
    }
  }
}

/** The rejection of a file over `--max-bytes`. */
export function tooLarge(file: string, size: number, maxBytes: number): Rejection {
  return {
    path: file,
    sha256: null,
    reason: 'too-large',
    message: `File of ${size} bytes is larger than --max-bytes (${maxBytes}): raise --max-bytes or split the file`
  }
}

/** The buffer every read after a file's first goes through. */
const scratch = new Uint8Array(1 << 16)

/**
 * Read a file, or reject it when it is larger than `limit` bytes (it may also
 * grow past it while being read). Synchronous: for the small files a corpus is
 * made of, four round trips through libuv's thread pool (open, stat, read,
 * close) cost several times the reads themselves, and leave the thread idle.
 */
function readAtMost(file: string | Buffer, limit: number, shown: string): {bytes: Uint8Array} | Rejection {
  const fd = openSync(file, 'r')
  try {
    const size = fstatSync(fd).size
    if (size > limit) return tooLarge(shown, size, limit)
    const chunks: Uint8Array[] = []
    let total = 0
    // The first read asks for one byte more than expected, to see the end at
    // once. Its buffer is its own memory (not a slice of Node's shared pool),
    // so it can be handed on as is.
    let buffer = new Uint8Array(Math.min(size + 1, limit + 1))
    for (;;) {
      const bytesRead = readSync(fd, buffer, 0, buffer.length, null)
      if (bytesRead === 0) break
      // Later reads (only when the file grew) go through one reused buffer
      // and are copied out: a fresh zero-filled megabyte for the read that
      // finds the end cost more than reading the file itself.
      chunks.push(chunks.length === 0 ? buffer.subarray(0, bytesRead) : buffer.slice(0, bytesRead))
      total += bytesRead
      if (total > limit) throw Object.assign(new Error('file grew past --max-bytes while reading'), {code: 'EFBIG'})
      buffer = scratch.subarray(0, Math.min(scratch.length, limit + 1 - total))
    }
    // Usually one read: no copy.
    return {bytes: chunks.length === 1 ? chunks[0] : chunks.length === 0 ? new Uint8Array(0) : new Uint8Array(Buffer.concat(chunks))}
  } finally {
    closeSync(fd)
  }
}
