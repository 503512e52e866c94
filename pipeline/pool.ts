/**
 * A pool of worker threads that run the per-file task (`task.ts`): each worker
 * reads its inputs, holds its own processors and cache, and writes its results
 * to its own spool. Inputs go to the least busy worker, and slots come back by
 * index, so the order of the build never depends on scheduling.
 */
import {availableParallelism} from 'node:os'
import {PerformanceObserver} from 'node:perf_hooks'
import v8 from 'node:v8'
import {Worker} from 'node:worker_threads'
import type {Input} from './discover.js'
import {DocprovError, type DocprovErrorCode} from './errors.js'
import type {TaskOptions, TaskResult} from './task.js'
import {threadModule} from './version.js'

/** Fewer inputs than this are processed on the main thread: starting workers costs more than it saves. */
export const poolThreshold = 128

/** The default number of workers: one per core. */
export function defaultJobs(): number {
  return availableParallelism()
}

/**
 * Young-generation size of each worker, in MB. Each file's garbage is short-lived
 * and small; V8's default lets each worker grow by tens of MB more for no gain in
 * speed (measured: 8 MB is as fast and keeps peak RSS about 45 MB lower with 2 workers).
 */
const youngGeneration = 8

/**
 * Let each V8 heap grow to at most twice what survived its last full collection
 * (V8's own factor goes up to 4 on a machine with memory to spare). Most of what
 * a build allocates is garbage a file later, so the larger factor holds tens of
 * MB of it per thread: on 2 cores, a 10,000-file build peaked about 40 MB lower
 * at the same speed (a factor of 1.6 was 25% slower). And hold the main
 * thread's young generation at `youngGenerationCap` (see `holdYoungGeneration`),
 * and start each worker's at its full size (see `workerSemiSpace`).
 * The settings are process-wide, so the command line, which owns its process,
 * calls this before it starts; the library never does. A
 * `--heap-growing-percent` or semi-space flag given to Node wins.
 */
export function limitHeapGrowth(): void {
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ')
  if (!/heap[-_]growing[-_]percent/.test(given)) v8.setFlagsFromString('--heap-growing-percent=100')
  if (/semi[-_]space/.test(given)) return
  v8.setFlagsFromString(`--min-semi-space-size=${workerSemiSpace}`)
  youngCap = youngGenerationCap
  new PerformanceObserver(holdYoungGeneration).observe({entryTypes: ['gc']})
  holdYoungGeneration()
}

/**
 * The semi-space each worker starts with, in MB: its whole young generation
 * (two semi-spaces) at once. Left to V8, a worker starts at 1 MB and, with the
 * growth factor held at 1 for the main thread (see `holdYoungGeneration`), never
 * grows: on 2 cores a 10,000-file build's worker ran about 2,800 scavenges
 * (1.4 s) against about 700 (0.7 s) with this, at the same peak RSS. Read when
 * a heap is set up, so it applies to the workers started after it is set.
 */
const workerSemiSpace = youngGeneration / 2

/** The main thread's young generation, in bytes, past which it stops growing (8 MB, as a worker's). */
export const youngGenerationCap = youngGeneration * 1024 * 1024
/** The cap `limitHeapGrowth` set (0: none). */
let youngCap = 0

/**
 * V8 doubles the young generation (from 2 MB) each time enough survives its
 * collections, up to 32 MB on the main thread, and its size cannot be set once
 * the process runs (`--max-semi-space-size` is read at start-up only). Its
 * growth factor is read at each growth, though: once the young generation
 * holds the cap, the factor is set to 1 and it grows no further. This is done
 * after each collection (V8 tells of them a little later) and when each worker
 * has started, since V8 puts a factor under 2 back to 2 whenever it sets up a
 * heap. On 2 cores, 10,000 files peaked 20–40 MB lower (three runs each) at the
 * same speed; left at 2 MB, one thread was 5% slower.
 */
export function holdYoungGeneration(): void {
  if (youngCap === 0) return
  const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')
  if (young && young.space_size >= youngCap) v8.setFlagsFromString('--semi-space-growth-factor=1')
}

interface Thread {
  worker: Worker
  busy: number
}

/** What each worker is given: the task's options, and the spool it writes. */
export interface WorkerSetup {
  task: TaskOptions
  spool: {spool: number; fd: number}
}

/** A failure in a worker, as it crosses the thread. */
interface WorkerFailure {
  stack: string
  message: string
  code?: DocprovErrorCode
  path?: string
}

/** Workers that each run the per-file task on the inputs sent to them. */
export class Pool {
  private readonly threads: Thread[]
  private readonly waiting = new Map<number, {resolve: (value: TaskResult) => void; reject: (error: Error) => void; thread: Thread}>()
  private next = 0

  /** `size` workers; worker `n` (from 0) gets `setup(n)`. */
  constructor(size: number, setup: (worker: number) => WorkerSetup) {
    const url = threadModule('worker.js')
    this.threads = Array.from({length: size}, (_, number) => {
      const thread: Thread = {worker: new Worker(url, {workerData: setup(number), resourceLimits: {maxYoungGenerationSizeMb: youngGeneration}}), busy: 0}
      // (a worker's start puts V8's growth factor back: see `holdYoungGeneration`)
      thread.worker.once('online', holdYoungGeneration)
      thread.worker.on('message', (message: {index: number; result?: TaskResult; error?: WorkerFailure}) => {
        const job = this.waiting.get(message.index)!
        this.waiting.delete(message.index)
        job.thread.busy--
        if (message.error !== undefined) job.reject(failure(message.error))
        else job.resolve(message.result!)
      })
      thread.worker.on('error', (error) => {
        for (const [index, job] of this.waiting) {
          if (job.thread === thread) {
            this.waiting.delete(index)
            job.reject(error)
          }
        }
      })
      return thread
    })
  }

  /** Run the task on one input on the least busy worker. */
  run(input: Input): Promise<TaskResult> {
    const thread = this.threads.reduce((best, candidate) => (candidate.busy < best.busy ? candidate : best))
    thread.busy++
    const index = this.next++
    return new Promise<TaskResult>((resolve, reject) => {
      this.waiting.set(index, {resolve, reject, thread})
      thread.worker.postMessage({index, input})
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.worker.terminate()))
  }
}

/** The error a worker reported, as an error of this thread. */
function failure(error: WorkerFailure): Error {
  if (error.code) return new DocprovError(error.message, {code: error.code, path: error.path})
  return new Error(error.stack)
}
