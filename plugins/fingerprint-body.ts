/** Plugin: fingerprint the clean body, for cross-document lineage. */
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {fingerprintText} from './support/fingerprint.js'

/**
 * Set `file.data.fingerprint` from the text of the body as it stands (after
 * boilerplate, title and byline are taken out; frontmatter is not part of it):
 * word count, digest of the normalized words, shingle hashes and MinHash LSH
 * band keys. Always set; an empty body gets an empty fingerprint.
 */
export default function fingerprintBody() {
  return function (tree: Root, file: VFile): undefined {
    const blocks = tree.children.filter((node) => node.type !== 'yaml')
    file.data.fingerprint = fingerprintText(blocks.map((node) => toString(node)).join('\n'))
    return undefined
  }
}
