/** Plugin: turn short lines inside the body into `##` section headings. */
import type {Heading, Root} from 'mdast'
import {plainText} from './support/evidence.js'

/** Options of `extractHeadings`. */
export interface Options {
  /** Longest heading, in words (default: 14). */
  maxWords?: number
}

const emptyOptions: Options = {}

/**
 * A paragraph inside the body becomes a level-2 heading when it is one short line
 * of at least two words that starts with a capital letter or digit, has no
 * closing punctuation, and is followed by a longer paragraph that reads as prose.
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
  // “Label: value” lines and bylines are not headings.
  if (/:\s/u.test(value) || /^by\s/iu.test(value)) return false
  const words = value.split(' ').length
  return words >= 2 && words <= maxWords
}
