/** Sentence splitting with Intl.Segmenter, mended where an abbreviation ends a segment. */

// Title and other abbreviations after which a full stop does not end a sentence,
// and single initials (“J. Smith”).
const abbreviation =
  /(?:^|[\s(“"‘'])(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Sr|Jr|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Gov|Sen|Rep|Rev|Hon|Pres|Inc|Ltd|Co|Corp|vs|No|Nos|Vol|pp|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e|U\.S|U\.K|\p{Lu})\.\s*$/u

/** Split text into sentences (each with its trailing space, so they join back to the text). */
export function splitSentences(value: string, lang = 'en'): string[] {
  let segmenter: Intl.Segmenter
  try {
    segmenter = new Intl.Segmenter(lang, {granularity: 'sentence'})
  } catch {
    segmenter = new Intl.Segmenter('en', {granularity: 'sentence'})
  }
  const result: string[] = []
  let carry = ''
  for (const {segment} of segmenter.segment(value)) {
    const joined = carry + segment
    if (abbreviation.test(joined)) carry = joined
    else {
      result.push(joined)
      carry = ''
    }
  }
  if (carry) result.push(carry)
  return result
}
