/** Build: raw files in, Markdown documents and a manifest out (in memory). */
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {evidenceOf, metadataOf, sha256} from '../plugins/support/metadata.js'
import {metadataFields, type Evidence, type FieldName, type Fingerprint, type Profile} from '../plugins/types.js'
import {compare, discover, type Input} from './discover.js'
import {DocprovError} from './errors.js'
import {checkMaxBytes, checkMaxLines} from './read.js'
import {mergeCluster, type Lineage, type LineageCluster, type MergeInput, type Relation} from './lineage.js'
import {
  type Manifest,
  type ManifestCluster,
  type ManifestDocument,
  type Rejection,
  type Warning
} from './manifest.js'
import {assemble, Collector, type Assembled, type Sink} from './assemble.js'
import type {Cache} from './cache.js'
import {defaultJobs, Pool, poolThreshold} from './pool.js'
import type {createProcessor, Format} from './processor.js'
import {loadProfiles} from './profiles.js'
import {createTask, type TaskOptions} from './task.js'

export {checkMaxBytes, checkMaxLines, defaultMaxBytes, defaultMaxLines, readInput, tooLarge} from './read.js'

/** Options of `build`. */
export interface BuildOptions {
  /** Files and folders to read. */
  paths: string[]
  /** Folders never read as input (the output folder). */
  exclude?: string[]
  /** Largest input file in bytes (default: 50 MiB). */
  maxBytes?: number
  /** Most lines with text per input (default: 50,000); longer files are rejected (`too-many-lines`). */
  maxLines?: number
  /** Dates after this day are rejected (default: `SOURCE_DATE_EPOCH`, else now). */
  referenceDate?: Date
  /** Folders of extra source profiles (YAML), after the built-in ones. */
  profiles?: string[]
  /** Called after each input. */
  onProgress?: (done: number, total: number) => void
  /**
   * Threads for the per-file pipeline, the main one included: `jobs - 1`
   * workers (default: one per core when there are at least `poolThreshold`
   * inputs, else 1: the main thread alone).
   */
  jobs?: number
  /** Reuse and store per-file results (see `cache.ts`); default: none. */
  cache?: Cache
  /** Stop the build (rejecting with the signal's reason) when it aborts; with `buildTo`, OUT is then left as it was. */
  signal?: AbortSignal
}

/** A message about one input, for reports. */
export interface FileReport {
  path: string
  /** Whether the input was rejected. */
  rejected: boolean
  messages: Array<{line: number | null; column: number | null; ruleId: string; message: string; fatal: boolean}>
}

/** What a build makes: the manifest, the output files by relative path, and reports. */
export interface BuildResult {
  manifest: Manifest
  /** Output files (relative to OUT) and their contents; `manifest.json` included. */
  files: Map<string, string>
  reports: FileReport[]
}


/** One processed raw file: its document (own values only), fingerprint and Markdown. */
export interface Processed {
  document: ManifestDocument
  fingerprint: Fingerprint
  /** The Markdown as the processor made it (its frontmatter is replaced after lineage). */
  markdown: string
}

/** A raw file to process: its bytes, the path its evidence will cite, and its format. */
export interface RawInput {
  path: string
  bytes: Uint8Array
  format: Format
  /** Document id (default: the first 16 hex digits of the bytes’ SHA-256). */
  id?: string
  /** The bytes’ SHA-256 in hex, when known (else computed). */
  sha256?: string
}

/** What the per-file pipeline depends on besides the file. */
export interface RunnerOptions {
  referenceDate?: Date
  profiles: Profile[]
  maxLines?: number
}

/**
 * A function that processes raw files one by one, as `build` does, into a
 * document or a rejection (`empty`, `binary`). Processors are made once per format.
 */
export function createRunner(options: RunnerOptions) {
  const processors = new Map<Format, ReturnType<typeof createProcessor>>()
  return async function run(input: RawInput): Promise<Processed | Rejection> {
    const digest = input.sha256 ?? sha256(input.bytes)
    const file = new VFile({path: input.path, value: input.bytes})
    file.data.id = input.id ?? digest.slice(0, 16)
    file.data.sha256 = digest
    let processor = processors.get(input.format)
    if (!processor) {
      // Loaded on first use: a main thread that hands every file to workers never loads the pipeline (about 30 MB).
      const {createProcessor} = await import('./processor.js')
      processor = createProcessor({format: input.format, referenceDate: options.referenceDate, profiles: options.profiles, maxLines: options.maxLines})
      processors.set(input.format, processor)
    }
    let markdown: string
    try {
      markdown = String((await processor.process(file)).value)
    } catch (error) {
      if (error instanceof VFileMessage && error.fatal) {
        return {path: input.path, sha256: digest, reason: error.ruleId as Rejection['reason'], message: error.reason}
      }
      throw error
    }
    const raw = file.data.decoded!.raw
    const fingerprint = file.data.fingerprint!
    const document: ManifestDocument = {
      id: file.data.id,
      source: {path: input.path, sha256: digest, bytes: raw.byteLength, encoding: file.data.decoded!.encoding},
      output: {path: '', sha256: ''},
      metadata: metadataOf(file),
      evidence: evidenceOf(file),
      removed: [...(file.data.removed ?? [])].sort((a, b) => a.start - b.start || a.end - b.end),
      repairs: file.data.repairs ?? [],
      warnings: warningsOf(file),
      fingerprint: {words: fingerprint.words, shingles: fingerprint.shingles.length, digest: fingerprint.digest},
      cluster: null,
      relations: []
    }
    return {document, fingerprint, markdown}
  }
}

