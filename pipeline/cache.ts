/**
 * The build cache: what the per-file pipeline made of each raw file, keyed by
 * everything the result depends on — the bytes (their SHA-256), the path the
 * evidence cites, the format, the document id, docprov's version and code, and
 * the effective configuration (reference day, source profiles, size limit).
 * Change any of them and the key changes, so an entry is never stale; entries
 * that no key reaches any more are just unused (delete the folder at will).
 *
 * Besides entries, the cache keeps one record per output folder: the key of
 * the last build written there and the size and mtime of each file it wrote.
 * When the inputs hash to the same key and no output was touched, a build is a
 * no-op that parses and writes nothing.
 */
import {createHash, randomBytes} from 'node:crypto'
import {mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {homedir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Fingerprint, Profile} from '../plugins/types.js'
import type {FileReport, Processed, RawInput} from './build.js'
import type {Rejection} from './manifest.js'
import {version} from './version.js'
import {referenceDay} from '../plugins/support/epoch.js'
import {loadProfiles} from './profiles.js'
import {checkMaxBytes, checkMaxLines} from './read.js'

/** Where the cache lives unless `--cache-dir` says otherwise: `$XDG_CACHE_HOME/docprov`, else `~/.cache/docprov`. */
export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache')
  return path.join(base, 'docprov')
}

/** SHA-256 of docprov's own compiled code, so that a changed build of the same version misses. */
export const codeDigest: string = (() => {
  const hash = createHash('sha256').update(version)
  const here = path.dirname(fileURLToPath(import.meta.url))
  for (const folder of [here, path.join(here, '..', 'plugins'), path.join(here, '..', 'plugins', 'support')]) {
    let names: string[] = []
    try {
      names = readdirSync(folder).filter((name) => name.endsWith('.js')).sort()
    } catch {
      continue
    }
    for (const name of names) hash.update(name).update(readFileSync(path.join(folder, name)))
  }
  return hash.digest('hex')
})()

/**
 * The effective configuration of a build: the size limit and profiles it
 * runs with, and their key (with the reference day, `SOURCE_DATE_EPOCH` or today).
 */
export async function effectiveConfig(options: {
  maxBytes?: number
  maxLines?: number
  profiles?: string[]
  referenceDate?: Date
}): Promise<{maxBytes: number; profiles: Profile[]; config: string}> {
  const maxBytes = checkMaxBytes(options.maxBytes)
  const maxLines = checkMaxLines(options.maxLines)
  const profiles = await loadProfiles(options.profiles)
  return {maxBytes, profiles, config: configKey({referenceDay: options.referenceDate ?? referenceDay(), profiles, maxBytes, maxLines})}
}

/** The key of a configuration: what, besides a file, its result depends on. */
export function configKey(options: {referenceDay: Date; profiles: Profile[]; maxBytes: number; maxLines: number}): string {
  return sha256Text(JSON.stringify([codeDigest, options.referenceDay.toISOString().slice(0, 10), options.profiles, options.maxBytes, options.maxLines]))
}

function sha256Text(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** A per-file result as JSON can hold it (fingerprint arrays as base64); cache entries and shard parts hold these. */
export type Stored = {processed: Omit<Processed, 'fingerprint'> & {fingerprint: Omit<Fingerprint, 'shingles' | 'bands'> & {shingles: string; bands: string}}} | {rejection: Rejection}

/** A per-file result as JSON can hold it. */
export function encodeResult(result: Processed | Rejection): Stored {
  return 'reason' in result
    ? {rejection: result}
    : {
        processed: {
          ...result,
          fingerprint: {...result.fingerprint, shingles: base64(result.fingerprint.shingles), bands: base64(result.fingerprint.bands)}
        }
      }
}

/** A result as the bytes of `encodeResult`'s JSON in UTF-8: what the cache entry and the spool hold, encoded once. */
export function encodedResult(result: Processed | Rejection): Buffer {
  return Buffer.from(JSON.stringify(encodeResult(result)))
}

/** A result from `encodeResult`'s JSON, or `undefined` when it is not one. */
export function decodeResult(stored: unknown): Processed | Rejection | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined
  if ('rejection' in stored) return (stored as {rejection: Rejection}).rejection
  if (!('processed' in stored)) return undefined
  const processed = (stored as Extract<Stored, {processed: unknown}>).processed
  const fingerprint = processed?.fingerprint
  if (typeof fingerprint?.shingles !== 'string' || typeof fingerprint.bands !== 'string' || typeof processed.markdown !== 'string') return undefined
  return {...processed, fingerprint: {...fingerprint, shingles: decodeWords(fingerprint.shingles), bands: decodeWords(fingerprint.bands)}}
}

/** The cached results of one configuration. */
export class Cache {
  /** How many lookups found a result, and how many missed (the file was then processed). */
  hits = 0
  misses = 0

  constructor(
    readonly dir: string,
    readonly config: string
  ) {}

