/** Text normalization that remembers, for each output unit, where it came from. */
import {decodeAs} from './decode.js'

/** Normalized text and, per UTF-16 unit, the span of the input it came from. */
export interface Normalized {
  value: string
  starts: Uint32Array
  ends: Uint32Array
}

// Characters removed outright: zero-width space, word joiner, BOM inside text,
// soft hyphen, Mongolian vowel separator, C0 controls (but tab, LF, CR) and C1 controls.
// ZWNJ and ZWJ are kept: they change how Persian, Indic scripts and emoji render.
// eslint-disable-next-line no-control-regex
const dropped = /[\u200b\u2060\ufeff\u00ad\u180e\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/
// Whitespace folded to one ASCII space: tab, form feed, vertical tab, NBSP and the
// Unicode space separators.
const spaces = /[\t\f\v \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/
const newlines = /[\n\r\u2028\u2029\u0085]/

/** Text with nothing but whitespace, invisible and control characters. */
// eslint-disable-next-line no-control-regex
export const blank = /^[\s\u200b\u2060\ufeff\u00ad\u0000-\u001f]*$/

/** A stretch of mojibake (UTF-8 read as Windows-1252) and what it was repaired to. */
export interface Repair {
  /** Offsets of the mojibake in the input (plus `base`). */
  start: number
  end: number
  text: string
  value: string
}

/**
 * Normalize text: mojibake repaired (UTF-8 that was read as Windows-1252, such as
 * `â€™` for `’`), line endings to LF, runs of whitespace to one space, no leading
 * or trailing whitespace on a line or at the ends, invisible and control
 * characters removed, Unicode NFC. `base` is the offset of `input` in the file.
 */
export function normalizeText(input: string, base = 0): Normalized & {repairs: Repair[]} {
  // The output is never longer than the input (a repair is shorter than its
  // mojibake), so the spans fit in arrays of the input's length.
  const starts = new Uint32Array(input.length)
  const ends = new Uint32Array(input.length)
  const parts: string[] = []
  const repairs: Repair[] = []
  let length = 0
  // Input copied as is is written a run at a time: `runStart` is where the open run began.
  let runStart = -1
  // What is pending: a space or newline is only written when text follows it.
  let pending: '' | ' ' | '\n' = ''
  let pendingStart = 0
  let pendingEnd = 0

  const close = (index: number) => {
    if (runStart >= 0) parts.push(input.slice(runStart, index))
    runStart = -1
  }
  const push = (unit: string, start: number, end: number) => {
    parts.push(unit)
    starts[length] = start
    ends[length++] = end
  }

  for (let index = 0; index < input.length; index++) {
    const code = input.charCodeAt(index)
    // Printable ASCII: copied as is (the common case, without tests).
    if (code > 0x20 && code < 0x7f) {
      if (pending) {
        close(index)
        if (length > 0) push(pending, pendingStart, pendingEnd)
        pending = ''
      }
      if (runStart < 0) runStart = index
      starts[length] = base + index
      ends[length++] = base + index + 1
      continue
    }
    let char = input[index]
    let width = 1
    if (code >= 0xc2 && code <= 0xf4) {
      const repaired = repairAt(input, index)
      if (repaired) {
        repairs.push({start: base + index, end: base + index + repaired.length, text: input.slice(index, index + repaired.length), value: repaired.value})
        char = repaired.value
        width = repaired.length
      }
    }
    const start = base + index
    index += width - 1
    const isNewline = newlines.test(char)
    if (isNewline || (char.length === 1 && spaces.test(char))) {
      close(start - base)
      // A run of whitespace becomes one space, or one newline when it holds a line break.
      if (!pending) {
        pending = ' '
        pendingStart = start
      }
      if (isNewline) pending = '\n'
      pendingEnd = base + index + 1
      continue
    }
    if (char.length === 1 && dropped.test(char)) {
      close(start - base)
      continue
    }
    if (pending) {
      close(start - base)
      if (length > 0) push(pending, pendingStart, pendingEnd)
      pending = ''
    }
    if (width === 1) {
      // Any other character of the input: part of the run.
      if (runStart < 0) runStart = index
      starts[length] = start
      ends[length++] = start + 1
      continue
    }
    close(start - base)
    // A repaired character may be two UTF-16 units; both cite the whole mojibake.
    for (let part = 0; part < char.length; part++) push(char[part], start, base + index + 1)
  }
  close(input.length)

  return {...composeNfc(parts.join(''), starts.subarray(0, length), ends.subarray(0, length)), repairs}
}

/** Windows-1252 character → byte, for 0x80–0xFF (undefined bytes as their C1 control). */
const cp1252 = new Map<string, number>()
for (let byte = 0x80; byte <= 0xff; byte++) {
  const char = decodeAs(new Uint8Array([byte]), 'windows-1252', false)
  cp1252.set(char === '\ufffd' ? String.fromCharCode(byte) : char, byte)
}

/** If the input at `index` is one UTF-8 character shown as Windows-1252, what it was. */
function repairAt(input: string, index: number): {value: string; length: number} | undefined {
  const lead = input.charCodeAt(index)
  const length = lead <= 0xdf ? 2 : lead <= 0xef ? 3 : 4
  const bytes = new Uint8Array(length)
  bytes[0] = lead
  for (let offset = 1; offset < length; offset++) {
    const byte = cp1252.get(input[index + offset] ?? '')
    if (byte === undefined || byte < 0x80 || byte > 0xbf) {
      // `â€` whose third byte (0x9D, undefined in Windows-1252) was dropped, at
      // the end of a word: that was a closing quote `”`.
      if (lead === 0xe2 && offset === 2 && bytes[1] === 0x80 && !/[\p{L}\p{N}]/u.test(input[index + 2] ?? '')) {
        return {value: '”', length: 2}
      }
      return undefined
    }
    bytes[offset] = byte
  }
  try {
    return {value: new TextDecoder('utf-8', {fatal: true}).decode(bytes), length}
  } catch {
    return undefined
  }
}

/** Apply NFC; a composed cluster maps to the span of everything it came from. */
function composeNfc(value: string, starts: Uint32Array, ends: Uint32Array): Normalized {
  const composed = value.normalize('NFC')
  if (composed === value) {
    // Copies, so that the input-sized buffers they were cut from are not kept.
    return {value, starts: starts.slice(), ends: ends.slice()}
  }
  const outStarts: number[] = []
  const outEnds: number[] = []
  const out: string[] = []
  // Clusters start at each character that is not a combining mark.
  const clusters = value.match(/[^\p{M}][\p{M}]*|[\p{M}]+/gsu) ?? []
  let offset = 0
  for (const cluster of clusters) {
    const nfc = cluster.normalize('NFC')
    const start = starts[offset]
    const end = ends[offset + cluster.length - 1]
    for (let index = 0; index < nfc.length; index++) {
      out.push(nfc[index])
      outStarts.push(nfc === cluster ? starts[offset + index] : start)
      outEnds.push(nfc === cluster ? ends[offset + index] : end)
    }
    offset += cluster.length
  }
  return {value: out.join(''), starts: Uint32Array.from(outStarts), ends: Uint32Array.from(outEnds)}
}