/**
 * Build documents from raw files: each input becomes a document (Markdown with
 * provenance frontmatter, and an entry in the manifest) or a rejection with its
 * reason. One bad file never stops the batch. Nothing is written here: the
 * result holds every file (see `buildInto` to stream them instead).
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const files = new Map<string, string>()
  const manifest: string[] = []
  const {reports} = await buildInto(options, {
    async put(name, content) {
      files.set(name, content)
    },
    async manifest(chunk) {
      manifest.push(chunk)
    }
  })
  files.set('manifest.json', manifest.join(''))
  return {manifest: JSON.parse(files.get('manifest.json')!) as Manifest, files, reports}
}

/**
 * Build as `build` does, but hand each output to `sink` as it is made, in
 * bounded memory (see `assemble.ts`).
 */
export async function buildInto(options: BuildOptions, sink: Sink): Promise<Assembled> {
  const {inputs, collector} = await collect(options)
  try {
    return await assemble(collector, inputs.length, sink)
  } finally {
    await collector.close()
  }
}

/**
 * Discover the inputs and run the per-file task (`task.ts`: read, cache,
 * pipeline, spool) on each (or on those `select` takes, by index), on the
 * worker pool when the batch is large enough; results go to a new `Collector`
 * by index, so the order never depends on scheduling.
 */
export async function collect(options: BuildOptions, select: (index: number, total: number) => boolean = () => true): Promise<{inputs: Input[]; collector: Collector}> {
  const maxBytes = checkMaxBytes(options.maxBytes)
  const profiles = await loadProfiles(options.profiles)
  const inputs = await discover(options.paths, {exclude: options.exclude})
  const chosen = inputs.flatMap((input, index) => (select(index, inputs.length) ? [index] : []))
  const cache = options.cache
  const setup: TaskOptions = {
    runner: {referenceDate: options.referenceDate, profiles, maxLines: checkMaxLines(options.maxLines)},
    maxBytes,
    cache: cache && {dir: cache.dir, config: cache.config}
  }
  const jobs = options.jobs ?? (chosen.length >= poolThreshold ? defaultJobs() : 1)
  if (!Number.isSafeInteger(jobs) || jobs < 1) throw new DocprovError('Invalid `jobs`, expected a whole number of at least 1', {code: 'usage'})
  // The main thread is one of the `jobs` threads: it runs the task between
  // handing inputs to the `jobs - 1` workers, so a build has one V8 heap and one
  // JIT warm-up fewer than with a worker per job. One spool per thread.
  const workers = jobs - 1
  const collector = await Collector.create(workers)
  const pool = workers > 0 ? new Pool(workers, (worker) => ({task: setup, spool: collector.extraSpools[worker]})) : undefined
  const task = createTask(setup, collector.writer, cache)

  // Inputs are handed out a few at a time (several per worker).
  let started = 0
  let done = 0
  const signal = options.signal
  try {
    signal?.throwIfAborted()
    const lane = async (onMain: boolean) => {
      while (started < chosen.length) {
        signal?.throwIfAborted()
        const index = chosen[started++]
        const {result, hit} = onMain ? await task(inputs[index]) : await pool!.run(inputs[index])
        // A worker's cache counts for itself: its lookups are counted here.
        if (!onMain && hit !== undefined) cache?.count(hit)
        collector.set(index, result)
        options.onProgress?.(++done, chosen.length)
        // Between its own files, the main thread lets the workers' results in
        // and hands them more, and sees a signal (an abort) at once.
        if (onMain) await new Promise(setImmediate)
      }
    }
    const lanes = Promise.all([lane(true), ...Array.from({length: workers * 4}, () => lane(false))])
    // An abort does not wait for the files in the workers: they are terminated.
    await (signal ? Promise.race([lanes, aborted(signal)]) : lanes)
  } catch (error) {
    // The workers stop before their spools are closed: none writes to a descriptor that may be reused.
    await pool?.close()
    await collector.close()
    throw error
  }
  await pool?.close()
  return {inputs, collector}
}

/** A promise that rejects with the signal's reason when it aborts (and never resolves). */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) reject(signal.reason)
    else signal.addEventListener('abort', () => reject(signal.reason), {once: true})
  })
}

