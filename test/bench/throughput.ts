/**
 * Throughput benchmark (`npm run bench`): corpora of 1,000 and 10,000 raw files
 * made from the repository's texts, then, each phase in its own process under
 * `/usr/bin/time` (wall time, peak RSS):
 *
 *   (a) floor: read + SHA-256 of every file
 *   (b) floor: read, split on blank lines, remark-stringify, write a .md per file, on all cores
 *   (c) a full `docprov build` (cold cache, default threads)
 *   (d) the same build again: a no-op rebuild
 *   (e) the build without cache on 1 thread and on every core
 *
 * The sequence runs `BENCH_RUNS` times (default 3), each from a cold cache and
 * empty folders of its own; each phase is reported by its median run. Nothing
 * is deleted between phases (an earlier bench's folders go before the corpus is
 * written, this one's after the last phase), and `sync` runs (untimed) before
 * each phase.
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {availableParallelism, tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {packageRoot} from '../../pipeline/version.js'
import {random, vocabulary} from './corpus.js'

/** The repository's raw article texts: seeds, test articles, fixtures and evaluation cases. */
function realTexts(): string[] {
  const texts: string[] = []
  const add = (file: string) => texts.push(readFileSync(file, 'utf8'))
  for (const folder of ['seeds', 'test/lineage/articles', 'test/feed/corpus']) {
    for (const name of readdirSync(path.join(packageRoot, folder)).sort()) if (name.endsWith('.txt')) add(path.join(packageRoot, folder, name))
  }
  for (const folder of ['test/fixtures', 'test/eval']) {
    for (const name of readdirSync(path.join(packageRoot, folder)).sort()) {
      const file = path.join(packageRoot, folder, name, 'input.txt')
      try {
        if (statSync(file).size > 200) add(file)
      } catch {}
    }
  }
  return texts
}

const outlets = ['Harbour Times', 'The Northern Ledger', 'Valley Courier', 'Radio Kelm', 'Coastal Gazette']
const boilerplate = [
  (outlet: string) => `Source: ${outlet}`,
  (outlet: string) => `Disclaimer: The views expressed in this article are the author's own and do not necessarily reflect the editorial policy of ${outlet}.`,
  () => 'Share this article',
  () => 'Follow us on Twitter and Facebook for the latest news.',
  (outlet: string) => `© 2023 ${outlet}. All rights reserved.`,
  () => 'Sign up for our newsletter'
]

/**
 * Write `count` raw files into `folder`, deterministically: 75% new articles in
 * prose drawn from the repository's vocabulary (date headers, bylines, outlets'
 * boilerplate), 10% real texts from the repository, 10% truncated variants and
 * 5% exact copies of earlier files; 15% with CRLF line ends.
 */
