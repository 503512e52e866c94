/** Plugin: detect the language of the body with franc's models, as an ISO 639-1 code. */
import type {Root, Text} from 'mdast'
import type {VFile} from 'vfile'
// (the map alone: the package's index also loads every language's record, about 3 MB of heap per thread)
import {iso6393To1} from 'iso-639-3/iso6393-to-1.js'
import {visit} from 'unist-util-visit'
import {cite, field, setField, textSpan} from './support/evidence.js'
import {identifyLanguage} from './support/language.js'

/** Options of `detectLanguage`. */
export interface Options {
  /** Shortest sample franc is trusted with, in characters (default: 40). */
  minLength?: number
}

const emptyOptions: Options = {}
/**
 * franc's individual languages whose macrolanguage has the ISO 639-1 code
 * (franc says `arb` for Standard Arabic, `pes` for Persian, `cmn` for Mandarin), and Norwegian's two standards.
 * Not Malay (`zlm`): franc takes too much Indonesian for it.
 */
const macrolanguage: Readonly<Record<string, string>> = {
  arb: 'ar', pes: 'fa', prs: 'fa', cmn: 'zh', swh: 'sw', ekk: 'et', lvs: 'lv', als: 'sq', uzn: 'uz', azj: 'az',
  plt: 'mg', npi: 'ne', pbu: 'ps', khk: 'mn', ydd: 'yi', ckb: 'ku', quz: 'qu', quy: 'qu', qug: 'qu', ayr: 'ay', fuv: 'ff',
  fuf: 'ff', knc: 'kr', src: 'sc', kng: 'kg',
  // Norwegian's two written standards, Bokmål (`nob`) and Nynorsk (`nno`), as Norwegian: franc tells them apart
  // poorly (a Bokmål news story read as Nynorsk), and `no` is right for both.
  nob: 'no', nno: 'no'
}
const twoLetter: Readonly<Record<string, string>> = {...iso6393To1, ...macrolanguage}
// Only languages with an ISO 639-1 code: others (such as Scots for short English) cannot be written as `lang`.
const candidates: ReadonlySet<string> = new Set(Object.keys(twoLetter))

/**
 * Set `lang` with franc from the longest paragraph of the body (when it has at
 * least 200 characters, else from all the text), mapped to ISO 639-1 (an
 * individual language such as Standard Arabic to its macrolanguage's code); the
 * evidence is the text used. Too little text, or a language
 * without a two-letter code, leaves `lang` null.
 */
export default function detectLanguage(options: Options | null | undefined = emptyOptions) {
  const minLength = (options ?? emptyOptions).minLength ?? 40
  if (!Number.isInteger(minLength) || minLength < 1) {
    throw new TypeError('Invalid `minLength` in `options`, expected a positive integer')
  }
  return function (tree: Root, file: VFile): undefined {
    const texts: Text[] = []
    visit(tree, 'text', function (node) {
      texts.push(node)
    })
    // One long paragraph is a good sample; otherwise all the text together.
    const longest = texts.reduce<Text | undefined>((best, node) => (!best || node.value.length > best.value.length ? node : best), undefined)
    const sample = longest && longest.value.length >= 200 ? [longest] : texts
    const value = sample.map((node) => node.value).join('\n')
    if (value.length >= minLength) {
      // franc's answer (see `identifyLanguage`).
      const lang = twoLetter[identifyLanguage(value, {minLength, only: candidates})]
      if (lang) {
        const evidence = sample.map((node) => cite(file, 'franc', textSpan(node, 0, node.value.length)))
        setField(file, 'lang', field<string | null>(lang, evidence))
      }
    }
    setField(file, 'lang', field<string | null>(null))
    return undefined
  }
}
