/** Plugin: take the outlet from a `Source: X` line, corroborated by the disclaimer. */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {cite, field, placeOf, plainText, removeChild, setField, textSpan} from './support/evidence.js'
import type {Evidence} from './types.js'

// `Source:` and its equivalents in other languages (one source, not a list of references).
const sourceLine = /^(?:source|quelle|fuente|fonte|bron|kaynak|źródło|источник)\s*:\s*(\S.{0,98}?)\s*\.?$/iu

/**
 * Read `source` from the last `Source: X` line (which leaves the body). A
 * disclaimer naming the same outlet is added as corroborating evidence; without
 * a `Source:` line, the outlet the disclaimer names is the source. When the two
 * disagree the `Source:` line wins and a `source-conflict` warning cites both.
 * Must run after `extractDisclaimer`.
 */
export default function extractSource() {
  return function (tree: Root, file: VFile): undefined {
    const outlet = file.data.disclaimerOutlet
    let line: {value: string; evidence: Evidence} | undefined

    for (let index = tree.children.length - 1; index >= 0; index--) {
      const text = plainText(tree.children[index])
      const match = text ? sourceLine.exec(text.value) : null
      if (!text || !match) continue
      const from = match[0].indexOf(match[1])
      const value = match[1]
      line = {value, evidence: cite(file, 'source-line', textSpan(text, from, from + value.length))}
      removeChild(file, tree, index, 'source-line')
      break
    }

    if (line) {
      const evidence = [line.evidence]
      if (outlet?.value && sameOutlet(outlet.value, line.value)) evidence.push(...outlet.evidence)
      else if (outlet?.value) {
        file.message(
          `Unexpected conflicting sources: the \`Source:\` line names \`${line.value}\` (${line.evidence.line}:${line.evidence.column}) but the disclaimer names \`${outlet.value}\` (${outlet.evidence[0].line}:${outlet.evidence[0].column}); kept the \`Source:\` line`,
          {place: placeOf(line.evidence), ruleId: 'source-conflict', source: 'docprov'}
        )
      }
      setField(file, 'source', field<string | null>(line.value, evidence))
    } else if (outlet?.value) {
      setField(file, 'source', field<string | null>(outlet.value, outlet.evidence))
    }
    setField(file, 'source', field<string | null>(null))
    return undefined
  }
}

/** Compare outlet names loosely: case, a leading “the”, punctuation and spacing. */
export function sameOutlet(a: string, b: string): boolean {
  const key = (value: string) =>
    value
      .normalize('NFKC')
      .toLowerCase()
      .replace(/^the\s+/u, '')
      .replace(/[^\p{L}\p{N}]+/gu, '')
  return key(a) === key(b)
}
