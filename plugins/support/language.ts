/**
 * franc's language identification, answer for answer, without its costs.
 * franc (`franc(value, {only, minLength})`) finds the sample's script by
 * matching some 30 regular expressions over it (each match an array of
 * strings), counts its trigrams as strings in an object, sorts them, and scores
 * them against each candidate language's model: about 57 Latin-script
 * languages × 300 trigrams per paragraph, half of the per-file pipeline once.
 *
 * Here the script of each code point is looked up once and remembered, and
 * each trigram is a number (its three UTF-16 code units) looked up in one hash
 * table per script that gives its rank in every candidate model at once;
 * trigrams no model has are skipped, as they add the same to every language.
 * The models and the script expressions are franc's own, the sample is cleaned
 * as trigram-utils cleans it, and `test/language.test.ts` checks the answers
 * against franc itself (including arbitrary Unicode).
 */
import {data} from 'franc/data.js'
import {expressions} from 'franc/expressions.js'

/** As franc: the longest sample read, and the distance of a trigram a model lacks. */
const maxLength = 2048
const maxDifference = 300

/**
 * One script's candidate languages (in franc's order) and, per trigram, the
 * models that have it: an open-addressing hash table from trigram key to a run
 * of pairs of language (position) and rank in `pairs`.
 */
interface ScriptIndex {
  languages: string[]
  /** Trigram key of each slot (-1: empty); the table's size is a power of two. */
  keys: Float64Array
  /** Where each slot's pairs start and end in `pairs`. */
  starts: Int32Array
  ends: Int32Array
  pairs: Int16Array
  /** Per slot, the trigram's count in the current sample (zeroed after each sample). */
  counts: Int32Array
}

const indexes = new WeakMap<ReadonlySet<string>, Map<string, ScriptIndex>>()

const scripts = Object.keys(expressions)
/**
 * The scripts whose expression matches a code point, as a bit set over
 * `scripts` (+1, so that 0 means not looked up yet); BMP code points in a
 * table, others in a map.
 */
const bmpScripts = new Int32Array(0x10000)
const astralScripts = new Map<number, number>()
if (scripts.length > 30) throw new Error('franc has more scripts than a bit set holds (a bug in docprov’s language module)')

function scriptsOf(code: number): number {
  const known = code < 0x10000 ? bmpScripts[code] : astralScripts.get(code)
  if (known) return known - 1
  // The expressions are not sticky or unicode-aware: an astral character matches as its surrogate pair.
  const character = String.fromCodePoint(code)
  let set = 0
  scripts.forEach((name, bit) => {
    const expression = expressions[name]
    expression.lastIndex = 0
    const match = expression.exec(character)
    if (match && match.index === 0 && match[0] === character) set |= 1 << bit
  })
  if (code < 0x10000) bmpScripts[code] = set + 1
  else astralScripts.set(code, set + 1)
  return set
}

/** The number of a trigram of three UTF-16 code units. */
function trigramKey(a: number, b: number, c: number): number {
  return (a * 0x10000 + b) * 0x10000 + c
}

/**
 * The ISO 639-3 code franc gives for `value` with the options
 * `{minLength, only: [...only]}` (an empty `only`: every language), or `und`.
 */