export function writeCorpus(folder: string, count: number, seed = 7): number {
  rmSync(folder, {recursive: true, force: true})
  mkdirSync(folder, {recursive: true})
  const next = random(seed)
  const words = vocabulary().slice(0, 3000)
  const real = realTexts()
  const word = () => words[Math.floor(next() ** 2 * words.length)]
  const sentence = (length: number) => {
    const parts = Array.from({length}, word)
    return parts[0][0].toUpperCase() + parts[0].slice(1) + ' ' + parts.slice(1).join(' ') + '.'
  }
  const made: string[] = []
  let bytes = 0
  for (let index = 0; index < count; index++) {
    const roll = next()
    let text: string
    if (roll < 0.05 && made.length > 0) text = made[Math.floor(next() * made.length)]
    else if (roll < 0.15 && made.length > 0) {
      const paragraphs = made[Math.floor(next() * made.length)].split(/\r?\n\r?\n/)
      text = paragraphs.slice(1, Math.max(2, paragraphs.length - 2)).join('\n\n') + '\n'
    } else if (roll < 0.25) text = real[Math.floor(next() * real.length)]
    else {
      const outlet = outlets[Math.floor(next() * outlets.length)]
      const parts: string[] = []
      if (next() < 0.6) parts.push(` date ${new Date(Date.UTC(2015, 0, 1) + Math.floor(next() * 3000) * 86400000).toISOString().slice(0, 10)}`)
      parts.push(sentence(7).slice(0, -1))
      if (next() < 0.4) parts.push(`By ${word()[0].toUpperCase()}${word().slice(1)} ${word()[0].toUpperCase()}${word().slice(1)}`)
      const paragraphs = 6 + Math.floor(next() * 7)
      for (let p = 0; p < paragraphs; p++) parts.push(Array.from({length: 3}, () => sentence(12 + Math.floor(next() * 12))).join(' '))
      if (next() < 0.5) for (const line of boilerplate) if (next() < 0.5) parts.push(line(outlet))
      text = parts.join('\n\n') + '\n'
    }
    if (next() < 0.15) text = text.replace(/\r?\n/g, '\r\n')
    made.push(text)
    bytes += Buffer.byteLength(text)
    writeFileSync(path.join(folder, `f${String(index).padStart(6, '0')}.txt`), text)
  }
  return bytes
}

interface Phase {
  name: string
  seconds: number
  peakRssMb: number
  output: Record<string, unknown>
  /** Over several runs: the fastest and slowest. */
  low?: number
  high?: number
}

const phaseScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'phase.js')

function runPhase(name: string, args: string[]): Phase {
  // Each phase starts with nothing left to write back: the last phase's files
  // are flushed first (untimed), so that one phase's writes do not slow the next.
  spawnSync('sync')
  const result = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, phaseScript, ...args], {encoding: 'utf8', maxBuffer: 1 << 26})
  const timing = /TIME ([\d.]+) (\d+)\s*$/.exec(result.stderr)
  if (result.status !== 0 || !timing) throw new Error(`Phase ${name} failed (${result.status}):\n${result.stderr.slice(-2000)}`)
  return {name, seconds: Number(timing[1]), peakRssMb: Number(timing[2]) / 1024, output: JSON.parse(result.stdout.trim().split('\n').at(-1)!)}
}

/**
 * One phase over several runs: the median run's time and serial part (the
 * median by time), the fastest and slowest times, and the highest peak RSS.
 */
function medianOf(runs: Phase[]): Phase {
  const sorted = [...runs].sort((x, y) => x.seconds - y.seconds)
  const median = sorted[(sorted.length - 1) >> 1]
  return {...median, low: sorted[0].seconds, high: sorted.at(-1)!.seconds, peakRssMb: Math.max(...runs.map((run) => run.peakRssMb))}
}

/** The serial part of a build phase, in seconds (0 when it did not say). */
function serialOf(phase: Phase): number {
  return typeof phase.output.serialSeconds === 'number' ? phase.output.serialSeconds : 0
}

