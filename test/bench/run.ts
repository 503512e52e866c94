/**
 * `npm run bench`: every benchmark, printed as tables and written as JSON to
 * `$TMPDIR/docprov-bench.json`. `BENCH_ARCHIVE_SIZES` (comma-separated) sets the
 * archive sizes (default 10000,50000).
 */
import {writeFileSync} from 'node:fs'
import {cpus, tmpdir} from 'node:os'
import path from 'node:path'
import {reportArchive} from './archive.js'
import {reportLineage} from './lineage.js'

const sizes = (process.env.BENCH_ARCHIVE_SIZES ?? '10000,50000').split(',').map(Number)
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`
console.log(`Machine: ${machine}\n`)
const lineage = reportLineage()
const archive = await reportArchive(sizes)
const file = path.join(tmpdir(), 'docprov-bench.json')
writeFileSync(file, JSON.stringify({machine, lineage, archive}, null, 2) + '\n')
console.log(`\nwritten to ${file}`)
