/** Plugin: warn where the text points at a link that the plain-text dump lost. */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {visit} from 'unist-util-visit'
import {cite, placeOf, textSpan} from './support/evidence.js'

// ASCII, so the `i` flag alone: V8's `\b` under `iu` costs many times more.
const dangling =
  /\b(?:(?:can|may) be (?:read|found|seen|viewed|watched|accessed|downloaded) here|(?:click|tap|read (?:it|more)|see|available|listen|watch) here|(?:read|see) (?:the )?full (?:article|story|report) here)\b/gi
const hereWord = / here/iu

/**
 * Warn `dangling-reference` for phrases such as “can be read here” or “click
 * here”: in the raw text the link is gone, so the reader cannot follow it. The
 * text is kept as written.
 */
export default function checkReferences() {
  return function (tree: Root, file: VFile): undefined {
    visit(tree, 'text', function (node) {
      // Every phrase ends in “ here”: a text without it is not scanned (a literal search is far cheaper than the pattern).
      if (!hereWord.test(node.value)) return
      // Text inside a Markdown link still has its target.
      for (const match of node.value.matchAll(dangling)) {
        const evidence = cite(file, 'dangling-reference', textSpan(node, match.index, match.index + match[0].length))
        file.message(`Unexpected reference \`${match[0]}\` to a link that is not in the raw text, expected a URL`, {
          place: placeOf(evidence),
          ruleId: 'dangling-reference',
          source: 'docprov'
        })
      }
    })
    return undefined
  }
}
