/** Byte-level decoding of raw files, and the mapping from text offsets back to byte offsets. */
import {analyse} from 'chardet'
import iconv from 'iconv-lite'

/**
 * Legacy encodings a file that is not UTF-8 is read in when its bytes say so
 * (see `legacyEncoding`), by their WHATWG names; any other such file is read as
 * Windows-1252.
 */
export const legacyEncodings = [
  'windows-1250',
  'windows-1251',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'windows-874',
  'iso-8859-2',
  'iso-8859-5',
  'iso-8859-6',
  'iso-8859-7',
  'koi8-r',
  'shift_jis',
  'euc-jp',
  'gb18030',
  'big5',
  'euc-kr'
] as const

export type LegacyEncoding = (typeof legacyEncodings)[number]

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | LegacyEncoding

/** Encodings of more than one byte per character (their byte offsets are worked out character by character). */
const multiByte = new Set<Encoding>(['shift_jis', 'euc-jp', 'gb18030', 'big5', 'euc-kr'])

/** Result of decoding raw bytes. */
export interface DecodeResult {
  text: string
  encoding: Encoding
  bomBytes: number
  /** In UTF-8 with broken bytes: how many sequences became U+FFFD, and where the first is in `text`. */
  broken?: {broken: number; first: number}
}

/**
 * Decode raw bytes: a UTF-8 or UTF-16 byte-order mark decides the encoding (and is
 * stripped); otherwise UTF-8 when the bytes are valid UTF-8, or mostly so
 * (`mostlyUtf8`: its broken bytes become U+FFFD), else the legacy encoding the
 * bytes show (`legacyEncoding`), else Windows-1252.
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
    // UTF-8 with a few broken bytes (a cut or a bad copy): each is U+FFFD, the rest as written.
    const broken = mostlyUtf8(raw)
    if (broken) return {text: decodeAs(raw, 'utf-8', false), encoding: 'utf-8', bomBytes: 0, broken}
    const legacy = legacyEncoding(raw)
    if (legacy) return {text: legacy.text, encoding: legacy.encoding, bomBytes: 0}
    // Crawl dumps of older Western sites are most often Windows-1252 (and UTF-8
    // with a few broken bytes reads as its mojibake, which normalization repairs).
    return {text: decodeAs(raw, 'windows-1252', false), encoding: 'windows-1252', bomBytes: 0}
  }
}

/** Latin-script code pages: chosen over Windows-1252 only by a clear margin, since most of their letters are the same bytes. */
const latin = new Map<string, LegacyEncoding>([
  ['windows-1250', 'windows-1250'],
  ['ISO-8859-2', 'iso-8859-2'],
  ['windows-1254', 'windows-1254'],
  // Windows-1254 is ISO-8859-9 with printable characters for its C1 controls (as WHATWG reads it).
  ['ISO-8859-9', 'windows-1254'],
  ['windows-1257', 'windows-1257']
])

/** Code pages of other scripts. */
const otherScripts = new Map<string, LegacyEncoding>([
  ['windows-1251', 'windows-1251'],
  ['KOI8-R', 'koi8-r'],
  ['ISO-8859-5', 'iso-8859-5'],
  ['ISO-8859-6', 'iso-8859-6'],
  ['windows-1256', 'windows-1256'],
  ['ISO-8859-7', 'iso-8859-7'],
  ['windows-1253', 'windows-1253'],
  // Hebrew: Windows-1255 is ISO-8859-8 with punctuation, points and ₪ besides.
  ['ISO-8859-8', 'windows-1255'],
  ['windows-1255', 'windows-1255']
])

/** East Asian encodings of one or two bytes (four in GB18030) per character. */
const eastAsian = new Map<string, LegacyEncoding>([
  ['Shift_JIS', 'shift_jis'],
  ['EUC-JP', 'euc-jp'],
  ['GB18030', 'gb18030'],
  ['Big5', 'big5'],
  ['EUC-KR', 'euc-kr']
])

/**
 * The legacy encoding bytes that are not UTF-8 are in, and their text, or
 * `undefined` for Windows-1252. chardet (ICU's detector: byte sequences of
 * East Asian encodings, letter n-grams of single-byte code pages) is asked
 * only about at least 12 bytes past ASCII, and taken only when it is sure: an East Asian encoding at 80 (of 100) or more, with
 * almost no undecodable bytes; else Thai (Windows-874, TIS-620, which chardet
 * does not know) when the order of its letters and marks shows it; else a
 * code page of another script at 20 or more; a Latin-script one (Central
 * European, Turkish, Baltic) 8 points or more above Windows-1252, which reads
 * most of their letters the same (and not when it reads them all the same).
 */
