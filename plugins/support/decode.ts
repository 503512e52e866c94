/** Byte-level decoding of raw files, and the mapping from text offsets back to byte offsets. */
import iconv from 'iconv-lite'

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

/** Result of decoding raw bytes. */
export interface DecodeResult {
  text: string
  encoding: Encoding
  bomBytes: number
}

/**
 * Decode raw bytes: a UTF-8 or UTF-16 byte-order mark decides the encoding (and is
 * stripped); otherwise UTF-8 when the bytes are valid UTF-8, else Windows-1252.
 */
export function decodeBytes(raw: Uint8Array): DecodeResult {
  if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) {
    return {text: decodeAs(raw.subarray(3), 'utf-8', false), encoding: 'utf-8', bomBytes: 3}
  }
  if (raw[0] === 0xff && raw[1] === 0xfe) {
    return {text: decodeAs(raw.subarray(2), 'utf-16le', false), encoding: 'utf-16le', bomBytes: 2}
  }
  if (raw[0] === 0xfe && raw[1] === 0xff) {
    return {text: decodeAs(raw.subarray(2), 'utf-16be', false), encoding: 'utf-16be', bomBytes: 2}
  }
  try {
    return {text: decodeAs(raw, 'utf-8', true), encoding: 'utf-8', bomBytes: 0}
  } catch {
    // Not valid UTF-8: crawl dumps of older sites are most often Windows-1252.
    return {text: decodeAs(raw, 'windows-1252', false), encoding: 'windows-1252', bomBytes: 0}
  }
}

/** Decode bytes with one encoding (`fatal` throws on invalid input). */
export function decodeAs(bytes: Uint8Array, encoding: Encoding, fatal: boolean): string {
  // Node's TextDecoder reads `windows-1252` as Latin-1 (0x80–0x9F become C1
  // controls); iconv-lite has the real table, one character per byte.
  if (encoding === 'windows-1252') return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252')
  return new TextDecoder(encoding, {fatal, ignoreBOM: true}).decode(bytes)
}

/**
 * Build a function that turns an offset into the decoded text (UTF-16 units)
 * into a byte offset into the raw file.
 */
export function createByteOffset(text: string, encoding: Encoding, bomBytes: number): (offset: number) => number {
  if (encoding === 'windows-1252') return (offset) => bomBytes + offset
  if (encoding !== 'utf-8') return (offset) => bomBytes + 2 * offset
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(text)) return (offset) => bomBytes + offset

  const prefix = new Uint32Array(text.length + 1)
  let bytes = 0
  for (let index = 0; index < text.length; index++) {
    prefix[index] = bytes
    const code = text.charCodeAt(index)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    // A surrogate pair is four bytes: count two for each half.
    else if (code >= 0xd800 && code <= 0xdfff) bytes += 2
    else bytes += 3
  }
  prefix[text.length] = bytes
  return (offset) => bomBytes + prefix[Math.max(0, Math.min(offset, text.length))]
}