export function identifyLanguage(value: string, options: {minLength: number; only: ReadonlySet<string>}): string {
  if (!value || value.length < options.minLength) return 'und'
  const sample = value.slice(0, maxLength)
  const script = topScript(sample)
  if (!script || !(script.name in data)) {
    // A script of one language (its name is the language's code).
    return !script || script.count === 0 || (options.only.size > 0 && !options.only.has(script.name)) ? 'und' : script.name
  }
  const index = scriptIndex(script.name, options.only)
  if (index.languages.length === 0) return 'und'
  // Each trigram adds `maxDifference` to the distance of every model without it
  // (franc's sum): counted once for all, then corrected for the models that have it.
  const distances = new Float64Array(index.languages.length)
  const {keys, starts, ends, pairs, counts} = index
  const mask = keys.length - 1
  // Count the sample's trigrams that some model has; the others add the same to every language.
  const text = cleaned(sample)
  const touched: number[] = []
  for (let at = 0; at + 2 < text.length; at++) {
    const key = trigramKey(text.charCodeAt(at), text.charCodeAt(at + 1), text.charCodeAt(at + 2))
    for (let slot = hashOf(key) & mask; keys[slot] !== -1; slot = (slot + 1) & mask) {
      if (keys[slot] === key) {
        if (counts[slot]++ === 0) touched.push(slot)
        break
      }
    }
  }
  for (const slot of touched) {
    const count = counts[slot]
    counts[slot] = 0
    for (let pair = starts[slot]; pair < ends[slot]; pair += 2) distances[pairs[pair]] += Math.abs(count - pairs[pair + 1] - 1) - maxDifference
  }
  // The nearest language; franc's stable sort keeps the first of equals.
  let best = 0
  for (let language = 1; language < distances.length; language++) if (distances[language] < distances[best]) best = language
  return index.languages[best]
}

/**
 * The script with the most matches of its expression in `sample` (the first
 * of equals), as franc's `getTopScript`: its matches are single characters, so
 * counting each character's scripts gives the same counts.
 */
function topScript(sample: string): {name: string; count: number} | undefined {
  const counts = new Int32Array(scripts.length)
  for (let at = 0; at < sample.length; ) {
    const code = sample.codePointAt(at)!
    at += code > 0xffff ? 2 : 1
    let set = scriptsOf(code)
    for (let bit = 0; set !== 0; bit++, set >>>= 1) if (set & 1) counts[bit]++
  }
  let best: {name: string; count: number} | undefined
  scripts.forEach((name, bit) => {
    if (!best || counts[bit] > best.count) best = {name, count: counts[bit]}
  })
  return best
}

/** The sample as trigram-utils cleans and pads it before taking its trigrams. */
function cleaned(sample: string): string {
  // `clean`: ASCII punctuation, symbols and digits to spaces, white space collapsed (as collapse-white-space), trimmed, lower case.
  return ' ' + sample.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase() + ' '
}

/** A 32-bit hash of a trigram key (48 bits). */
function hashOf(key: number): number {
  const high = Math.floor(key / 0x100000000)
  return Math.imul((key >>> 0) ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b) ^ (high >>> 3)
}

function scriptIndex(script: string, only: ReadonlySet<string>): ScriptIndex {
  let byScript = indexes.get(only)
  if (!byScript) indexes.set(only, (byScript = new Map()))
  let index = byScript.get(script)
  if (!index) {
    const models = data[script]
    const languages = Object.keys(models).filter((language) => only.size === 0 || only.has(language))
    const lists = new Map<number, number[]>()
    languages.forEach((language, position) => {
      const trigrams = models[language].split('|')
      // As franc: a trigram listed twice keeps its first rank.
      const first = new Map<string, number>()
      for (let rank = trigrams.length - 1; rank >= 0; rank--) first.set(trigrams[rank], rank)
      for (const [trigram, rank] of first) {
        // A sample's trigrams are three code units: a model entry of another length never matches.
        if (trigram.length !== 3) continue
        const key = trigramKey(trigram.charCodeAt(0), trigram.charCodeAt(1), trigram.charCodeAt(2))
        let list = lists.get(key)
        if (!list) lists.set(key, (list = []))
        list.push(position, rank)
      }
    })
    let size = 1
    while (size < lists.size * 2) size *= 2
    const keys = new Float64Array(size).fill(-1)
    const starts = new Int32Array(size)
    const ends = new Int32Array(size)
    const pairs = new Int16Array([...lists.values()].reduce((sum, list) => sum + list.length, 0))
    let used = 0
    for (const [key, list] of lists) {
      let slot = hashOf(key) & (size - 1)
      while (keys[slot] !== -1) slot = (slot + 1) & (size - 1)
      keys[slot] = key
      starts[slot] = used
      pairs.set(list, used)
      used += list.length
      ends[slot] = used
    }
    index = {languages, keys, starts, ends, pairs, counts: new Int32Array(size)}
    byScript.set(script, index)
  }
  return index
}
