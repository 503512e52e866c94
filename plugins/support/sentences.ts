/** Sentence splitting with Intl.Segmenter, mended where an abbreviation ends a segment. */

// Title and other abbreviations after which a full stop does not end a sentence,
// and single initials (“J. Smith”).
const abbreviation =
  /(?:^|[\s(“"‘'])(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Sr|Jr|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Gov|Sen|Rep|Rev|Hon|Pres|Inc|Ltd|Co|Corp|vs|No|Nos|Vol|pp|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e|U\.S|U\.K|\p{Lu})\.\s*$/u

/**
 * Split text into sentences (each with its trailing space, so they join back to
 * the text); with `limit`, only the first `limit` sentences. Ask for no more
 * than you need: V8's segmenter takes time in the length of the whole text for
 * each segment, so segmenting all of a long paragraph is quadratic (a
 * paragraph of 12,000 hard-wrapped lines, one segment each, takes 14 s).
 */
export function splitSentences(value: string, lang = 'en', limit = Number.POSITIVE_INFINITY): string[] {
  const segmenter = segmenterOf(lang)
  const result: string[] = []
  let carry = ''
  for (const {segment} of segmenter.segment(value)) {
    const joined = carry + segment
    if (endsWithAbbreviation(joined)) carry = joined
    else {
      result.push(joined)
      carry = ''
      if (result.length >= limit) return result
    }
  }
  if (carry) result.push(carry)
  return result
}

/** Segmenters by language: making one costs far more than using it. */
const segmenters = new Map<string, Intl.Segmenter>()

function segmenterOf(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang)
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(lang, {granularity: 'sentence'})
    } catch {
      segmenter = segmenterOf('en')
    }
    segmenters.set(lang, segmenter)
  }
  return segmenter
}

/**
 * Whether text ends with an abbreviation. Only its last characters are tested
 * (the longest abbreviation and the character before it fit in them), so a long
 * run of segments merged into one costs linear time, not quadratic.
 */
function endsWithAbbreviation(text: string): boolean {
  const end = text.trimEnd().length
  return abbreviation.test(end > tailSize ? text.slice(end - tailSize) : text)
}

/** Characters tested by `endsWithAbbreviation`: more than any abbreviation with its full stop and the character before. */
const tailSize = 16
