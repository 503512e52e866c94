/**
 * franc's language identification, answer for answer, with its scoring done
 * through an inverted index. franc (`franc(value, {only, minLength})`) scores a
 * sample against each candidate language by looking each of the sample's
 * trigrams up in that language's model: about 57 Latin-script languages × 300
 * trigrams per paragraph, a millisecond per file and a third of the per-file
 * pipeline. Here each trigram is looked up once, in an index that gives its rank
 * in every candidate model at once. The models, the script detection and the
 * trigrams are franc's and trigram-utils' own; `test/language.test.ts` checks
 * the answers against franc itself.
 */
import {data} from 'franc/data.js'
import {expressions} from 'franc/expressions.js'
import {asTuples} from 'trigram-utils'

/** As franc: the longest sample read, and the distance of a trigram a model lacks. */
const maxLength = 2048
const maxDifference = 300

/** One script's candidate languages (in franc's order) and, per trigram, the models that have it: pairs of language (position) and rank. */
interface ScriptIndex {
  languages: string[]
  ranks: Map<string, Int16Array>
}

const indexes = new WeakMap<ReadonlySet<string>, Map<string, ScriptIndex>>()

/**
 * The ISO 639-3 code franc gives for `value` with the options
 * `{minLength, only: [...only]}` (an empty `only`: every language), or `und`.
 */
export function identifyLanguage(value: string, options: {minLength: number; only: ReadonlySet<string>}): string {
  if (!value || value.length < options.minLength) return 'und'
  const sample = value.slice(0, maxLength)
  // The script with the most characters in the sample (the first of equals).
  let script: string | undefined
  let top = -1
  for (const name in expressions) {
    const count = (sample.match(expressions[name])?.length ?? 0) / sample.length || 0
    if (count > top) {
      top = count
      script = name
    }
  }
  if (!script || !(script in data)) {
    // A script of one language (its name is the language's code).
    return !script || top === 0 || (options.only.size > 0 && !options.only.has(script)) ? 'und' : script
  }
  const index = scriptIndex(script, options.only)
  if (index.languages.length === 0) return 'und'
  // Each trigram adds `maxDifference` to the distance of every model without it
  // (franc's sum): counted once for all, then corrected for the models that have it.
  const distances = new Float64Array(index.languages.length)
  for (const [trigram, count] of asTuples(sample)) {
    const pairs = index.ranks.get(trigram)
    if (!pairs) continue // Every language adds `maxDifference`: the order does not change.
    for (let at = 0; at < pairs.length; at += 2) distances[pairs[at]] += Math.abs(count - pairs[at + 1] - 1) - maxDifference
  }
  // The nearest language; franc's stable sort keeps the first of equals.
  let best = 0
  for (let language = 1; language < distances.length; language++) if (distances[language] < distances[best]) best = language
  return index.languages[best]
}

function scriptIndex(script: string, only: ReadonlySet<string>): ScriptIndex {
  let byScript = indexes.get(only)
  if (!byScript) indexes.set(only, (byScript = new Map()))
  let index = byScript.get(script)
  if (!index) {
    const models = data[script]
    const languages = Object.keys(models).filter((language) => only.size === 0 || only.has(language))
    const lists = new Map<string, number[]>()
    languages.forEach((language, position) => {
      const trigrams = models[language].split('|')
      // As franc: a trigram listed twice keeps its first rank.
      const first = new Map<string, number>()
      for (let rank = trigrams.length - 1; rank >= 0; rank--) first.set(trigrams[rank], rank)
      for (const [trigram, rank] of first) {
        let list = lists.get(trigram)
        if (!list) lists.set(trigram, (list = []))
        list.push(position, rank)
      }
    })
    index = {languages, ranks: new Map([...lists].map(([trigram, list]) => [trigram, Int16Array.from(list)]))}
    byScript.set(script, index)
  }
  return index
}
