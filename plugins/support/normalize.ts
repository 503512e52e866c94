/** Text normalization that remembers, for each output unit, where it came from. */
import iconv from 'iconv-lite'

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

/** A stretch of mojibake (UTF-8 read as a single-byte code page) and what it was repaired to. */
export interface Repair {
  /** Offsets of the mojibake in the input (plus `base`). */
  start: number
  end: number
  text: string
  value: string
}

/**
 * Normalize text: mojibake repaired (UTF-8 that was read as Windows-1252, such as
 * `â€™` for `’`, or as the code page `page` that `mojibakePage` found for the whole
 * text), line endings to LF, runs of whitespace to one space, no leading
 * or trailing whitespace on a line or at the ends, invisible and control
 * characters removed, Unicode NFC. `base` is the offset of `input` in the file.
 */
export function normalizeText(input: string, base = 0, page: CodePage = windows1252): Normalized & {repairs: Repair[]} {
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
    if (page === windows1252 ? code >= 0xc2 && code <= 0xf4 : code >= 0x80 && isLead(page.bytes.get(input[index]))) {
      const repaired = repairAt(input, index, page)
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

/**
 * A single-byte code page UTF-8 may have been read in by mistake: each of its
 * characters for the bytes 0x80–0xFF, and each C1 control as its own byte (a
 * lenient decoder, a browser's included, gives an undefined byte, and ISO-8859
 * pages give 0x80–0x9F, so).
 */
export interface CodePage {
  /** What the warning calls it (`Windows-1251`). */
  name: string
  /** Character → byte. */
  bytes: Map<string, number>
  /** A lead byte's character followed by a continuation byte's: a quick test for a stretch of mojibake. */
  pair: RegExp
}

function codePage(name: string, encoding: string): CodePage {
  const bytes = new Map<string, number>()
  for (let byte = 0x80; byte <= 0x9f; byte++) bytes.set(String.fromCharCode(byte), byte)
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const char = iconv.decode(Buffer.from([byte]), encoding)
    if (char !== '\ufffd') bytes.set(char, byte)
  }
  const chars = (low: number, high: number) =>
    [...bytes].filter(([, byte]) => byte >= low && byte <= high).map(([char]) => char.replace(/[\\\]^-]/gu, '\\$&')).join('')
  return {name, bytes, pair: new RegExp(`[${chars(0xc2, 0xf4)}][${chars(0x80, 0xbf)}]`, 'u')}
}

/** Windows-1252 (and Latin-1): mojibake repaired wherever it stands (`â€™`, `Ã©`), as no text writes it. */
export const windows1252 = codePage('Windows-1252', 'windows-1252')

/**
 * Code pages of other scripts, whose mojibake is made of the script's own
 * letters (`РџСЂРё` for `При`, `ط§ظ„` for `ال`, `ΠΊΠΏ` for
 * `ко`): repaired only in a text that is mostly such mojibake (see `mojibakePage`).
 */
const otherPages: CodePage[] = [
  codePage('Windows-1251', 'windows-1251'),
  codePage('ISO-8859-7', 'iso-8859-7'),
  codePage('Windows-1253', 'windows-1253'),
  codePage('Windows-1256', 'windows-1256'),
  codePage('Windows-1250', 'windows-1250')
]

/** A code page by its name (as `mojibakePage` gives it). */
export function codePageNamed(name: string): CodePage | undefined {
  return [windows1252, ...otherPages].find((page) => page.name === name)
}

/** How much of `text` reads as UTF-8 shown in `page`: its stretches, the units they cover, those that are C1 controls, and all units past ASCII. */
function mojibakeStats(text: string, page: CodePage): {stretches: number; covered: number; controls: number; wide: number} {
  let stretches = 0
  let covered = 0
  let controls = 0
  let wide = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x80) continue
    wide++
    const lead = page.bytes.get(text[index])
    const repaired = isLead(lead) ? repairAt(text, index, page) : undefined
    if (!repaired) continue
    stretches++
    covered += repaired.length
    wide += repaired.length - 1
    for (let offset = 0; offset < repaired.length; offset++) {
      const unit = text.charCodeAt(index + offset)
      if (unit >= 0x80 && unit <= 0x9f) controls++
    }
    index += repaired.length - 1
  }
  return {stretches, covered, controls, wide}
}

/**
 * The code page `text` was shown in when it is UTF-8 read as another script's
 * code page: at least three stretches of mojibake that make up at least half
 * of its units past ASCII (a Russian or Arabic text writes a few such pairs,
 * `в»`, never most of its letters so); else Windows-1252, whose mojibake is
 * repaired wherever it stands. `controls`: how many of the text's C1 controls
 * are bytes of that mojibake (not control characters).
 */
export function mojibakePage(text: string): {page: CodePage; controls: number} {
  let best: {page: CodePage; covered: number; controls: number} | undefined
  for (const page of otherPages) {
    if (!page.pair.test(text)) continue
    const stats = mojibakeStats(text, page)
    if (stats.stretches >= 3 && stats.covered * 2 >= stats.wide && stats.covered > (best?.covered ?? 0)) best = {page, covered: stats.covered, controls: stats.controls}
  }
  // (Windows-1252's wins when it covers as much: `â€™` reads in Windows-1250 and -1256 too, `Ã©` in Windows-1252 only)
  const latin = best || /[\u0080-\u009f]/u.test(text) ? mojibakeStats(text, windows1252) : undefined
  if (best && best.covered > latin!.covered) return {page: best.page, controls: best.controls}
  return {page: windows1252, controls: latin?.controls ?? 0}
}

/** Whether `byte` can start a UTF-8 character of two to four bytes. */
function isLead(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0xc2 && byte <= 0xf4
}

/** If the input at `index` is one UTF-8 character shown in `page`, what it was. */
function repairAt(input: string, index: number, page: CodePage): {value: string; length: number} | undefined {
  const lead = page.bytes.get(input[index])!
  const length = lead <= 0xdf ? 2 : lead <= 0xef ? 3 : 4
  const bytes = new Uint8Array(length)
  bytes[0] = lead
  for (let offset = 1; offset < length; offset++) {
    const byte = page.bytes.get(input[index + offset] ?? '')
    if (byte === undefined || byte < 0x80 || byte > 0xbf) {
      // `â€` whose third byte (0x9D, undefined in Windows-1252) was dropped, at
      // the end of a word: that was a closing quote `”`.
      if (page === windows1252 && lead === 0xe2 && offset === 2 && bytes[1] === 0x80 && !/[\p{L}\p{N}]/u.test(input[index + 2] ?? '')) {
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