/** What lineage changes in one document: its cluster, the fields it inherits, and conflict warnings. */
export interface Patch {
  cluster: string
  inherited: Partial<Record<FieldName, {value: unknown; evidence: Evidence[]}>>
  warnings: Warning[]
}

/** A document's own values as `mergeCluster` takes them. */
export function mergeInputOf(document: ManifestDocument): MergeInput {
  return {id: document.id, path: document.source.path, metadata: {...document.metadata}, evidence: {...document.evidence}}
}

/**
 * Merge one cluster (`own` holds at least its members' own values): the
 * cluster as the manifest has it, and the patch of each member.
 */
export function mergeOne(cluster: LineageCluster, own: ReadonlyMap<string, MergeInput>): {cluster: ManifestCluster; patches: Map<string, Patch>} {
  const merged = mergeCluster(cluster, own)
  const patches = new Map<string, Patch>(
    cluster.members.map((id) => [id, {cluster: cluster.id, inherited: merged.inherited.get(id) ?? {}, warnings: []}])
  )
  for (const warning of merged.warnings) {
    patches.get(warning.id)!.warnings.push({ruleId: warning.ruleId, message: warning.message, line: warning.line, column: warning.column})
  }
  return {
    cluster: {
      id: cluster.id,
      canonical: cluster.canonical,
      members: cluster.members,
      metadata: merged.metadata,
      evidence: merged.evidence,
      conflicts: merged.conflicts
    },
    patches
  }
}

/** Apply lineage to one document: its relations, and its cluster's patch (inherited fields cite the donor with `via`). */
export function applyPatch(document: ManifestDocument, patch: Patch | undefined, relations: Relation[] | undefined): void {
  if (relations) document.relations = relations
  if (!patch) return
  document.cluster = patch.cluster
  for (const [name, field] of Object.entries(patch.inherited)) {
    ;(document.metadata as Record<FieldName, unknown>)[name as FieldName] = field.value
    document.evidence[name as FieldName] = field.evidence
  }
  // Keep evidence in field order, as extraction gives it.
  document.evidence = Object.fromEntries(
    metadataFields.filter((name) => document.evidence[name]).map((name) => [name, document.evidence[name]])
  ) as Partial<Record<FieldName, Evidence[]>>
  if (patch.warnings.length > 0) document.warnings = sortWarnings([...document.warnings, ...patch.warnings])
}

/**
 * Record each document's relations and cluster (from `lineage`), fill each
 * member's missing fields from its cluster (the evidence names the donor with
 * `via`), warn conflicts, and return the clusters. `documents` hold their own
 * values only (see `ownDocument`).
 */
export function applyLineage(documents: ManifestDocument[], lineage: Lineage): ManifestCluster[] {
  const byId = new Map(documents.map((document) => [document.id, document]))
  const own = new Map<string, MergeInput>(documents.map((document) => [document.id, mergeInputOf(document)]))
  for (const [id, relations] of lineage.relations) applyPatch(byId.get(id)!, undefined, relations)
  return lineage.clusters.map((cluster) => {
    const merged = mergeOne(cluster, own)
    for (const [id, patch] of merged.patches) applyPatch(byId.get(id)!, patch, undefined)
    return merged.cluster
  })
}

function filled(value: unknown): boolean {
  return value !== null && !(Array.isArray(value) && value.length === 0)
}

/** Whether a document takes part in lineage: listing pages do not (they quote many articles). */
export function linkable(document: ManifestDocument): boolean {
  return document.metadata.kind !== 'listing'
}

/** How many metadata fields a document has of its own (not inherited). */
export function ownFields(document: ManifestDocument): number {
  return metadataFields.filter((name) => filled(document.metadata[name]) && !document.evidence[name]?.some((item) => item.via)).length
}

/**
 * A document as extraction left it: inherited values, cluster, relations and
 * conflict warnings taken away (so lineage can be worked out again).
 */
export function ownDocument(document: ManifestDocument): ManifestDocument {
  const metadata = {...document.metadata} as Record<FieldName, unknown>
  const evidence: Partial<Record<FieldName, Evidence[]>> = {}
  for (const name of metadataFields) {
    const list = document.evidence[name]
    if (list?.some((item) => item.via)) metadata[name] = name === 'author' ? [] : null
    else if (list) evidence[name] = list
  }
  return {
    ...document,
    metadata: metadata as unknown as ManifestDocument['metadata'],
    evidence,
    warnings: document.warnings.filter((warning) => warning.ruleId !== 'cluster-conflict'),
    cluster: null,
    relations: []
  }
}

function warningsOf(file: VFile): Warning[] {
  return sortWarnings(
    file.messages
      .filter((message) => !message.fatal)
      .map((message) => ({
        ruleId: message.ruleId ?? 'docprov',
        message: message.reason,
        line: message.line ?? null,
        column: message.column ?? null
      }))
  )
}

export function sortWarnings(warnings: Warning[]): Warning[] {
  return warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || compare(a.ruleId, b.ruleId))
}
