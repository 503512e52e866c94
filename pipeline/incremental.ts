/**
 * Build into an output folder, incrementally: per-file results come from the
 * cache when the bytes, path and configuration are unchanged, outputs are
 * written only when their content changed, and a build whose inputs and
 * outputs are exactly as the last build left them does nothing at all.
 */
import {readFileSync, statSync} from 'node:fs'
import {sha256} from '../plugins/support/metadata.js'
import type {BuildOptions, FileReport} from './build.js'
import {buildKey, Cache, defaultCacheDir, effectiveConfig, untouched, type OutputRecord} from './cache.js'
import {discover, type Input} from './discover.js'
import {locationOf} from './read.js'
import {defaultJobs} from './pool.js'
import {OutputWriter, type WriteOptions, type WriteResult} from './write.js'
import type {Assembled, Sink} from './assemble.js'

/** Options of `buildTo`. */
export interface BuildToOptions extends Omit<BuildOptions, 'cache'> {
  /** Write nothing; only say what would change. */
  check?: boolean
  /** Cache folder, or `false` for none (default: `defaultCacheDir()`). */
  cache?: string | false
}

/** What `buildTo` did. */
export interface BuildToResult {
  /** Counts of the build (also when nothing was rebuilt). */
  summary: OutputRecord['summary']
  reports: FileReport[]
  written: WriteResult
  /** True when inputs and outputs were as the last build left them: nothing was parsed or written. */
  upToDate: boolean
  /** Files whose result came from the cache, and files processed. */
  cached: number
  processed: number
}

/** Build `options.paths` into `out` (see the module comment). */
export async function buildTo(out: string, options: BuildToOptions): Promise<BuildToResult> {
  const exclude = [...(options.exclude ?? []), out]
  if (options.cache === false) {
    const {written, assembled} = await streamTo(out, options, (sink, buildInto) => buildInto({...options, exclude, cache: undefined}, sink))
    return {summary: assembled.summary, reports: assembled.reports, written, upToDate: false, cached: 0, processed: assembled.keys.length}
  }
  const {maxBytes, config} = await effectiveConfig(options)
  const cache = new Cache(options.cache ?? defaultCacheDir(), config)

  // Read and hash every input (nothing is kept) to see whether anything changed.
  // Synchronous reads: for many small files they cost a fraction of promise-based ones.
  const inputs = await discover(options.paths, {exclude})
  const keys = inputs.map((input): [string, string] => [input.path, digestOf(input, maxBytes)])
  const record = await cache.record(out)
  if (record && record.key === buildKey(cache.config, keys) && untouched(out, record)) {
    return {summary: record.summary, reports: record.reports, written: {changed: [], removed: []}, upToDate: true, cached: inputs.length, processed: 0}
  }

  const {written, assembled} = await streamTo(out, options, (sink, buildInto) => buildInto({...options, exclude, maxBytes, cache}, sink))
  if (!options.check) await cache.remember(out, buildKey(cache.config, assembled.keys), assembled.files, assembled.summary, assembled.reports)
  return {summary: assembled.summary, reports: assembled.reports, written, upToDate: false, cached: cache.hits, processed: cache.misses}
}

/**
 * Run a build (`make`, given the sink and `buildInto`) that streams its outputs
 * into `out` through an `OutputWriter`. The pipeline is loaded only here: a
 * no-op rebuild does without it.
 */
export async function streamTo(
  out: string,
  options: WriteOptions & {jobs?: number},
  make: (sink: Sink, buildInto: typeof import('./build.js').buildInto) => Promise<Assembled>
): Promise<{written: WriteResult; assembled: Assembled}> {
  const {buildInto} = await import('./build.js')
  // One thread (`jobs: 1`) means no other: the staged files are then written on this one.
  const stageThread = (options.jobs ?? defaultJobs()) > 1
  const {written, value} = await OutputWriter.with(out, {check: options.check, signal: options.signal, stageThread}, (writer) => make(writer, buildInto))
  return {written, assembled: value}
}

/** What `buildTo` keys an input by: its SHA-256, or the reason `readInput` would give for not reading it. */
function digestOf(input: Input, maxBytes: number): string {
  if (input.rejection) return input.rejection.reason
  if (!input.format) return 'unsupported-type'
  try {
    const location = locationOf(input)
    if (statSync(location).size > maxBytes) return 'too-large'
    return sha256(readFileSync(location))
  } catch {
    return 'unreadable'
  }
}
