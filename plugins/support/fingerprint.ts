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
 * was cut; each chunk gets a MinHash signature split into LSH bands.
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
const boundaryMask = 31
const minChunk = 16

const noSpaceScripts = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}'
/** A character of a script written without spaces, or a run of other letters, marks and digits. */
const word = new RegExp(`[${noSpaceScripts}]|(?:(?![${noSpaceScripts}])[\\p{L}\\p{M}\\p{N}])+`, 'gu')

/** The words of a text, normalized (NFKC, lower case). */
export function wordsOf(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(word) ?? []
}

/** Fingerprint a text. */
export function fingerprintText(text: string): Fingerprint {
  const words = wordsOf(text)
  const digest = createHash('sha256').update(words.join(' ')).digest('hex')
  const tokens = words.map(hashString)
  const count = Math.max(1, tokens.length - shingleSize + 1)
  const sequence = new Uint32Array(tokens.length === 0 ? 0 : count)
  for (let index = 0; index < sequence.length; index++) {
    let hash = shingleSize
    const end = Math.min(tokens.length, index + shingleSize)
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
  return {words: words.length, digest, shingles: uniqueSorted(sequence), bands: uniqueSorted(Uint32Array.from(keys))}
}

/** How many shingles two sorted shingle sets share. */
export function sharedShingles(a: Uint32Array, b: Uint32Array): number {
  let shared = 0
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++
      i++
      j++
    } else if (a[i] < b[j]) i++
    else j++
  }
  return shared
}

const hashes = rows * bandsPerChunk
/** Odd multipliers and offsets of the MinHash functions `(a·x + b) mod 2^32`. */
const multipliers = Uint32Array.from({length: hashes}, (_, index) => mix(index * 2 + 1) | 1)
const offsets = Uint32Array.from({length: hashes}, (_, index) => mix(index * 2 + 2))

/** Push the band keys of the chunk `sequence[start..end)`. */
function bandKeys(sequence: Uint32Array, start: number, end: number, keys: number[]): void {
  const minimum = new Uint32Array(hashes).fill(0xffffffff)
  for (let index = start; index < end; index++) {
    // Shingle hashes are already mixed, so multiply-add hashing is enough.
    const value = sequence[index]
    for (let h = 0; h < hashes; h++) {
      const hashed = (Math.imul(value, multipliers[h]) + offsets[h]) >>> 0
      if (hashed < minimum[h]) minimum[h] = hashed
    }
  }
  for (let band = 0; band < bandsPerChunk; band++) {
    let key = mix(band + 0x9e3779b9)
    for (let row = 0; row < rows; row++) key = mix(key ^ minimum[band * rows + row])
    keys.push(key)
  }
}

/** FNV-1a over UTF-16 code units, then mixed. */
function hashString(value: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < value.length; index++) hash = Math.imul(hash ^ value.charCodeAt(index), 0x01000193)
  return mix(hash)
}

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

function uniqueSorted(values: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort()
  let length = 0
  for (let index = 0; index < sorted.length; index++) {
    if (index === 0 || sorted[index] !== sorted[index - 1]) sorted[length++] = sorted[index]
  }
  return sorted.slice(0, length)
}
