/** Build: raw files in, Markdown documents and a manifest out (in memory). */
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {frontmatterData, replaceFrontmatter} from '../plugins/attach-frontmatter.js'
import {evidenceOf, metadataOf, sha256} from '../plugins/support/metadata.js'
import {metadataFields, type Evidence, type FieldName, type Fingerprint, type Profile} from '../plugins/types.js'
import {compare, discover, type Input} from './discover.js'
import {DocprovError} from './errors.js'
import {checkMaxBytes, readInput} from './read.js'
import {link, mergeCluster, type Lineage, type MergeInput} from './lineage.js'
import {
  createManifest,
  serializeManifest,
  validateManifest,
  type Manifest,
  type ManifestCluster,
  type ManifestDocument,
  type Rejection,
  type Warning
} from './manifest.js'
import type {Cache} from './cache.js'
import {assignNames} from './names.js'
import {defaultJobs, Pool, poolThreshold} from './pool.js'
import {createProcessor, type Format} from './processor.js'
import {loadProfiles} from './profiles.js'
import {generator} from './version.js'

export {checkMaxBytes, defaultMaxBytes, readInput, tooLarge} from './read.js'

/** Options of `build`. */
export interface BuildOptions {
  /** Files and folders to read. */
  paths: string[]
  /** Folders never read as input (the output folder). */
  exclude?: string[]
  /** Largest input file in bytes (default: 50 MiB). */
  maxBytes?: number
  /** Dates after this day are rejected (default: `SOURCE_DATE_EPOCH`, else now). */
  referenceDate?: Date
  /** Folders of extra source profiles (YAML), after the built-in ones. */
  profiles?: string[]
  /** Called after each input. */
  onProgress?: (done: number, total: number) => void
  /**
   * Worker threads for the per-file pipeline (default: one per core when there
   * are at least `poolThreshold` inputs, else 1: the main thread).
   */
  jobs?: number
  /** Reuse and store per-file results (see `cache.ts`); default: none. */
  cache?: Cache
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
}

/**
 * A function that processes raw files one by one, as `build` does, into a
 * document or a rejection (`empty`, `binary`). Processors are made once per format.
 */
