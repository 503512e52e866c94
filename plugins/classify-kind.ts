/** Plugin: say what kind of document this is: an article, or a listing page. */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {cite, field, placeOf, plainText, setField, textSpan} from './support/evidence.js'
import {listingLabel} from './support/shapes.js'
import {isProse} from './support/zones.js'

/** Options of `classifyKind`. */
export interface Options {
  /** Kind when nothing shows otherwise (default: `article`). */
  fallback?: string
}

const emptyOptions: Options = {}

/**
 * Set `kind`: a value from input frontmatter is kept; a tag or category index
 * (`Displaying items by tag: …`, `Posts tagged …`) near the top is a `listing`
 * (warned `listing-page`; later plugins claim no title or date for it), unless
 * it shows one article whole (five paragraphs of prose in a row);
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
      // (an archive that shows its latest post whole, five paragraphs of prose in a row or more, holds that article:
      // `Tag Archives: farm economy` / the headline / the byline / the story / the next post's teaser)
      if (longestProseRun(tree) >= 5) break
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

/** The most paragraphs of prose that follow one another in `tree`. */
function longestProseRun(tree: Root): number {
  let longest = 0
  let run = 0
  for (const node of tree.children) {
    const text = plainText(node)
    run = text && isProse(text.value) ? run + 1 : 0
    longest = Math.max(longest, run)
  }
  return longest
}
