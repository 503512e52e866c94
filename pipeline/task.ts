/**
 * One input from its path to a spooled result: read it (within the size limit),
 * hash it, look it up in the cache, run the per-file pipeline on a miss and
 * store the result, then spool it. It runs on the main thread, and for large
 * batches in each worker of the pool too; either way the thread that made a
 * result writes it (encoded once as JSON, the same bytes for the
 * cache entry and the spool), and only a slot (ids, fingerprint, where the result
 * is spooled) or a rejection goes back to the main thread.
 */
import {sha256} from '../plugins/support/metadata.js'
import {slotOf, type Slot, type SpoolWriter} from './assemble.js'
import {createRunner, type RawInput, type RunnerOptions} from './build.js'
import {Cache, encodedResult} from './cache.js'
import type {Input} from './discover.js'
import type {Rejection} from './manifest.js'
import {readInput} from './read.js'

/** What a task depends on besides the input (all of it can be sent to a worker). */
export interface TaskOptions {
  runner: RunnerOptions
  maxBytes: number
  /** The cache's folder and configuration key; none: no cache. */
  cache?: {dir: string; config: string}
}

/** What a task gives back: the slot or rejection, and whether the cache had it (unset when it was not looked up). */
export interface TaskResult {
  result: Slot | Rejection
  hit?: boolean
}

/** A function that runs the task on one input, spooling with `writer`; `cache` (default: one made from the options) counts its own lookups. */
export function createTask(options: TaskOptions, writer: SpoolWriter, cache?: Cache): (input: Input) => Promise<TaskResult> {
  const run = createRunner(options.runner)
  const store = cache ?? (options.cache ? new Cache(options.cache.dir, options.cache.config) : undefined)
  return async function task(input) {
    const read = await readInput(input, options.maxBytes)
    if ('reason' in read) return {result: read}
    const digest = sha256(read.bytes)
    const raw: RawInput = {path: input.path, bytes: read.bytes, format: input.format!, sha256: digest}
    const key = store?.key(raw, digest)
    const found = key ? store!.lookup(key) : undefined
    if (found) return {result: 'reason' in found.result ? found.result : slotOf(found.result, writer.append(found.bytes)), hit: true}
    const result = await run(raw)
    // Encoded once, for the cache entry and the spool.
    const bytes = encodedResult(result)
    if (key) store!.store(key, bytes)
    return {result: 'reason' in result ? result : slotOf(result, writer.append(bytes)), hit: key ? false : undefined}
  }
}
