/**
 * Legacy encodings over the whole repository: every fixture's text, encoded in
 * each legacy code page made for its language (when the page can hold it), must
 * read back as that text (`decodeBytes`), with byte offsets that decode to each
 * character. The texts that do not are listed, so that a change to detection
 * shows up here either way; a Western text must never be read as anything but
 * Windows-1252.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {createByteOffset, decodeAs, decodeBytes} from '../plugins/support/decode.js'

/** Languages (as the fixtures' `lang:`) whose pages were written in each legacy encoding. */
const native: Record<string, string[]> = {
  'windows-1252': ['af', 'ca', 'da', 'de', 'en', 'es', 'fi', 'fr', 'id', 'it', 'nl', 'nn', 'pt', 'sv', 'sw', 'tl'],
  'windows-1250': ['bs', 'cs', 'hu', 'pl', 'ro', 'sk', 'sl', 'sr'],
  'iso-8859-2': ['bs', 'cs', 'hu', 'pl', 'ro', 'sk', 'sl', 'sr'],
  'windows-1251': ['bg', 'ru', 'sr', 'uk'],
  'koi8-r': ['ru'],
  'iso-8859-5': ['bg', 'ru'],
  'windows-1253': ['el'],
  'iso-8859-7': ['el'],
  'windows-1254': ['az', 'tr'],
  'windows-1255': ['he'],
  'windows-1256': ['ar', 'fa', 'ur'],
  'windows-1257': ['et', 'lt', 'lv'],
  shift_jis: ['ja'],
  'euc-jp': ['ja'],
  gb18030: ['zh'],
  big5: ['zh'],
  'euc-kr': ['ko'],
  'windows-874': ['th']
}

const root = path.join(import.meta.dirname, 'fixtures')

/** Each fixture's text (UTF-8 inputs only) and language. */
function texts(): Array<{name: string; lang: string; text: string}> {
  return readdirSync(root)
    .sort()
    .flatMap((name) => {
      const input = path.join(root, name, 'input.txt')
      const output = path.join(root, name, 'output.md')
      if (!existsSync(input) || !existsSync(output)) return []
      const lang = /^lang: (\S+)$/m.exec(readFileSync(output, 'utf8'))?.[1]
      const bytes = readFileSync(input)
      let text: string
      try {
        text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
      } catch {
        return []
      }
      return lang && !text.startsWith('\ufeff') ? [{name, lang, text: text.normalize('NFC')}] : []
    })
}

describe('legacy encodings of every fixture', () => {
  const misread: string[] = []
  const offsets: string[] = []
  let exact = 0
  for (const {name, lang, text} of texts()) {
    for (const [encoding, languages] of Object.entries(native)) {
      if (!languages.includes(lang)) continue
      const bytes = iconv.encode(text, encoding)
      // Only texts the code page can hold, and that are not valid UTF-8 once encoded (pure ASCII).
      if (iconv.decode(bytes, encoding) !== text || bytes.every((byte) => byte < 0x80)) continue
      const decoded = decodeBytes(bytes)
      if (decoded.text === text) exact++
      else misread.push(`${name} (${lang}) in ${encoding}: read as ${decoded.encoding}`)
      const byteOffset = createByteOffset(decoded.text, decoded.encoding, 0, bytes)
      for (let index = 0; index < decoded.text.length; index++) {
        const code = decoded.text.charCodeAt(index)
        if (code >= 0xd800 && code <= 0xdfff) continue
        if (decodeAs(bytes.subarray(byteOffset(index), byteOffset(index + 1)), decoded.encoding, false) !== decoded.text[index]) {
          offsets.push(`${name} in ${encoding}: character ${index}`)
          break
        }
      }
    }
  }

  it('reads back all but the known few, every Western one among them', () => {
    expect(exact).toBeGreaterThanOrEqual(267)
    // Short South Slavic and Baltic texts (fewer than 12 letters past ASCII, or too
    // little margin over Windows-1252).
    expect(misread.sort()).toEqual([
      'byline-labels-croatian-slovene-bengali-thai (sr) in iso-8859-2: read as windows-1252',
      'byline-labels-croatian-slovene-bengali-thai (sr) in windows-1250: read as windows-1252',
      'copyright-legal-form-doo (sl) in windows-1250: read as windows-1252',
      'date-labels-more-languages (sr) in iso-8859-2: read as windows-1252',
      'date-labels-more-languages (sr) in windows-1250: read as windows-1252',
      'dateline-lithuanian-year-first (lt) in windows-1257: read as windows-1252',
      // Its text is UTF-8 Arabic read as Windows-1256: encoded so again, it is that UTF-8.
      'mojibake-windows-1256 (ar) in windows-1256: read as utf-8',
      'source-label-south-slavic-lowercase-nouns (bs) in iso-8859-2: read as windows-1252',
      'source-label-south-slavic-lowercase-nouns (bs) in windows-1250: read as windows-1252'
    ])
  })

  it('maps every character to the bytes it came from', () => {
    expect(offsets).toEqual([])
  })
})
