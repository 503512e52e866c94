/** Plugin: decode the raw bytes of a file before the parser sees them. */
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {decodeBytes} from './support/decode.js'
import {blank, mojibakePage} from './support/normalize.js'

/** Default most lines with text in one file: 50,000 (an article has hundreds). */
export const defaultMaxLines = 50_000

/** Options of `decodeText`. */
export interface Options {
  /**
   * Most lines with text (not blank) a file may have (default: 50,000). Each
   * line can become a paragraph of its own, at a few kilobytes of memory each;
   * a longer file is a data dump rather than an article, and fails (`too-many-lines`).
   */
  maxLines?: number
}

const emptyOptions: Options = {}

/**
 * Wrap the parser set before this plugin so that it parses decoded text: UTF-8
 * (byte-order mark stripped; a few broken sequences read as U+FFFD and warned
 * `broken-utf-8`), UTF-16 with a byte-order mark, a legacy encoding the bytes
 * show (see `decodeBytes`), else Windows-1252.
 * The raw bytes and the encoding are kept in `file.data.decoded`. Binary and
 * empty files fail here (`binary`, `empty`), and so do files with more than
 * `maxLines` lines of text (`too-many-lines`).
 */
export default function decodeText(this: Processor, options: Options | null | undefined = emptyOptions): undefined {
  const maxLines = (options ?? emptyOptions).maxLines ?? defaultMaxLines
  if (!Number.isSafeInteger(maxLines) || maxLines < 1) {
    throw new TypeError('Invalid `maxLines` in `options`, expected a positive whole number')
  }
  const parse = this.parser
  if (!parse) {
    throw new Error('Missing parser: use `decodeText` after a parser plugin such as `parseText` or `remark-parse`')
  }
  this.parser = function (_document: string, file: VFile) {
    const raw = typeof file.value === 'string' ? new TextEncoder().encode(file.value) : file.value
    if (raw.byteLength === 0) {
      file.fail('Unexpected empty file, expected article text', {ruleId: 'empty', source: 'docprov'})
    }
    const {text, encoding, bomBytes, broken} = decodeBytes(raw)
    if (encoding !== 'utf-16le' && encoding !== 'utf-16be' && raw.includes(0)) {
      file.fail('Unexpected NUL byte, expected a text file: this looks like a binary file', {
        ruleId: 'binary',
        source: 'docprov'
      })
    }
    // (C1 controls that are bytes of mojibake, `Ð\u009f` for `П` in UTF-8 read as Latin-1, are repaired, not controls)
    const mojibake = mojibakePage(text)
    if (controlRatio(text, mojibake.controls) > 0.1) {
      file.fail('Unexpected control characters in more than 10% of the text, expected a text file', {
        ruleId: 'binary',
        source: 'docprov'
      })
    }
    if (blank.test(text)) {
      file.fail('Unexpected file with only whitespace, expected article text', {ruleId: 'empty', source: 'docprov'})
    }
    const lines = textLines(text)
    if (lines > maxLines) {
      file.fail(
        `Unexpected ${lines} lines of text, expected at most ${maxLines} (--max-lines): this looks like a data dump, not an article; raise --max-lines to build it anyway`,
        {ruleId: 'too-many-lines', source: 'docprov'}
      )
    }
    file.data.decoded = {raw, encoding, bomBytes, mojibake: mojibake.page.name}
    if (broken) {
      const place = location(text).toPoint(broken.first)
      file.message(
        broken.broken === 1
          ? 'Unexpected byte sequence that is not UTF-8 here, in a UTF-8 file (cut or damaged in the crawl): read as U+FFFD (`\ufffd`), the rest of the text as written; fetch the page again to recover it'
          : `Unexpected ${broken.broken} byte sequences that are not UTF-8 in a UTF-8 file (cut or damaged in the crawl), the first here: each read as U+FFFD (\`\ufffd\`), the rest of the text as written; fetch the page again to recover them`,
        {place, ruleId: 'broken-utf-8', source: 'docprov'}
      )
    }
    file.value = text
    return parse(text, file)
  }
  return undefined
}

/** How many lines hold something other than white space (line breaks as `parseText` splits them). */
export function textLines(text: string): number {
  let lines = 0
  let filled = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) {
      if (filled) lines++
      filled = false
    } else if (!filled && code !== 32 && code !== 9 && code !== 11 && code !== 12 && code !== 0xa0 && code !== 0xfeff && !(code >= 0x2000 && code <= 0x200b)) {
      filled = true
    }
  }
  return filled ? lines + 1 : lines
}

function controlRatio(text: string, mojibake: number): number {
  if (text.length === 0) return 0
  // eslint-disable-next-line no-control-regex
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/g)
  return ((controls?.length ?? 0) - mojibake) / text.length
}
