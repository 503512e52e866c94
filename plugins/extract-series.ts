/** Plugin: read a series position (“the first of a two-part …”, “Part 2 of 3”) from the text. */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {visit} from 'unist-util-visit'
import {cite, field, setField, textSpan} from './support/evidence.js'
import type {Evidence, Series} from './types.js'

const ordinals = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']
const cardinals = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']
const ordinal = String.raw`(${ordinals.join('|')}|\d{1,2}(?:st|nd|rd|th))`
const cardinal = String.raw`(${cardinals.join('|')}|\d{1,2})`
// ASCII patterns, so the `i` flag alone: V8's `\b` under `iu` costs many times more.
const patterns: ReadonlyArray<{pattern: RegExp; part: 1 | 2; total: 1 | 2}> = [
  // “This is the first of a two-part publication”, “the second in a three-part series”
  {pattern: new RegExp(String.raw`\bthe ${ordinal} (?:of|in) (?:a|this|our) ${cardinal}[- ]part\b`, 'i'), part: 1, total: 2},
  // “Part 2 of 3”, “part two of a three-part series”
  {pattern: new RegExp(String.raw`\bpart ${cardinal} (?:of|in) (?:a |this |our )?${cardinal}\b`, 'i'), part: 1, total: 2}
]
const partWord = /part/iu

/**
 * Set `series` from an editorial note such as “This is the first of a two-part
 * publication” (`{part: 1, total: 2}`) or “Part 2 of 3” in one of the first or
 * last four paragraphs. The text stays in the body; the evidence is the phrase.
 */
export default function extractSeries() {
  return function (tree: Root, file: VFile): undefined {
    let found: {value: Series; evidence: Evidence} | undefined
    // The note stands near the start or the end (`the second of a three-part drama` in a review is the drama's).
    const edges = tree.children.filter((_, index) => index < 4 || index >= tree.children.length - 4)
    for (const child of edges) {
      if (found) break
      visit(child, 'text', function (node) {
        if (found) return false
        // Both patterns hold the word “part”: a text without it is not scanned.
        if (!partWord.test(node.value)) return undefined
        for (const {pattern, part, total} of patterns) {
          const match = pattern.exec(node.value)
          if (!match) continue
          const value = {part: toNumber(match[part]), total: toNumber(match[total])}
          if (value.part < 1 || value.total < 2 || value.part > value.total) continue
          found = {value, evidence: cite(file, 'series-note', textSpan(node, match.index, match.index + match[0].length))}
          return false
        }
        return undefined
      })
    }
    setField(file, 'series', field<Series | null>(found ? found.value : null, found ? [found.evidence] : []))
    return undefined
  }
}

function toNumber(word: string): number {
  const lower = word.toLowerCase()
  const index = Math.max(ordinals.indexOf(lower), cardinals.indexOf(lower))
  return index >= 0 ? index + 1 : Number.parseInt(lower, 10)
}
