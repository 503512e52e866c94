/** Plugin: find the disclaimer paragraph, keep it as metadata and take it out of the body. */
import type {Root, Text} from 'mdast'
import type {VFile} from 'vfile'
import {cite, field, plainText, removeChild, setField, textSpan} from './support/evidence.js'

const label = /^[*\s]*(?:disclaimer|editor[’']s disclaimer)\s*[:：–—-]\s*/iu
const patterns: ReadonlyArray<RegExp> = [
  /\b(?:views?|opinions?|viewpoints?)\b.{0,200}?\b(?:do not|don[’']t|does not|doesn[’']t) necessarily (?:reflect|represent)\b/iu,
  /\b(?:are|is|remain) (?:solely |entirely )?(?:the|their|his|her) (?:own|authors?[’']s?(?: own)?|writers?[’']s?(?: own)?)\b/iu,
  /\bare (?:solely |entirely )?(?:the )?(?:author|writer)s?[’']s? own\b/iu
]
/** A word every pattern needs (“necessarily”, “own”, “author”, “writer”): a paragraph without one is not scanned. */
const needed = /necessarily|own|author|writer/iu

/** Words that may stand inside an outlet's name. */
const name = String.raw`[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]*(?:\s+(?:[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]*|of|and|&)){0,5}`
const outletPatterns: ReadonlyArray<RegExp> = [
  // “… the editorial policies of TRT World.”, “… the views of The Conversation.”
  new RegExp(String.raw`\b(?:editorial (?:polic(?:y|ies)|stance|line|position|views?)|views?|position|opinions?) of (?:the )?(${name})`, 'u'),
  // “… reflect Anadolu’s editorial policy”, “… Al Jazeera’s editorial stance”
  new RegExp(String.raw`(${name})[’']s? editorial\b`, 'u')
]

/**
 * Find the disclaimer: a paragraph that starts with `Disclaimer:` or says the
 * views expressed do not necessarily reflect someone else's, or are the author's
 * own (a leading `*` is allowed). The last such paragraph becomes `disclaimer`
 * (without its label) and leaves the body. When it names an outlet, that name is
 * kept in `file.data.disclaimerOutlet` for `extractSource`.
 */
export default function extractDisclaimer() {
  return function (tree: Root, file: VFile): undefined {
    file.data.disclaimerOutlet = field<string | null>(null)
    for (let index = tree.children.length - 1; index >= 0; index--) {
      const text = plainText(tree.children[index])
      if (!text || text.value.length > 800) continue
      const labelled = label.exec(text.value)
      if (!labelled && !(needed.test(text.value) && patterns.some((pattern) => pattern.test(text.value)))) continue

      const from = labelled ? labelled[0].length : /^[*\s]*/u.exec(text.value)![0].length
      const to = text.value.length - /[*\s]*$/u.exec(text.value)![0].length
      if (to <= from) continue
      setField(file, 'disclaimer', field<string | null>(text.value.slice(from, to), [cite(file, 'disclaimer', textSpan(text, from, to))]))
      file.data.disclaimerOutlet = outletOf(file, text, from, to)
      removeChild(file, tree, index, 'disclaimer')
      break
    }
    setField(file, 'disclaimer', field<string | null>(null))
    return undefined
  }
}

function outletOf(file: VFile, text: Text, from: number, to: number) {
  const value = text.value.slice(0, to)
  for (const pattern of outletPatterns) {
    pattern.lastIndex = 0
    const match = pattern.exec(value)
    if (!match || match.index < from) continue
    // Trim connecting words and a full stop that the name pattern may have taken.
    const found = match[1].replace(/(?:\s+(?:of|and|&))+$/u, '').replace(/\.$/u, '')
    const start = match.index + match[0].indexOf(match[1])
    return field<string | null>(found, [cite(file, 'disclaimer-names-outlet', textSpan(text, start, start + found.length))])
  }
  return field<string | null>(null)
}
