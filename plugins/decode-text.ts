/** Plugin: decode the raw bytes of a file before the parser sees them. */
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {decodeBytes} from './support/decode.js'
import {blank} from './support/normalize.js'

/**
 * Wrap the parser set before this plugin so that it parses decoded text: UTF-8
 * (byte-order mark stripped), UTF-16 with a byte-order mark, else Windows-1252.
 * The raw bytes and the encoding are kept in `file.data.decoded`. Binary and
 * empty files fail here (`binary`, `empty`).
 */
export default function decodeText(this: Processor): undefined {
  const parse = this.parser
  if (!parse) {
    throw new Error('Missing parser: use `decodeText` after a parser plugin such as `parseText` or `remark-parse`')
  }
  this.parser = function (_document: string, file: VFile) {
    const raw = typeof file.value === 'string' ? new TextEncoder().encode(file.value) : file.value
    if (raw.byteLength === 0) {
      file.fail('Unexpected empty file, expected article text', {ruleId: 'empty', source: 'docprov'})
    }
    const {text, encoding, bomBytes} = decodeBytes(raw)
    if (encoding !== 'utf-16le' && encoding !== 'utf-16be' && raw.includes(0)) {
      file.fail('Unexpected NUL byte, expected a text file: this looks like a binary file', {
        ruleId: 'binary',
        source: 'docprov'
      })
    }
    if (controlRatio(text) > 0.1) {
      file.fail('Unexpected control characters in more than 10% of the text, expected a text file', {
        ruleId: 'binary',
        source: 'docprov'
      })
    }
    if (blank.test(text)) {
      file.fail('Unexpected file with only whitespace, expected article text', {ruleId: 'empty', source: 'docprov'})
    }
    file.data.decoded = {raw, encoding, bomBytes}
    file.value = text
    return parse(text, file)
  }
  return undefined
}

function controlRatio(text: string): number {
  if (text.length === 0) return 0
  // eslint-disable-next-line no-control-regex
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/g)
  return (controls?.length ?? 0) / text.length
}