export function legacyEncoding(raw: Uint8Array): {encoding: LegacyEncoding; text: string} | undefined {
  // Too few bytes past ASCII to tell anything (chardet takes seven bytes for Russian).
  let high = 0
  for (let index = 0; index < raw.length && high < 12; index++) if (raw[index] >= 0x80) high++
  if (high < 12) return undefined
  // The first 64 KiB tell (chardet reads all it is given, with each of its recognizers).
  const matches = analyse(raw.subarray(0, 1 << 16))
  const best = matches[0]
  if (!best) return undefined
  const western = Math.max(0, ...matches.filter((match) => match.name === 'windows-1252' || match.name === 'ISO-8859-1').map((match) => match.confidence))
  let encoding: LegacyEncoding | undefined
  if (eastAsian.has(best.name) && best.confidence >= 80) encoding = eastAsian.get(best.name)
  // (Thai bytes read as pairs of an East Asian encoding give chardet 60 at most.)
  else if (isThai(raw)) encoding = 'windows-874'
  else if (otherScripts.has(best.name) && best.confidence >= 20 && best.confidence >= western + 8) encoding = otherScripts.get(best.name)
  else if (latin.has(best.name) && best.confidence >= western + 8) encoding = latin.get(best.name)
  if (!encoding) return undefined
  if (encoding === 'iso-8859-7' && isWindows1253(raw)) encoding = 'windows-1253'
  // Bytes 0x80–0x9F are controls in ISO-8859-2 and letters (`ś`, `š`, `ź`…) in Windows-1250.
  if (encoding === 'iso-8859-2' && raw.some((byte) => byte >= 0x80 && byte <= 0x9f)) encoding = 'windows-1250'
  let text = decodeAs(raw, encoding, false)
  // Without them, the two still differ in fourteen bytes (0xB9 is `ą` in one, `š` in the other): the one whose
  // letters past ASCII are more of one language's alphabet is taken (a Polish text has no `š`, a Czech one no `ą`).
  if (encoding === 'iso-8859-2') {
    const other = decodeAs(raw, 'windows-1250', false)
    if (alphabetFit(other) > alphabetFit(text)) [encoding, text] = ['windows-1250', other]
  }
  // No letter tells a Latin code page from Windows-1252 when both read the same.
  if (latin.has(best.name) && text === decodeAs(raw, 'windows-1252', false)) return undefined
  if (multiByte.has(encoding) && replacements(text) > text.length / 200) return undefined
  return {encoding, text}
}

/** Alphabets of the languages written in Central European code pages (letters past ASCII, both cases). */
const alphabets = ['ąćęłńóśźż', 'áčďéěíňóřšťúůýž', 'áäčďéíĺľňóôŕšťúýž', 'áéíóöőúüű', 'čćđšž', 'ăâîșşțţ', 'äöüß'].map(
  (letters) => new Set([...letters, ...letters.toUpperCase()])
)

/** How many of a text's letters past ASCII the alphabet that holds most of them holds. */
function alphabetFit(text: string): number {
  const counts = new Map<string, number>()
  for (const character of text) if (character > '\u007f') counts.set(character, (counts.get(character) ?? 0) + 1)
  let best = 0
  for (const alphabet of alphabets) {
    let held = 0
    for (const [character, count] of counts) if (alphabet.has(character)) held += count
    best = Math.max(best, held)
  }
  return best
}

/** How many U+FFFD (bytes the encoding cannot decode) a text holds. */
function replacements(text: string): number {
  let count = 0
  for (let index = text.indexOf('\ufffd'); index >= 0; index = text.indexOf('\ufffd', index + 1)) count++
  return count
}

/**
 * Whether Greek bytes are Windows-1253 rather than ISO-8859-7 (which ICU does
 * not tell apart): a byte in 0x80–0x9F (punctuation in Windows-1253, controls
 * in ISO-8859-7), or `Ά` written as 0xA2 (Windows-1253) more often before a
 * Greek letter than as 0xB6 (ISO-8859-7).
 */
