/**
 * Pathological inputs for the linear-time checks: each case makes a raw file of
 * a given size (in its own unit), and `measure` runs the per-file pipeline on it.
 * The benchmark runs each case in a process of its own (for its peak RSS);
 * `test/hostile.test.ts` compares times at two sizes with generous bounds.
 */
import {execFileSync} from 'node:child_process'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {createRunner} from '../../pipeline/build.js'
import {loadProfiles} from '../../pipeline/profiles.js'

/** A pathological input: how to make it at `size` (in `unit`), and the sizes the benchmark uses. */
export interface HostileCase {
  name: string
  unit: string
  sizes: [number, number]
  make: (size: number) => string
  /** `--max-lines` for the run (default: docprov's). */
  maxLines?: number
}

export const hostileCases: HostileCase[] = [
  {name: 'one line, no newline', unit: 'bytes', sizes: [1_250_000, 5_000_000], make: (size) => 'word '.repeat(size / 5)},
  {name: 'short lines (default limit)', unit: 'lines', sizes: [250_000, 1_000_000], make: (size) => 'ab\n'.repeat(size)},
  {name: 'short lines (--max-lines 10^6)', unit: 'lines', sizes: [25_000, 100_000], make: (size) => 'ab\n'.repeat(size), maxLines: 1_000_000},
  {name: 'blank lines', unit: 'lines', sizes: [25_000, 100_000], make: (size) => 'A title\n' + '\n'.repeat(size) + 'One paragraph of text after them.\n'},
  {name: 'one long word', unit: 'chars', sizes: [50_000, 200_000], make: (size) => 'A title\n\nStart ' + 'x'.repeat(size) + ' end.\n'},
  {name: 'unclosed quotes and brackets', unit: 'bytes', sizes: [250_000, 1_000_000], make: (size) => '"(['.repeat(size / 3)},
  {name: 'digits and date-like runs', unit: 'bytes', sizes: [250_000, 1_000_000], make: (size) => '2021-11-08 12:00 1 2 3 '.repeat(size / 23)},
  // One paragraph of prose hard-wrapped at 72 characters: one sentence segment per line.
  {
    name: 'hard-wrapped paragraph',
    unit: 'lines',
    sizes: [10_000, 40_000],
    make: (size) => 'A title\n\n' + Array.from({length: size}, () => 'growers said the frost came early this year and the buds were not ready').join('\n') + '\n'
  }
]

/** What one run gave: seconds in the pipeline, and the outcome (a document, or the rejection's reason). */
export interface Measured {
  seconds: number
  outcome: string
}

/** Run the per-file pipeline once on `hostile` at `size` (in this process). */
export async function measure(hostile: HostileCase, size: number): Promise<Measured> {
  const run = createRunner({profiles: await loadProfiles([]), maxLines: hostile.maxLines})
  const bytes = Buffer.from(hostile.make(size))
  // Warm up (load the pipeline) on a small input first.
  await run({path: 'warm-up.txt', bytes: Buffer.from('A title\n\nSome text.\n'), format: 'text'})
  const start = performance.now()
  const result = await run({path: 'hostile.txt', bytes, format: 'text'})
  return {seconds: (performance.now() - start) / 1000, outcome: 'reason' in result ? `rejected: ${result.reason}` : 'document'}
}

/** Measure every case at both sizes, each run in a process of its own under `/usr/bin/time -v`. */
export function benchHostile() {
  const script = fileURLToPath(import.meta.url)
  return hostileCases.map((hostile) => {
    const runs = hostile.sizes.map((size) => {
      const output = execFileSync('/usr/bin/time', ['-v', process.execPath, script, hostile.name, String(size)], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26})
      return {size, ...(JSON.parse(output) as Measured & {bytes: number; peakRssMb: number})}
    })
    return {name: hostile.name, unit: hostile.unit, runs, timeRatio: runs[1].seconds / runs[0].seconds, sizeRatio: hostile.sizes[1] / hostile.sizes[0]}
  })
}

export function reportHostile() {
  const rows = benchHostile()
  console.log('Pathological inputs (one file each, per-file pipeline; time ratio ≈ size ratio means linear):')
  console.log('case                               size           MB   seconds     MB/s  peak RSS MB  outcome')
  for (const row of rows) {
    for (const run of row.runs) {
      console.log(
        `${row.name.padEnd(34)} ${`${run.size} ${row.unit}`.padEnd(15)} ${(run.bytes / 1e6).toFixed(2).padStart(5)} ${run.seconds.toFixed(2).padStart(9)} ${(run.bytes / 1e6 / run.seconds).toFixed(1).padStart(8)} ${run.peakRssMb.toFixed(0).padStart(12)}  ${run.outcome}`
      )
    }
    console.log(`${''.padEnd(34)} ×${row.sizeRatio} size → ×${row.timeRatio.toFixed(2)} time`)
  }
  return rows
}

// As a process of its own: measure one case at one size, print JSON (peak RSS from the process itself).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv.length === 4) {
  const hostile = hostileCases.find((item) => item.name === process.argv[2])!
  const size = Number(process.argv[3])
  const measured = await measure(hostile, size)
  const bytes = Buffer.byteLength(hostile.make(size))
  console.log(JSON.stringify({...measured, bytes, peakRssMb: process.resourceUsage().maxRSS / 1024}))
}
