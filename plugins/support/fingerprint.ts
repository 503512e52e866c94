/**
 * Text fingerprints for lineage: word shingles, content-defined chunks and
 * MinHash band keys, all deterministic 32-bit hashes.
 *
 * The text is reduced to lower-case words (NFKC, punctuation and whitespace
 * dropped; scripts written without spaces count each character as a word), so
 * copies that differ only in whitespace, punctuation, case or line breaks get the
 * same fingerprint. Shingles are runs of `shingleSize` words. The shingle
 * sequence is cut into chunks where a shingle's hash says so (content-defined
 * chunking), so a truncated copy shares whole chunks with the original wherever it
 * was cut; each chunk gets a MinHash signature (one-permutation hashing) split
 * into LSH bands.
 */
import {createHash} from 'node:crypto'

/** A text's fingerprint. */
export interface Fingerprint {
  /** Number of words. */
  words: number
  /** SHA-256 (hex) of the word sequence: equal for texts that differ only in normalization. */
  digest: string
  /** Hashes of the word shingles, sorted, without repeats. */
  shingles: Uint32Array
  /** MinHash LSH band keys of the text's chunks, sorted, without repeats. */
  bands: Uint32Array
}

/** Words per shingle. */
export const shingleSize = 5
/** MinHash rows per band, and bands per chunk. */
export const rows = 4
export const bandsPerChunk = 8
/** A chunk ends after a shingle whose hash has these low bits clear (mean length 32 + the minimum). */
const boundaryMask = 15
const minChunk = 8

const noSpace = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u
const wordCharacter = /[\p{L}\p{M}\p{N}]/u
/** Kind of each BMP code unit, filled on first sight: 1 separator, 2 part of a word, 3 a word on its own. */
const kinds = new Uint8Array(0x10000)

function kindOf(character: string, code: number): number {
  if (code < 0x10000 && kinds[code] !== 0) return kinds[code]
  const kind = noSpace.test(character) ? 3 : wordCharacter.test(character) ? 2 : 1
  if (code < 0x10000) kinds[code] = kind
  return kind
}

/**
 * Split a text into normalized words (NFKC, lower case): runs of letters, marks
 * and digits; a character of a script written without spaces (Han, kana, Thai…)
 * is a word on its own. Calls `each(start, end)` with offsets into `normalized`.
 */
function scan(normalized: string, each: (start: number, end: number) => void): void {
  let start = -1
  for (let index = 0; index < normalized.length; ) {
    const code = normalized.codePointAt(index)!
    const size = code > 0xffff ? 2 : 1
    const kind =
      code < 0x80 ? ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) ? 2 : 1) : kindOf(normalized.slice(index, index + size), code)
    if (kind !== 2 && start >= 0) {
      each(start, index)
      start = -1
    }
    if (kind === 3) each(index, index + size)
    else if (kind === 2 && start < 0) start = index
    index += size
  }
  if (start >= 0) each(start, normalized.length)
}

/** The words of a text, normalized (NFKC, lower case). */
export function wordsOf(text: string): string[] {
  const normalized = text.normalize('NFKC').toLowerCase()
  const words: string[] = []
  scan(normalized, (start, end) => words.push(normalized.slice(start, end)))
  return words
}

/** Scratch space for word hashes, grown as needed (one fingerprint is made at a time; a large one is dropped after use). */
let tokenScratch = new Uint32Array(4096)