function isWindows1253(raw: Uint8Array): boolean {
  let a2 = 0
  let b6 = 0
  for (let index = 0; index < raw.length; index++) {
    const byte = raw[index]
    if (byte >= 0x80 && byte <= 0x9f) return true
    const next = raw[index + 1] ?? 0
    if (next >= 0xc1 && next <= 0xfe) {
      if (byte === 0xa2) a2++
      else if (byte === 0xb6) b6++
    }
  }
  return a2 > b6
}

/**
 * Whether bytes are Thai in Windows-874 (or TIS-620, its subset): at least 20
 * bytes past ASCII, all but 2% of them Thai letters, vowels, marks or digits
 * (0xA1–0xDA, 0xDF–0xFB), and nearly every vowel or tone mark written above or
 * below (0xD1, 0xD4–0xDA, 0xE7–0xEE) after a consonant or another such mark,
 * and every vowel written before its consonant (0xE0–0xE4) right before one,
 * as Thai spelling has it.
 */
function isThai(raw: Uint8Array): boolean {
  let high = 0
  let thai = 0
  let marks = 0
  let leading = 0
  let misplaced = 0
  for (let index = 0; index < raw.length; index++) {
    const byte = raw[index]
    if (byte < 0x80) continue
    high++
    if ((byte >= 0xa1 && byte <= 0xda) || (byte >= 0xdf && byte <= 0xfb)) thai++
    if (isThaiMark(byte)) {
      marks++
      const before = raw[index - 1] ?? 0
      if (!((before >= 0xa1 && before <= 0xce) || isThaiMark(before))) misplaced++
    }
    // A vowel written before its consonant comes right before one.
    if (byte >= 0xe0 && byte <= 0xe4) {
      leading++
      const after = raw[index + 1] ?? 0
      if (!(after >= 0xa1 && after <= 0xce)) misplaced++
    }
  }
  return high >= 20 && thai >= high * 0.98 && marks + leading >= 5 && misplaced <= (marks + leading) * 0.02
}

function isThaiMark(byte: number): boolean {
  return byte === 0xd1 || (byte >= 0xd4 && byte <= 0xda) || (byte >= 0xe7 && byte <= 0xee)
}

/** Decode bytes with one encoding (`fatal` throws on invalid input). */
export function decodeAs(bytes: Uint8Array, encoding: Encoding, fatal: boolean): string {
  // Node's TextDecoder reads `windows-1252` as Latin-1 (0x80–0x9F become C1
  // controls); iconv-lite has the real table, one character per byte.
  // Legacy encodings go through iconv-lite too (Node's own may lack them).
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') return new TextDecoder(encoding, {fatal, ignoreBOM: true}).decode(bytes)
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding)
}

/**
 * Walk bytes as the WHATWG UTF-8 decoder (`TextDecoder`, not fatal) reads
 * them: `each` gets every code point it gives, U+FFFD for each broken
 * sequence, with the byte it starts at.
 */
function walkUtf8(bytes: Uint8Array, each: (codePoint: number, start: number) => void): void {
  let needed = 0
  let seen = 0
  let codePoint = 0
  let lower = 0x80
  let upper = 0xbf
  let start = 0
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]
    if (needed === 0) {
      start = index
      if (byte <= 0x7f) each(byte, index)
      else if (byte >= 0xc2 && byte <= 0xdf) [needed, codePoint] = [1, byte & 0x1f]
      else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) lower = 0xa0
        if (byte === 0xed) upper = 0x9f
        ;[needed, codePoint] = [2, byte & 0xf]
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) lower = 0x90
        if (byte === 0xf4) upper = 0x8f
        ;[needed, codePoint] = [3, byte & 0x7]
      } else each(0xfffd, index)
      continue
    }
    if (byte < lower || byte > upper) {
      // The sequence so far is one U+FFFD; this byte is read again on its own.
      ;[needed, seen, codePoint, lower, upper] = [0, 0, 0, 0x80, 0xbf]
      each(0xfffd, start)
      index--
      continue
    }
    ;[lower, upper] = [0x80, 0xbf]
    codePoint = (codePoint << 6) | (byte & 0x3f)
    if (++seen === needed) {
      each(codePoint, start)
      ;[needed, seen, codePoint] = [0, 0, 0]
    }
  }
  if (needed > 0) each(0xfffd, start)
}

/**
 * Whether bytes that are not valid UTF-8 are still UTF-8 with a few broken
 * bytes: at least 3 characters of more than one byte, and ten times as many
 * as broken sequences (Windows-1252 and other code pages seldom make even one
 * valid sequence: `Ã©` is the rare pair that does). Gives how many broken
 * sequences there are and where the first is in the text (in UTF-16 units).
 */
