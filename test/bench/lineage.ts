/**
 * Benchmark of lineage: fingerprinting and linking synthetic corpora of 1,000 to
 * 10,000 documents, to show that linking grows about linearly (no all-pairs step).
 *
 * Documents are word sequences drawn with Zipf-like weights from the vocabulary of
 * the seeds and the test articles (so common words repeat as in real prose); 10%
 * are truncated and re-typed variants of another document and 5% exact copies.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {link, type LineageInput} from '../../pipeline/lineage.js'
import {packageRoot} from '../../pipeline/version.js'
import {fingerprintText, wordsOf} from '../../plugins/support/fingerprint.js'

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
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

function measure<T>(run: () => T): {value: T; ms: number} {
  const start = process.hrtime.bigint()
  const value = run()
  return {value, ms: Number(process.hrtime.bigint() - start) / 1e6}
}

/** Run the benchmark; returns one row per corpus size. */
export function benchLineage(sizes = [1000, 2000, 5000, 10000]) {
  const rows = []
  for (const size of sizes) {
    const {texts, origin} = corpus(size)
    const fingerprinted = measure(() => texts.map((text) => fingerprintText(text)))
    const inputs: LineageInput[] = fingerprinted.value.map((fingerprint, index) => ({
      id: index.toString(16).padStart(16, '0'),
      path: `doc-${String(index).padStart(6, '0')}.txt`,
      fingerprint,
      fields: 0,
      eligible: true
    }))
    // Best of three, so one garbage collection does not decide the figure.
    let best = Infinity
    let lineage = link(inputs)
    for (let round = 0; round < 3; round++) {
      const timed = measure(() => link(inputs))
      lineage = timed.value
      best = Math.min(best, timed.ms)
    }
    // Recall: copies that ended up in the same cluster as the text they were made from.
    let copies = 0
    let found = 0
    origin.forEach((from, index) => {
      if (from < 0) return
      copies++
      const cluster = lineage.clusterOf.get(inputs[index].id)
      if (cluster && cluster === lineage.clusterOf.get(inputs[from].id)) found++
    })
    rows.push({
      documents: size,
      fingerprintMs: Math.round(fingerprinted.ms),
      linkMs: Math.round(best * 10) / 10,
      linkUsPerDocument: Math.round((best * 1000) / size),
      candidates: lineage.stats.candidates,
      verified: lineage.stats.verified,
      clusters: lineage.clusters.length,
      recall: Math.round((found / copies) * 1000) / 1000
    })
  }
  return rows
}

function main() {
  const rows = benchLineage()
  console.log('Lineage (fingerprint each text, then link all):')
  console.log('documents  fingerprint ms  link ms  link µs/doc  candidates  verified  clusters  recall')
  for (const row of rows) {
    console.log(
      `${String(row.documents).padStart(9)}  ${String(row.fingerprintMs).padStart(14)}  ${String(row.linkMs).padStart(7)}  ${String(row.linkUsPerDocument).padStart(11)}  ${String(row.candidates).padStart(10)}  ${String(row.verified).padStart(8)}  ${String(row.clusters).padStart(8)}  ${row.recall.toFixed(3).padStart(6)}`
    )
  }
  const first = rows[0]
  const last = rows[rows.length - 1]
  const growth = last.linkMs / first.linkMs / (last.documents / first.documents)
  console.log(`link time per document, ${last.documents} vs ${first.documents}: ${growth.toFixed(2)}× (1.00 is linear)`)
  return {rows, growth}
}

main()
