/**
 * One phase of the throughput benchmark, run in its own process so that
 * `/usr/bin/time` measures its wall time and peak RSS:
 *
 *   node phase.js hash DIR             (a) read + SHA-256 of every file
 *   node phase.js floor DIR OUT        (b) read, split on blank lines, remark-stringify, write .md, on all cores
 *   node phase.js build DIR OUT CACHE JOBS|default
 *                                      (c, d, e) docprov's build into OUT (CACHE `none` for no cache)
 */
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {Worker} from 'node:worker_threads'

const [phase, dir, out, cache, jobs] = process.argv.slice(2)
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => path.join(dir, name))

if (phase === 'hash') {
  let bytes = 0
  for (const file of files) {
    const data = readFileSync(file)
    bytes += data.byteLength
    createHash('sha256').update(data).digest('hex')
  }
  console.log(JSON.stringify({files: files.length, bytes}))
} else if (phase === 'floor') {
  const workers = availableParallelism()
  const share = Math.ceil(files.length / workers)
  await Promise.all(
    Array.from({length: workers}, (_, index) => {
      const worker = new Worker(new URL('./floor-worker.js', import.meta.url), {workerData: {files: files.slice(index * share, (index + 1) * share), out}})
      return new Promise((resolve, reject) => {
        worker.on('message', resolve)
        worker.on('error', reject)
      })
    })
  )
  console.log(JSON.stringify({files: files.length}))
} else if (phase === 'build') {
  // As the command line does (see \`limitHeapGrowth\`), and before the pipeline's modules load (the command line's are
  // loaded by then too, but the bench's phases load more): the bench measures what \`docprov build\` does.
  const {limitHeapGrowth} = await import('../../pipeline/pool.js')
  limitHeapGrowth()
  const {buildTo} = await import('../../pipeline/incremental.js')
  const start = performance.now()
  // When the last input's result came back: the per-file part ends, the serial part (lineage, writing) begins.
  let perFile = 0
  const result = await buildTo(out, {
    paths: [dir],
    cache: cache === 'none' ? false : cache,
    jobs: jobs === 'default' ? undefined : Number(jobs),
    onProgress(done, total) {
      if (done === total) perFile = performance.now() - start
    }
  })
  const serial = (performance.now() - start - perFile) / 1000
  console.log(JSON.stringify({files: files.length, upToDate: result.upToDate, processed: result.processed, cached: result.cached, ...result.summary, ...(result.upToDate ? {} : {serialSeconds: serial})}))
} else {
  throw new Error(`Unknown phase ${phase}`)
}
