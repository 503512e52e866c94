/** Plugin: turn short lines inside the body into `##` section headings. */
import type {Heading, Root} from 'mdast'
import {plainText} from './support/evidence.js'
import {writtenDate} from './support/shapes.js'

/** Options of `extractHeadings`. */
export interface Options {
  /** Longest heading, in words (default: 14). */
  maxWords?: number
}

const emptyOptions: Options = {}

/**
 * A paragraph inside the body becomes a level-2 heading when it is one short line
 * of at least two words that starts with a capital letter or digit, has no
 * closing punctuation, and is followed by a longer paragraph that reads as prose;
 * not a `Label: value` line, byline, line with a time or numeric date, line with
 * ` | ` separators, date written out or caption credit (`… EFE / Name`).
 * Runs of short lines (lists of names, teasers) are left as paragraphs.
 */
export default function extractHeadings(options: Options | null | undefined = emptyOptions) {
  const maxWords = (options ?? emptyOptions).maxWords ?? 14
  if (!Number.isInteger(maxWords) || maxWords < 2) {
    throw new TypeError('Invalid `maxWords` in `options`, expected an integer of at least 2')
  }
  return function (tree: Root): undefined {
    const candidates = tree.children.map((node) => isHeadingLine(plainText(node)?.value, maxWords))
    tree.children.forEach((node, index) => {
      if (index === 0 || !candidates[index] || candidates[index - 1] || candidates[index + 1]) return
      const next = plainText(tree.children[index + 1])?.value
      if (!next || !/[.!?…"”’»)]$/u.test(next) || next.length < 80) return
      const heading: Heading = {type: 'heading', depth: 2, children: (node as Heading).children, position: node.position}
      tree.children[index] = heading
    })
    return undefined
  }
}

function isHeadingLine(value: string | undefined, maxWords: number): boolean {
  if (!value || value.includes('\n') || value.length > 120) return false
  if (!/^[\p{Lu}\p{N}“"‘'«¿¡]/u.test(value)) return false
  if (/[.,;:!?…"”’'»)\]]$/u.test(value)) return false
  // “Label: value” lines, bylines, datelines (a time or numeric date), page
  // furniture with separators and captions with a credit (`… EFE / Name`) are not headings.
  if (/:\s/u.test(value) || /^(?:by|von|par|por|door|di|written by)\s/iu.test(value)) return false
  if (/\s[|·•]\s|\s\/\s\p{Lu}/u.test(value) || /\b\d{1,2}[:h]\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/u.test(value)) return false
  // A date written out (`Rabu, 14 Agustus 2024`, `March 3, 2024`).
  if (writtenDate.test(value)) return false
  const words = value.split(' ').length
  return words >= 2 && words <= maxWords
}
