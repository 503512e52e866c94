/** Plugin: say what kind of document this is. */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {field, setField} from './support/evidence.js'

/** Options of `classifyKind`. */
export interface Options {
  /** Kind when nothing shows otherwise (default: `article`). */
  fallback?: string
}

const emptyOptions: Options = {}

/**
 * Set `kind`: a value from input frontmatter is kept; otherwise the document is
 * an `article` (a default, so it carries no evidence).
 */
export default function classifyKind(options: Options | null | undefined = emptyOptions) {
  const fallback = (options ?? emptyOptions).fallback ?? 'article'
  if (typeof fallback !== 'string' || !/^[a-z][a-z-]*$/.test(fallback)) {
    throw new TypeError('Invalid `fallback` in `options`, expected a lowercase word such as `article`')
  }
  return function (_tree: Root, file: VFile): undefined {
    setField(file, 'kind', field<string | null>(fallback))
    return undefined
  }
}
