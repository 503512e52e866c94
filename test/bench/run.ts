/**
 * `npm run bench`: every benchmark, printed as tables and written as JSON to
 * `$TMPDIR/docprov-bench.json`. `BENCH_THROUGHPUT_SIZES` and `BENCH_ARCHIVE_SIZES`
 * (comma-separated) set the corpus sizes (defaults 1000,10000 and 10000,50000;
 * `0` skips that benchmark);
 * `BENCH_RUNS` how many times the throughput phases run (default 3: medians are shown).
 */
import {writeFileSync} from 'node:fs'
import {cpus, tmpdir} from 'node:os'
import path from 'node:path'
import {reportArchive} from './archive.js'
import {reportHostile} from './hostile.js'
import {reportLineage} from './lineage.js'
import {reportThroughput} from './throughput.js'

/** Corpus sizes from a variable: comma-separated whole numbers of at least 1, or `0` (or nothing) to skip that benchmark. */
function sizesOf(name: string, fallback: string): number[] {
  const value = (process.env[name] ?? fallback).trim()
  if (value === '' || value === '0') return []
  const sizes = value.split(',').map((part) => Number(part.trim()))
  if (!sizes.every((size) => Number.isSafeInteger(size) && size >= 1)) {
    throw new Error(`Invalid ${name} \`${value}\`, expected whole numbers of at least 1 separated by commas (or 0 to skip)`)
  }
  return sizes
}

const sizes = sizesOf('BENCH_ARCHIVE_SIZES', '10000,50000')
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`
console.log(`Machine: ${machine}\n`)
const throughputSizes = sizesOf('BENCH_THROUGHPUT_SIZES', '1000,10000')
const runs = Number(process.env.BENCH_RUNS ?? 3)
if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`Invalid BENCH_RUNS \`${process.env.BENCH_RUNS}\`, expected a whole number of at least 1`)
const throughput = throughputSizes.length > 0 ? reportThroughput(throughputSizes, runs) : null
if (throughput) console.log('')
const lineage = reportLineage()
console.log('')
const hostile = reportHostile()
console.log('')
const archive = sizes.length > 0 ? await reportArchive(sizes) : null
const file = path.join(tmpdir(), 'docprov-bench.json')
writeFileSync(file, JSON.stringify({machine, throughput, lineage, hostile, archive}, null, 2) + '\n')
console.log(`\nwritten to ${file}`)