  /** The key of one input. */
  key(input: RawInput, digest: string): string {
    return sha256Text(JSON.stringify([this.config, input.format, input.path, input.id ?? null, digest]))
  }

  private file(key: string): string {
    return path.join(this.dir, 'entries', key.slice(0, 2), key.slice(2) + '.json')
  }

  /**
   * The cached result and the bytes it was read from (`encodeResult`'s JSON
   * in UTF-8), or `undefined`: a missing or damaged entry is a miss. Counts
   * the lookup.
   */
  lookup(key: string): {result: Processed | Rejection; bytes: Uint8Array} | undefined {
    const found = this.read(key)
    this.count(found !== undefined)
    return found
  }

  /** Count a lookup (made here, or by a worker thread's own `Cache`). */
  count(hit: boolean): void {
    if (hit) this.hits++
    else this.misses++
  }

  private read(key: string): {result: Processed | Rejection; bytes: Uint8Array} | undefined {
    // Synchronous, as for inputs: small files, where thread-pool round trips cost more than the reads.
    try {
      const bytes = readFileSync(this.file(key))
      const result = decodeResult(JSON.parse(bytes.toString('utf8')))
      return result ? {result, bytes} : undefined
    } catch {
      return undefined
    }
  }

  /** Store a result as `encodeResult`'s JSON in UTF-8 (best effort: a cache that cannot be written only makes the next build slower). */
  store(key: string, bytes: Uint8Array): void {
    writeQuietly(this.file(key), bytes, true)
  }

  /** The record of the last build written to `out`. */
  async record(out: string): Promise<OutputRecord | undefined> {
    try {
      const record = JSON.parse(await readFile(this.recordFile(out), 'utf8')) as OutputRecord
      return Array.isArray(record.outputs) ? record : undefined
    } catch {
      return undefined
    }
  }

  /** Remember what a build wrote to `out` (the stats are read now, after writing). */
  async remember(out: string, key: string, files: Array<{name: string; sha256: string}>, summary: OutputRecord['summary'], reports: FileReport[]): Promise<void> {
    const outputs: OutputRecord['outputs'] = []
    for (const {name, sha256} of files) {
      // Synchronous: a round trip through the thread pool per output would cost more than the stat.
      const info = statSync(path.join(out, name), {throwIfNoEntry: false})
      if (!info) return
      outputs.push({name, sha256, size: info.size, mtimeMs: info.mtimeMs})
    }
    writeQuietly(this.recordFile(out), JSON.stringify({key, outputs, summary, reports} satisfies OutputRecord))
  }

  private recordFile(out: string): string {
    return path.join(this.dir, 'outputs', sha256Text(path.resolve(out)) + '.json')
  }
}

/** What the cache remembers of a build written to an output folder. */
export interface OutputRecord {
  /** Key of the build: configuration and every input's path, format and digest. */
  key: string
  outputs: Array<{name: string; sha256: string; size: number; mtimeMs: number}>
  /** What the build reported, to report it again when nothing changed. */
  summary: {documents: number; clusters: number; rejected: number; warnings: number}
  reports: FileReport[]
}

/** Whether every output a record lists is still as it was written. */
export function untouched(out: string, record: OutputRecord): boolean {
  return record.outputs.every((item) => {
    const info = statSync(path.join(out, item.name), {throwIfNoEntry: false})
    return info !== undefined && info.size === item.size && info.mtimeMs === item.mtimeMs
  })
}

/** The key of a whole build: the configuration and each input's path and digest (or why it could not be read). */
export function buildKey(config: string, inputs: Array<[string, string]>): string {
  const sorted = [...inputs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
  return sha256Text(JSON.stringify([config, sorted]))
}

function base64(values: Uint32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64')
}

/** 32-bit words from their base64 (as `encodeResult` writes fingerprints), in a buffer of their own. */
export function decodeWords(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64')
  const copy = new Uint8Array(bytes.byteLength)
  copy.set(bytes)
  return new Uint32Array(copy.buffer)
}

/** Folders of entries known to exist, so each is made once per run. */
const madeFolders = new Set<string>()

/**
 * Write a cache file, or nothing when it cannot be written. Entries are
 * written in place (`direct`): a renamed temporary file would double the file
 * system's work per entry, and an entry cut short (a crash, or two builds
 * writing it at once) is not valid JSON, so it reads as a miss. The output
 * record goes through a temporary file and a rename.
 */
function writeQuietly(file: string, content: string | Uint8Array, direct = false): void {
  // Synchronous: small files, where thread-pool round trips cost more than the writes.
  const temporary = direct ? file : `${file}.${randomBytes(6).toString('hex')}.tmp`
  try {
    const folder = path.dirname(file)
    if (!madeFolders.has(folder)) {
      mkdirSync(folder, {recursive: true})
      madeFolders.add(folder)
    }
    writeFileSync(temporary, content)
    if (!direct) renameSync(temporary, file)
  } catch {
    rmSync(temporary, {force: true})
    madeFolders.clear()
  }
}
