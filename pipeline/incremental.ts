/**
 * Build into an output folder, incrementally: per-file results come from the
 * cache when the bytes, path and configuration are unchanged, outputs are
 * written only when their content changed, and a build whose inputs and
 * outputs are exactly as the last build left them does nothing at all.
 */
import {readFileSync, statSync} from 'node:fs'
import {referenceDay} from '../plugins/support/epoch.js'
import {sha256} from '../plugins/support/metadata.js'
import type {BuildOptions, FileReport} from './build.js'
import {buildKey, Cache, configKey, defaultCacheDir, untouched, type OutputRecord} from './cache.js'
import {discover, type Input} from './discover.js'
import type {Manifest} from './manifest.js'
import {loadProfiles} from './profiles.js'
import {checkMaxBytes} from './read.js'
import {writeOutput, type WriteResult} from './write.js'

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
  /** The manifest, when a build ran (`undefined` when up to date). */
  manifest?: Manifest
}

/** Build `options.paths` into `out` (see the module comment). */
export async function buildTo(out: string, options: BuildToOptions): Promise<BuildToResult> {
  const exclude = [...(options.exclude ?? []), out]
  if (options.cache === false) {
    const {build} = await import('./build.js')
    const result = await build({...options, exclude, cache: undefined})
    const written = await writeOutput(out, result.files, {check: options.check})
    return {summary: summaryOf(result.manifest), reports: result.reports, written, upToDate: false, cached: 0, processed: result.manifest.documents.length + result.manifest.rejected.length, manifest: result.manifest}
  }
  const maxBytes = checkMaxBytes(options.maxBytes)
  const profiles = await loadProfiles(options.profiles)
  const cache = new Cache(options.cache ?? defaultCacheDir(), configKey({referenceDay: options.referenceDate ?? referenceDay(), profiles, maxBytes}))

  // Read and hash every input (nothing is kept) to see whether anything changed.
  // Synchronous reads: for many small files they cost a fraction of promise-based ones.
  const inputs = await discover(options.paths, {exclude})
  const keys = inputs.map((input): [string, string] => [input.path, digestOf(input, maxBytes)])
  const record = await cache.record(out)
  if (record && record.key === buildKey(cache.config, keys) && untouched(out, record)) {
    return {summary: record.summary, reports: record.reports, written: {changed: [], removed: []}, upToDate: true, cached: inputs.length, processed: 0}
  }

  // The pipeline is loaded only when something is to be built: a no-op rebuild does without it.
  const {build} = await import('./build.js')
  const result = await build({...options, exclude, maxBytes, cache})
  const written = await writeOutput(out, result.files, {check: options.check})
  const summary = summaryOf(result.manifest)
  if (!options.check) {
    const files = [...result.files].map(([name, content]) => ({name, sha256: sha256(content)}))
    await cache.remember(out, buildKey(cache.config, keysOf(result.manifest)), files, summary, result.reports)
  }
  return {summary, reports: result.reports, written, upToDate: false, cached: cache.hits, processed: cache.misses, manifest: result.manifest}
}

/** What `buildTo` keys an input by: its SHA-256, or the reason `readInput` would give for not reading it. */
function digestOf(input: Input, maxBytes: number): string {
  if (!input.format) return 'unsupported-type'
  try {
    if (statSync(input.path).size > maxBytes) return 'too-large'
    return sha256(readFileSync(input.path))
  } catch {
    return 'unreadable'
  }
}

/** The inputs of a built manifest as `buildTo` keys them: path and digest (or the reason it could not be read). */
function keysOf(manifest: Manifest): Array<[string, string]> {
  return [
    ...manifest.documents.map((document): [string, string] => [document.source.path, document.source.sha256]),
    ...manifest.rejected.map((rejection): [string, string] => [rejection.path, rejection.sha256 ?? rejection.reason])
  ]
}

function summaryOf(manifest: Manifest): OutputRecord['summary'] {
  return {
    documents: manifest.documents.length,
    clusters: manifest.clusters.length,
    rejected: manifest.rejected.length,
    warnings: manifest.documents.reduce((sum, document) => sum + document.warnings.length, 0)
  }
}
