/** Synthetic corpora for the benchmarks, drawn from the repository's own texts (deterministic). */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {packageRoot} from '../../pipeline/version.js'
import {wordsOf} from '../../plugins/support/fingerprint.js'

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Vocabulary of the repository's raw texts, most frequent first. */
export function vocabulary(): string[] {
  const folders = ['seeds', 'test/lineage/articles']
  const counts = new Map<string, number>()
  for (const folder of folders) {
    for (const name of readdirSync(path.join(packageRoot, folder))) {
      for (const word of wordsOf(readFileSync(path.join(packageRoot, folder, name), 'utf8'))) counts.set(word, (counts.get(word) ?? 0) + 1)
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word)
}

/** A corpus of `size` texts (seeded), with variants and exact copies; `origin[i]` is the text a copy was made from, else -1. */
export function corpus(size: number, seed = 1): {texts: string[]; origin: Int32Array} {
  const next = random(seed)
  const words = vocabulary()
  // Zipf-like: rank r drawn with weight 1/(r+10).
  const weights = words.map((_, rank) => 1 / (rank + 10))
  const cumulative: number[] = []
  weights.reduce((sum, weight, index) => (cumulative[index] = sum + weight), 0)
  const totalWeight = cumulative[cumulative.length - 1]
  const pick = () => {
    const target = next() * totalWeight
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if (cumulative[middle] < target) low = middle + 1
      else high = middle
    }
    return words[low]
  }
  const texts: string[] = []
  const origin = new Int32Array(size).fill(-1)
  for (let index = 0; index < size; index++) {
    const roll = next()
    if (index > 10 && roll < 0.05) {
      origin[index] = Math.floor(next() * index)
      texts.push(texts[origin[index]])
    } else if (index > 10 && roll < 0.15) {
      origin[index] = Math.floor(next() * index)
      const original = texts[origin[index]].split(' ')
      const kept = original.slice(0, Math.ceil(original.length * (0.3 + next() * 0.6)))
      for (let edit = 0; edit < 3; edit++) kept[Math.floor(next() * kept.length)] = pick()
      texts.push(kept.join(' '))
    } else {
      const length = 300 + Math.floor(next() * 900)
      texts.push(Array.from({length}, pick).join(' '))
    }
  }
  return {texts, origin}
}