/** Fingerprint a text. */
export function fingerprintText(text: string): Fingerprint {
  const normalized = text.normalize('NFKC').toLowerCase()
  const words: string[] = []
  let count = 0
  scan(normalized, (start, end) => {
    let hash = 0x811c9dc5
    for (let index = start; index < end; index++) hash = Math.imul(hash ^ normalized.charCodeAt(index), 0x01000193)
    if (count === tokenScratch.length) {
      const grown = new Uint32Array(count * 2)
      grown.set(tokenScratch)
      tokenScratch = grown
    }
    tokenScratch[count++] = mix(hash)
    words.push(normalized.slice(start, end))
  })
  const tokens = tokenScratch
  const sequence = new Uint32Array(count === 0 ? 0 : Math.max(1, count - shingleSize + 1))
  for (let index = 0; index < sequence.length; index++) {
    let hash = shingleSize
    const end = Math.min(count, index + shingleSize)
    for (let at = index; at < end; at++) hash = mix(hash ^ tokens[at])
    sequence[index] = hash
  }

  const keys: number[] = []
  let start = 0
  for (let index = 0; index < sequence.length; index++) {
    const last = index === sequence.length - 1
    if (last || (index + 1 - start >= minChunk && (mix(sequence[index] ^ 0x5bd1e995) & boundaryMask) === 0)) {
      bandKeys(sequence, start, index + 1, keys)
      start = index + 1
    }
  }
  // A large text's scratch space is not kept.
  if (tokenScratch.length > 1 << 16) tokenScratch = new Uint32Array(4096)
  return {
    words: count,
    digest: createHash('sha256').update(words.join(' ')).digest('hex'),
    // The sequence is not needed any more: sorted in place.
    shingles: uniqueSorted(sequence),
    bands: uniqueSorted(Uint32Array.from(keys))
  }
}

/**
 * How many shingles two sorted shingle sets share; or -1 as soon as it is
 * certain that fewer than `atLeast` are shared (more elements of the smaller
 * set were missed than it can spare), which is where most candidate pairs end.
 */
export function sharedShingles(a: Uint32Array, b: Uint32Array, atLeast = 0): number {
  const small = a.length <= b.length ? a : b
  const large = small === a ? b : a
  // Elements of the smaller set that may still go unmatched.
  let spare = small.length - atLeast
  if (spare < 0) return -1
  let shared = 0
  let i = 0
  let j = 0
  while (i < small.length && j < large.length) {
    if (small[i] === large[j]) {
      shared++
      i++
      j++
    } else if (small[i] < large[j]) {
      i++
      if (--spare < 0) return -1
    } else j++
  }
  return shared
}

const bins = rows * bandsPerChunk
const binBits = Math.log2(bins)
const empty = 0xffffffff

/**
 * Push the band keys of the chunk `sequence[start..end)`. The MinHash signature
 * is made by one-permutation hashing: each shingle hash falls into one of `bins`
 * bins by its low bits and each bin keeps its least value, so a chunk costs one
 * pass; an empty bin borrows from the next filled one (rotation densification),
 * so equal chunks still agree bin for bin.
 */
function bandKeys(sequence: Uint32Array, start: number, end: number, keys: number[]): void {
  const minimum = minimumScratch.fill(empty)
  for (let index = start; index < end; index++) {
    const value = sequence[index]
    const bin = value & (bins - 1)
    const rest = value >>> binBits
    if (rest < minimum[bin]) minimum[bin] = rest
  }
  const signature = signatureScratch
  for (let bin = 0; bin < bins; bin++) {
    let from = bin
    let distance = 0
    while (minimum[from] === empty && distance < bins) {
      from = (from + 1) & (bins - 1)
      distance++
    }
    signature[bin] = distance === 0 ? minimum[bin] : mix(minimum[from] + distance * 0x9e3779b1)
  }
  for (let band = 0; band < bandsPerChunk; band++) {
    let key = mix(band + 0x9e3779b9)
    for (let row = 0; row < rows; row++) key = mix(key ^ signature[band * rows + row])
    keys.push(key)
  }
}

/** Scratch space of `bandKeys` (one chunk at a time). */
const minimumScratch = new Uint32Array(bins)
const signatureScratch = new Uint32Array(bins)

/** MurmurHash3's 32-bit finalizer: a cheap, well-spread bijection. */
function mix(value: number): number {
  let hash = value >>> 0
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return hash >>> 0
}

/** `values` sorted in place, then its distinct values (a copy of just them). */
function uniqueSorted(values: Uint32Array): Uint32Array {
  const sorted = values.sort()
  let length = 0
  for (let index = 0; index < sorted.length; index++) {
    if (index === 0 || sorted[index] !== sorted[index - 1]) sorted[length++] = sorted[index]
  }
  return sorted.slice(0, length)
}