export function createRunner(options: {referenceDate?: Date; profiles: Profile[]}) {
  const processors = new Map<Format, ReturnType<typeof createProcessor>>()
  return async function run(input: RawInput): Promise<Processed | Rejection> {
    const digest = sha256(input.bytes)
    const file = new VFile({path: input.path, value: input.bytes})
    file.data.id = input.id ?? digest.slice(0, 16)
    let processor = processors.get(input.format)
    if (!processor) {
      processor = createProcessor({format: input.format, referenceDate: options.referenceDate, profiles: options.profiles})
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
 * reason. One bad file never stops the batch. Nothing is written here.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const maxBytes = checkMaxBytes(options.maxBytes)
  const profiles = await loadProfiles(options.profiles)
  const inputs = await discover(options.paths, {exclude: options.exclude})
  const run = createRunner({referenceDate: options.referenceDate, profiles})
  const jobs = options.jobs ?? (inputs.length >= poolThreshold ? defaultJobs() : 1)
  if (!Number.isSafeInteger(jobs) || jobs < 1) throw new DocprovError('Invalid `jobs`, expected a whole number of at least 1', {code: 'usage'})
  const pool = jobs > 1 ? new Pool(jobs, {referenceDate: options.referenceDate, profiles}) : undefined
  const cache = options.cache

  // Files are read and processed a few at a time (several per worker), and
  // their results kept by index: the order never depends on scheduling.
  const results: Array<Processed | Rejection> = new Array(inputs.length)
  let started = 0
  let done = 0
  try {
    const lane = async () => {
      while (started < inputs.length) {
        const index = started++
        results[index] = await processInput(inputs[index])
        options.onProgress?.(++done, inputs.length)
      }
    }
    await Promise.all(Array.from({length: pool ? jobs * 4 : 1}, lane))
  } finally {
    await pool?.close()
  }

  // Identical files get the same content id; later ones (by path) get a suffix.
  const processed: Processed[] = []
  const rejected: Rejection[] = []
  const ids = new Map<string, number>()
  for (const result of results) {
    if ('reason' in result) {
      rejected.push(result)
      continue
    }
    const count = (ids.get(result.document.id) ?? 0) + 1
    ids.set(result.document.id, count)
    if (count > 1) result.document = {...result.document, id: `${result.document.id}-${count}`}
    processed.push(result)
  }

  const documents = processed.map(({document}) => document)
  const lineage = link(
    documents.map((document, index) => ({
      id: document.id,
      path: document.source.path,
      fingerprint: processed[index].fingerprint,
      fields: ownFields(document),
      eligible: document.metadata.kind !== 'listing'
    }))
  )
  const clusters = applyLineage(documents, lineage)

  const names = assignNames(
    documents.map((document) => ({title: document.metadata.title, date: document.metadata.date, sourcePath: document.source.path}))
  )
  const files = new Map<string, string>()
  documents.forEach((document, index) => {
    const markdown = replaceFrontmatter(processed[index].markdown, frontmatterData(document, generator))
    document.output = {path: names[index], sha256: sha256(markdown)}
    files.set(names[index], markdown)
  })

  const manifest = createManifest(documents, rejected, clusters)
  const problems = validateManifest(manifest)
  if (problems.length > 0) {
    throw new Error(`docprov made a manifest that does not match its schema (a bug, please report it):\n${problems.join('\n')}`)
  }
  files.set('manifest.json', serializeManifest(manifest))

  const reports: FileReport[] = [
    ...manifest.documents.map((document) => ({
      path: document.source.path,
      rejected: false,
      messages: document.warnings.map((warning) => ({...warning, fatal: false}))
    })),
    ...rejected.map((rejection) => ({
      path: rejection.path,
      rejected: true,
      messages: [{line: null, column: null, ruleId: rejection.reason, message: rejection.message, fatal: true}]
    }))
  ].sort((a, b) => compare(a.path, b.path))

  return {manifest, files, reports}

  async function processInput(input: Input): Promise<Processed | Rejection> {
    const read = await readInput(input, maxBytes)
    if ('reason' in read) return read
    const raw: RawInput = {path: input.path, bytes: read.bytes, format: input.format!}
    const digest = sha256(read.bytes)
    const key = cache?.key(raw, digest)
    if (cache && key) {
      const hit = await cache.get(key)
      if (hit) return hit
    }
    const result = pool ? await pool.run(raw) : await run(raw)
    if (cache && key) await cache.set(key, result)
    return result
  }
}

/**
 * Record each document's relations and cluster (from `lineage`), fill each
 * member's missing fields from its cluster (the evidence names the donor with
 * `via`), warn conflicts, and return the clusters. `documents` hold their own
 * values only (see `ownDocument`).
 */
export function applyLineage(documents: ManifestDocument[], lineage: Lineage): ManifestCluster[] {
  const byId = new Map(documents.map((document) => [document.id, document]))
  const own = new Map<string, MergeInput>(
    documents.map((document) => [
      document.id,
      {id: document.id, path: document.source.path, metadata: {...document.metadata}, evidence: {...document.evidence}}
    ])
  )
  for (const [id, relations] of lineage.relations) byId.get(id)!.relations = relations

  return lineage.clusters.map((cluster) => {
    const merged = mergeCluster(cluster, own)
    for (const id of cluster.members) {
      const document = byId.get(id)!
      document.cluster = cluster.id
      for (const [name, field] of Object.entries(merged.inherited.get(id) ?? {})) {
        ;(document.metadata as Record<FieldName, unknown>)[name as FieldName] = field.value
        document.evidence[name as FieldName] = field.evidence
      }
      // Keep evidence in field order, as extraction gives it.
      document.evidence = Object.fromEntries(
        metadataFields.filter((name) => document.evidence[name]).map((name) => [name, document.evidence[name]])
      ) as Partial<Record<FieldName, Evidence[]>>
    }
    for (const warning of merged.warnings) {
      const document = byId.get(warning.id)!
      document.warnings = sortWarnings([...document.warnings, {ruleId: warning.ruleId, message: warning.message, line: warning.line, column: warning.column}])
    }
    return {
      id: cluster.id,
      canonical: cluster.canonical,
      members: cluster.members,
      metadata: merged.metadata,
      evidence: merged.evidence,
      conflicts: merged.conflicts
    }
  })
}

function filled(value: unknown): boolean {
  return value !== null && !(Array.isArray(value) && value.length === 0)
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

function sortWarnings(warnings: Warning[]): Warning[] {
  return warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || compare(a.ruleId, b.ruleId))
}
