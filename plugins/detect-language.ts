/** Plugin: detect the language of the body with franc, as an ISO 639-1 code. */
import type {Root, Text} from 'mdast'
import type {VFile} from 'vfile'
import {franc} from 'franc'
import {iso6393To1} from 'iso-639-3'
import {visit} from 'unist-util-visit'
import {cite, field, setField, textSpan} from './support/evidence.js'

/** Options of `detectLanguage`. */
export interface Options {
  /** Shortest sample franc is trusted with, in characters (default: 40). */
  minLength?: number
}

const emptyOptions: Options = {}

/**
 * Set `lang` from the longest text node of the body, identified by franc and
 * mapped to ISO 639-1; the evidence is that text. Too little text, or a language
 * without a two-letter code, leaves `lang` null.
 */
export default function detectLanguage(options: Options | null | undefined = emptyOptions) {
  const minLength = (options ?? emptyOptions).minLength ?? 40
  if (!Number.isInteger(minLength) || minLength < 1) {
    throw new TypeError('Invalid `minLength` in `options`, expected a positive integer')
  }
  return function (tree: Root, file: VFile): undefined {
    let sample: Text | undefined
    visit(tree, 'text', function (node) {
      if (!sample || node.value.length > sample.value.length) sample = node
    })
    if (sample && sample.value.length >= minLength) {
      const code = franc(sample.value, {minLength})
      const lang = iso6393To1[code]
      if (lang) {
        setField(file, 'lang', field<string | null>(lang, [cite(file, 'franc', textSpan(sample, 0, sample.value.length))]))
      }
    }
    setField(file, 'lang', field<string | null>(null))
    return undefined
  }
}