/** Run the phases on corpora of `sizes` files; one block of rows per size. */
export function benchThroughput(sizes = [1000, 10000], runs = 3) {
  const root = path.join(tmpdir(), 'docprov-bench-throughput')
  const cores = availableParallelism()
  return sizes.map((size) => {
    const base = path.join(root, String(size))
    const corpus = path.join(base, 'corpus')
    // Each run writes into folders of its own, and they are all deleted after the
    // last measurement (and those of an earlier bench up front): on this VM,
    // deleting thousands of files slows the next creations for a while, which
    // would land on whichever phase came next.
    const runsFolder = path.join(base, 'runs')
    rmSync(runsFolder, {recursive: true, force: true})
    for (const name of ['cache', 'out', 'floor', 'one', 'all']) rmSync(path.join(base, name), {recursive: true, force: true})
    const bytes = writeCorpus(corpus, size)
    // The whole sequence runs `runs` times, each from a cold cache and empty folders.
    const sequences: Phase[][] = []
    for (let run = 0; run < runs; run++) {
      const folder = (name: string) => path.join(runsFolder, String(run), name)
      const [cache, out] = [folder('cache'), folder('out')]
      sequences.push([
        runPhase('a  read + sha256', ['hash', corpus]),
        runPhase('b  floor: parse, stringify, write', ['floor', corpus, folder('floor')]),
        runPhase('c  docprov build', ['build', corpus, out, cache, 'default']),
        runPhase('d  no-op rebuild', ['build', corpus, out, cache, 'default']),
        runPhase('e1 build, 1 thread, no cache', ['build', corpus, folder('one'), 'none', '1']),
        runPhase(`e${cores} build, ${cores} threads, no cache`, ['build', corpus, folder('all'), 'none', String(cores)])
      ])
      if (sequences[run][3].output.upToDate !== true) throw new Error('The rebuild was not a no-op')
    }
    rmSync(runsFolder, {recursive: true, force: true})
    const phases = sequences[0].map((first, index) => medianOf(sequences.map((sequence) => sequence[index])))
    const [a, b, c, d, e1, eN] = phases
    return {
      files: size,
      megabytes: bytes / 1e6,
      phases: phases.map((phase) => ({...phase, filesPerSecond: size / phase.seconds, mbPerSecond: bytes / 1e6 / phase.seconds})),
      ratios: {
        cOverB: c.seconds / b.seconds,
        dOverA: d.seconds / a.seconds,
        speedup: e1.seconds / eN.seconds,
        // The same, for the per-file part only (what the pool runs): the build's time less its serial part.
        perFileSpeedup: (e1.seconds - serialOf(e1)) / (eN.seconds - serialOf(eN))
      },
      summary: c.output
    }
  })
}

export function reportThroughput(sizes?: number[], runs = 3) {
  const rows = benchThroughput(sizes, runs)
  console.log(`Throughput (each phase a process under /usr/bin/time, the whole sequence ${runs} times: the median`)
  console.log('run of each phase, its fastest and slowest, and the highest peak RSS; seconds include Node start-up;')
  console.log('serial s: of the median build, the part after the last file came back: lineage, names, writing):')
  for (const row of rows) {
    console.log(`\n${row.files} files, ${row.megabytes.toFixed(1)} MB`)
    console.log('phase                                seconds  (fastest–slowest)   files/s     MB/s  peak RSS MB  serial s')
    for (const phase of row.phases) {
      const serial = typeof phase.output.serialSeconds === 'number' ? serialOf(phase).toFixed(2).padStart(10) : ''
      const spread = `(${phase.low!.toFixed(2)}–${phase.high!.toFixed(2)})`
      console.log(
        `${phase.name.padEnd(36)} ${phase.seconds.toFixed(2).padStart(7)} ${spread.padStart(18)} ${phase.filesPerSecond.toFixed(0).padStart(9)} ${phase.mbPerSecond.toFixed(1).padStart(8)} ${phase.peakRssMb.toFixed(0).padStart(12)}${serial}`
      )
    }
    const {cOverB, dOverA, speedup, perFileSpeedup} = row.ratios
    console.log(`c/b ${cOverB.toFixed(2)} (target ≤ 2)   d/a ${dOverA.toFixed(2)} (target ≤ 5)   all cores vs 1 thread ${speedup.toFixed(2)}× (target ≥ 1.4)`)
    console.log(`per-file part only (less the serial part), all cores vs 1 thread: ${perFileSpeedup.toFixed(2)}×`)
  }
  if (rows.length > 1) {
    const rss = (row: (typeof rows)[number]) => row.phases[2].peakRssMb
    console.log(`\npeak RSS of the build, ${rows.at(-1)!.files} vs ${rows[0].files} files: ${(rss(rows.at(-1)!) / rss(rows[0])).toFixed(2)}× (target ≤ 1.5; and under 300 MB)`)
  }
  return rows
}
