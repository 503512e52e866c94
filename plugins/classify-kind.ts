/** Plugin: say what kind of document this is: an article, or a listing page. */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {cite, field, placeOf, plainText, setField, textSpan} from './support/evidence.js'

/** Options of `classifyKind`. */
export interface Options {
  /** Kind when nothing shows otherwise (default: `article`). */
  fallback?: string
}

const emptyOptions: Options = {}
const listingLabel =
  /^(?:displaying items by tag|items tagged|posts? tagged|articles? tagged|stories tagged|tag archives?|category archives?|archives? for|all (?:articles|posts|stories) (?:tagged|in|about)|showing (?:results|articles|posts) for|search results for)\b/iu

/**
 * Set `kind`: a value from input frontmatter is kept; a tag or category index
 * (`Displaying items by tag: …`, `Posts tagged …`) near the top is a `listing`
 * (warned `listing-page`; later plugins claim no title or date for it);
 * otherwise the document is an `article` (a default, so without evidence).
 */
export default function classifyKind(options: Options | null | undefined = emptyOptions) {
  const fallback = (options ?? emptyOptions).fallback ?? 'article'
  if (typeof fallback !== 'string' || !/^[a-z][a-z-]*$/.test(fallback)) {
    throw new TypeError('Invalid `fallback` in `options`, expected a lowercase word such as `article`')
  }
  return function (tree: Root, file: VFile): undefined {
    for (const node of tree.children.slice(0, 8)) {
      const text = plainText(node)
      const line = text?.value.replace(/^\s*date\s+\d{4}-\d{2}-\d{2}\S*\s*/iu, '') ?? ''
      const match = text ? listingLabel.exec(line) : null
      // A label is a short line, not a sentence (`Archives for the years 1952 to 2004 were stored …`).
      if (!text || !match || line.length > 80 || /[.!?]$/u.test(line)) continue
      const from = text.value.indexOf(match[0])
      const evidence = cite(file, 'listing-label', textSpan(text, from, text.value.length))
      setField(file, 'kind', field<string | null>('listing', [evidence]))
      file.message('Unexpected listing page (a tag or category index), expected an article: no title or date is claimed for it', {
        place: placeOf(evidence),
        ruleId: 'listing-page',
        source: 'docprov'
      })
      break
    }
    setField(file, 'kind', field<string | null>(fallback))
    return undefined
  }
}
