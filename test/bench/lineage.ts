/**
 * Benchmark of lineage: fingerprinting and linking synthetic corpora of 1,000 to
 * 10,000 documents, to show that linking grows about linearly (no all-pairs step).
 *
 * Documents are word sequences drawn with Zipf-like weights from the vocabulary of
 * the seeds and the test articles (so common words repeat as in real prose); 10%
 * are truncated and re-typed variants of another document and 5% exact copies.
 */
import {link, type LineageInput} from '../../pipeline/lineage.js'
import {fingerprintText} from '../../plugins/support/fingerprint.js'
import {corpus} from './corpus.js'

export function measure<T>(run: () => T): {value: T; ms: number} {
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

/** Print the lineage table; returns the rows and the growth of time per document. */
export function reportLineage() {
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