export function mostlyUtf8(raw: Uint8Array): {broken: number; first: number} | undefined {
  let wide = 0
  let broken = 0
  let units = 0
  let first = -1
  walkUtf8(raw, (codePoint, start) => {
    if (codePoint === 0xfffd && !(raw[start] === 0xef && raw[start + 1] === 0xbf && raw[start + 2] === 0xbd)) {
      broken++
      if (first < 0) first = units
    } else if (codePoint > 0x7f) wide++
    units += codePoint > 0xffff ? 2 : 1
  })
  return wide >= 3 && wide >= 10 * broken ? {broken, first} : undefined
}

/** Where each UTF-16 unit of `text` (`bytes` decoded as UTF-8, broken bytes as U+FFFD) starts in `bytes`. */
function utf8Offsets(text: string, bytes: Uint8Array): Uint32Array {
  const prefix = new Uint32Array(text.length + 1)
  let at = 0
  walkUtf8(bytes, (codePoint, start) => {
    prefix[at++] = start
    if (codePoint > 0xffff) prefix[at++] = start
  })
  if (at !== text.length) throw new Error(`Expected ${text.length} UTF-16 units from the UTF-8 bytes, found ${at} (a bug)`)
  prefix[text.length] = bytes.byteLength
  return prefix
}

/**
 * Build a function that turns an offset into the decoded text (UTF-16 units)
 * into a byte offset into the raw file (`raw`, the file's bytes, is needed for
 * East Asian legacy encodings, and for UTF-8 with broken bytes).
 */
export function createByteOffset(text: string, encoding: Encoding, bomBytes: number, raw?: Uint8Array): (offset: number) => number {
  if (multiByte.has(encoding)) {
    if (!raw) throw new TypeError(`Missing \`raw\`, expected the bytes of a file in ${encoding}`)
    return byPrefix(multiByteOffsets(text, encoding, raw), bomBytes)
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return (offset) => bomBytes + 2 * offset
  // Code pages: one byte per character.
  if (encoding !== 'utf-8') return (offset) => bomBytes + offset
  // Broken bytes (U+FFFD) are counted as the decoder read them.
  if (raw && text.includes('\ufffd')) return byPrefix(utf8Offsets(text, raw.subarray(bomBytes)), bomBytes)
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
  return byPrefix(prefix, bomBytes)
}

/** Byte offsets from where each UTF-16 unit starts (`prefix`, one more entry than units: the end), after `bomBytes`. */
function byPrefix(prefix: Uint32Array, bomBytes: number): (offset: number) => number {
  const last = prefix.length - 1
  return (offset) => bomBytes + prefix[Math.max(0, Math.min(offset, last))]
}

/**
 * Where each UTF-16 unit of `text` (`raw` decoded in a multi-byte `encoding`)
 * starts in `raw`: each character is encoded again and matched against the
 * bytes where the one before ended (ASCII is one byte in all of them). A
 * character that does not match (U+FFFD for bytes the encoding cannot decode)
 * takes the fewest bytes, up to 4, that decode to it, else one. (A decoder fed
 * one byte at a time would tell more, but iconv-lite's loses the second half of
 * a character past U+FFFF so fed.)
 */
function multiByteOffsets(text: string, encoding: Encoding, raw: Uint8Array): Uint32Array {
  const prefix = new Uint32Array(text.length + 1)
  // A text uses a few thousand characters at most, each many times.
  const encoded = new Map<string, Buffer>()
  let at = 0
  for (let index = 0; index < text.length; ) {
    const code = text.codePointAt(index)!
    const units = code > 0xffff ? 2 : 1
    let length = 1
    if (!(code < 0x80 && raw[at] === code)) {
      const character = text.slice(index, index + units)
      let bytes = encoded.get(character)
      if (!bytes) encoded.set(character, (bytes = iconv.encode(character, encoding)))
      if (character !== '\ufffd' && bytes.every((byte, offset) => raw[at + offset] === byte)) length = bytes.length
      else {
        for (let size = 1; size <= 4; size++) {
          if (decodeAs(raw.subarray(at, at + size), encoding, false) === character) {
            length = size
            break
          }
        }
      }
    }
    for (let unit = 0; unit < units; unit++) prefix[index + unit] = Math.min(at, raw.byteLength)
    index += units
    at += length
  }
  prefix[text.length] = raw.byteLength
  return prefix
}
