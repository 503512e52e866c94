/**
 * `npm run bench`: every benchmark, printed as tables and written as JSON to
 * `$TMPDIR/docprov-bench.json`. `BENCH_THROUGHPUT_SIZES` and `BENCH_ARCHIVE_SIZES`
 * (comma-separated) set the corpus sizes (defaults 1000,10000 and 10000,50000);
 * `BENCH_RUNS` how many times the throughput phases run (default 3: medians are shown).
 */
import {writeFileSync} from 'node:fs'
import {cpus, tmpdir} from 'node:os'
import path from 'node:path'
import {reportArchive} from './archive.js'
import {reportHostile} from './hostile.js'
import {reportLineage} from './lineage.js'
import {reportThroughput} from './throughput.js'

const sizes = (process.env.BENCH_ARCHIVE_SIZES ?? '10000,50000').split(',').map(Number)
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`
console.log(`Machine: ${machine}\n`)
const throughputSizes = (process.env.BENCH_THROUGHPUT_SIZES ?? '1000,10000').split(',').map(Number)
const runs = Number(process.env.BENCH_RUNS ?? 3)
if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`Invalid BENCH_RUNS \`${process.env.BENCH_RUNS}\`, expected a whole number of at least 1`)
const throughput = reportThroughput(throughputSizes, runs)
console.log('')
const lineage = reportLineage()
console.log('')
const hostile = reportHostile()
console.log('')
const archive = await reportArchive(sizes)
const file = path.join(tmpdir(), 'docprov-bench.json')
writeFileSync(file, JSON.stringify({machine, throughput, lineage, hostile, archive}, null, 2) + '\n')
console.log(`\nwritten to ${file}`)
