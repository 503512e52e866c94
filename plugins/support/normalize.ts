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
function isDropped(code: number): boolean {
  return (
    code <= 0x08 || code === 0x0b || (code >= 0x0e && code <= 0x1f) || (code >= 0x7f && code <= 0x9f) ||
    code === 0xad || code === 0x180e || code === 0x200b || code === 0x2060 || code === 0xfeff
  )
}
// Whitespace folded to one ASCII space: tab, form feed, vertical tab, NBSP and the
// Unicode space separators.
function isSpace(code: number): boolean {
  return (
    code === 0x20 || code === 0x09 || code === 0x0c || code === 0x0b || code === 0xa0 || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000
  )
}
function isNewline(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029 || code === 0x85
}

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
  // mojibake): each unit's span is written to a scratch buffer of the input's
  // length, and copied once at the end.
  // A longer input gets a buffer of its own, not kept after the call.
  const buffer = input.length * 2 <= scratch.length ? scratch : new Uint32Array(input.length * 2)
  const starts = buffer.subarray(0, input.length)
  const ends = buffer.subarray(input.length, input.length * 2)
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
    let char: string | undefined
    let width = 1
    if (code >= 0xc2 && code <= 0xf4) {
      const repaired = repairAt(input, index)
      if (repaired) {
        repairs.push({start: base + index, end: base + index + repaired.length, text: input.slice(index, index + repaired.length), value: repaired.value})
        char = repaired.value
        width = repaired.length
      }
    }
    // The character's code when it is one UTF-16 unit (a repair may give two), else -1.
    const unit = char === undefined ? code : char.length === 1 ? char.charCodeAt(0) : -1
    const start = base + index
    index += width - 1
    const newline = isNewline(unit)
    if (newline || isSpace(unit)) {
      close(start - base)
      // A run of whitespace becomes one space, or one newline when it holds a line break.
      if (!pending) {
        pending = ' '
        pendingStart = start
      }
      if (newline) pending = '\n'
      pendingEnd = base + index + 1
      continue
    }
    if (unit >= 0 && isDropped(unit)) {
      close(start - base)
      continue
    }
    if (pending) {
      close(start - base)
      if (length > 0) push(pending, pendingStart, pendingEnd)
      pending = ''
    }
    if (char === undefined) {
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

/** The span buffer `normalizeText` writes into, for inputs of up to 32,768 units (its results are copies). */
const scratch = new Uint32Array(1 << 16)

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
    // One buffer for both (copied out of the scratch buffer).
    const spans = new Uint32Array(value.length * 2)
    spans.set(starts)
    spans.set(ends, value.length)
    return {value, starts: spans.subarray(0, value.length), ends: spans.subarray(value.length)}
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
