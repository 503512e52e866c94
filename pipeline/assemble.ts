/**
 * The cross-file half of a build, in bounded memory. Per-file results (from
 * the pipeline, the cache or shard parts) go to a `Collector`, which spools
 * each document and its Markdown to a temporary file and keeps only what
 * lineage and naming need (ids, paths, fingerprints, titles, dates). `assemble`
 * then links, merges clusters, names, and streams each document, read back one
 * at a time, to a `Sink`, followed by the manifest a document at a time. No
 * syntax tree, and no document, is held after it is written.
 */
import {createHash, randomBytes} from 'node:crypto'
import {closeSync, openSync, readSync, rmdirSync, unlinkSync, writeSync} from 'node:fs'
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {frontmatterData, replaceFrontmatter} from '../plugins/attach-frontmatter.js'
import {sha256} from '../plugins/support/metadata.js'
import type {Fingerprint} from '../plugins/types.js'
import {applyPatch, linkable, mergeInputOf, mergeOne, ownFields, type FileReport, type Patch, type Processed} from './build.js'
import {compare} from './discover.js'
import {DocprovError} from './errors.js'
import {link, type MergeInput} from './lineage.js'
import {ManifestWriter, type ManifestCluster, type ManifestDocument, type Rejection} from './manifest.js'
import {assignNames} from './names.js'
import {generator} from './version.js'

/** Where a spooled value lies in the spool file. */
interface Spooled {
  offset: number
  length: number
}

/**
 * An append-only temporary file of JSON values, read back by position. Where
 * the system allows it (not Windows) the file is unlinked as soon as it is
 * open: it has no name, so even a killed build leaves nothing behind.
 */
export class Spool {
  private size = 0

  private closed = false

  private constructor(
    /** The folder still to delete on close (when the file could not be unlinked). */
    private readonly folder: string | undefined,
    private readonly fd: number
  ) {}

  /** A new spool in the system's temporary folder. */
  static async create(): Promise<Spool> {
    let folder: string | undefined
    try {
      folder = await mkdtemp(path.join(tmpdir(), 'docprov-spool-'))
      const file = path.join(folder, randomBytes(4).toString('hex'))
      const fd = openSync(file, 'w+')
      try {
        unlinkSync(file)
        rmdirSync(folder)
        return new Spool(undefined, fd)
      } catch {
        return new Spool(folder, fd)
      }
    } catch (error) {
      if (folder) await rm(folder, {recursive: true, force: true})
      throw spoolError(error)
    }
  }

  // Reads and writes are synchronous: they hit the page cache, and a round trip
  // through libuv's thread pool would cost more than the copy.

  /** Append a value. */
  async append(value: unknown): Promise<Spooled> {
    // A lane still running after an abort must not write to a descriptor that may have been reused.
    if (this.closed) throw new Error('The build spool is closed (the build was stopped)')
    const bytes = Buffer.from(JSON.stringify(value))
    const at = {offset: this.size, length: bytes.byteLength}
    this.size += bytes.byteLength
    let written = 0
    try {
      while (written < bytes.byteLength) written += writeSync(this.fd, bytes, written, bytes.byteLength - written, at.offset + written)
    } catch (error) {
      throw spoolError(error)
    }
    return at
  }

  async read<T>(at: Spooled): Promise<T> {
    const bytes = Buffer.allocUnsafe(at.length)
    const bytesRead = readSync(this.fd, bytes, 0, at.length, at.offset)
    if (bytesRead !== at.length) throw new Error('The build spool was cut short (a bug, or the temporary folder was cleaned mid-build)')
    return JSON.parse(bytes.toString('utf8')) as T
  }

  /** Close and delete the spool. */
  async close(): Promise<void> {
    if (!this.closed) closeSync(this.fd)
    this.closed = true
    if (this.folder) await rm(this.folder, {recursive: true, force: true})
  }
}

function spoolError(error: unknown): DocprovError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error)
  const folder = tmpdir()
  return new DocprovError(
    `Cannot write the build's temporary spool in \`${folder}\` (${code}): free space in the temporary folder, or point TMPDIR at a folder with room`,
    {code: 'io', path: folder, cause: error}
  )
}

/** What is kept in memory of one processed input. */
export interface Slot {
  id: string
  path: string
  /** SHA-256 of the raw bytes. */
  sha256: string
  /** Title and date as extraction gave them (for names). */
  title: string | null
  date: string | null
  fingerprint: Fingerprint
  fields: number
  eligible: boolean
  at: Spooled
}

/** What the spool holds of one processed input. */
interface SpooledDocument {
  document: ManifestDocument
  markdown: string
}

/** Per-file results, by index in the build's input order (sorted by path). */
export class Collector {
  private readonly results: Array<Slot | Rejection | undefined> = []

  constructor(readonly spool: Spool) {}

  /** Take the result of input `index` (any order: its place is its index). */
  async add(index: number, result: Processed | Rejection): Promise<void> {
    if ('reason' in result) {
      this.results[index] = result
      return
    }
    const {document, fingerprint, markdown} = result
    const at = await this.spool.append({document, markdown} satisfies SpooledDocument)
    this.results[index] = {
      id: document.id,
      path: document.source.path,
      sha256: document.source.sha256,
      title: document.metadata.title,
      date: document.metadata.date,
      fingerprint,
      fields: ownFields(document),
      eligible: linkable(document),
      at
    }
  }

  /** The result of input `index`, read back whole (for shard parts). */
  async result(index: number): Promise<Processed | Rejection | undefined> {
    const slot = this.results[index]
    if (!slot || 'reason' in slot) return slot
    const {document, markdown} = await this.spool.read<SpooledDocument>(slot.at)
    return {document, fingerprint: slot.fingerprint, markdown}
  }

  /** Whether input `index` has its result. */
  has(index: number): boolean {
    return this.results[index] !== undefined
  }

  /** Results in input order; throws when one is missing. */
  ordered(total: number): Array<Slot | Rejection> {
    return Array.from({length: total}, (_, index) => {
      const result = this.results[index]
      if (!result) throw new Error(`Missing the result of input ${index} (a bug)`)
      return result
    })
  }
}

/** Where `assemble` puts documents and the manifest. */
export interface Sink {
  /** One document file, by name relative to OUT. */
  put(name: string, content: string): Promise<void>
  /** The next piece of `manifest.json`. */
  manifest(chunk: string): Promise<void>
}

/** What `assemble` gives back: counts, reports, and the files it made with their digests. */
export interface Assembled {
  summary: {documents: number; clusters: number; rejected: number; warnings: number}
  reports: FileReport[]
  /** Each document file and `manifest.json`, with its SHA-256. */
  files: Array<{name: string; sha256: string}>
  /** Each input's path and digest (or the reason it was not read), as `buildTo` keys a build. */
  keys: Array<[string, string]>
}

/**
 * The cross-file steps of a build over collected results (`total` inputs, in
 * path order): identical files get the same content id and later ones a
 * suffix; lineage links copies and merges clusters; names are given; then each
 * document is read back, gets its final frontmatter and goes to `sink`, and the
 * manifest follows in pieces.
 */
export async function assemble(collector: Collector, total: number, sink: Sink): Promise<Assembled> {
  const results = collector.ordered(total)
  const slots: Slot[] = []
  const rejected: Rejection[] = []
  const ids = new Map<string, number>()
  for (const result of results) {
    if ('reason' in result) {
      rejected.push(result)
      continue
    }
    const count = (ids.get(result.id) ?? 0) + 1
    ids.set(result.id, count)
    if (count > 1) result.id = `${result.id}-${count}`
    slots.push(result)
  }

  const lineage = link(slots)
  // Clusters are merged one at a time, from their members read back; members keep only their patch.
  const patches = new Map<string, Patch>()
  const clusters: ManifestCluster[] = []
  const slotOf = new Map(slots.map((slot) => [slot.id, slot]))
  for (const cluster of lineage.clusters) {
    const own = new Map<string, MergeInput>()
    for (const id of cluster.members) own.set(id, mergeInputOf(await readDocument(slotOf.get(id)!)))
    const merged = mergeOne(cluster, own)
    clusters.push(merged.cluster)
    for (const [id, patch] of merged.patches) patches.set(id, patch)
  }

  // Names come from the titles and dates as lineage leaves them (a copy may inherit its title).
  const names = assignNames(
    slots.map((slot) => {
      const inherited = patches.get(slot.id)?.inherited
      return {
        title: inherited?.title ? (inherited.title.value as string) : slot.title,
        date: inherited?.date ? (inherited.date.value as string) : slot.date,
        sourcePath: slot.path
      }
    })
  )

  const files: Assembled['files'] = []
  const reports: FileReport[] = []
  const manifestHash = createHash('sha256')
  const manifest = new ManifestWriter(async (chunk) => {
    manifestHash.update(chunk)
    await sink.manifest(chunk)
  })
  await manifest.start()
  let warnings = 0
  for (const [index, slot] of slots.entries()) {
    const {document, markdown} = await collector.spool.read<SpooledDocument>(slot.at)
    const patch = patches.get(slot.id)
    // The frontmatter the pipeline wrote is made from the same values by the same
    // function: it is redone only when lineage changed the id, cluster or fields.
    const same = !patch && document.id === slot.id
    document.id = slot.id
    applyPatch(document, patch, lineage.relations.get(slot.id))
    const content = same ? markdown : replaceFrontmatter(markdown, frontmatterData(document, generator))
    const digest = sha256(content)
    await sink.put(names[index], content)
    files.push({name: names[index], sha256: digest})
    document.output = {path: names[index], sha256: digest}
    await manifest.document(document)
    warnings += document.warnings.length
    reports.push({path: document.source.path, rejected: false, messages: document.warnings.map((warning) => ({...warning, fatal: false}))})
  }
  await manifest.end(clusters, rejected)
  files.push({name: 'manifest.json', sha256: manifestHash.digest('hex')})

  for (const rejection of rejected) {
    reports.push({
      path: rejection.path,
      rejected: true,
      messages: [{line: null, column: null, ruleId: rejection.reason, message: rejection.message, fatal: true}]
    })
  }
  reports.sort((a, b) => compare(a.path, b.path))
  const keys = results.map((result): [string, string] =>
    'reason' in result ? [result.path, result.sha256 ?? result.reason] : [result.path, result.sha256]
  )
  return {
    summary: {documents: slots.length, clusters: clusters.length, rejected: rejected.length, warnings},
    reports,
    files,
    keys
  }

  async function readDocument(slot: Slot): Promise<ManifestDocument> {
    const {document} = await collector.spool.read<SpooledDocument>(slot.at)
    document.id = slot.id
    return document
  }
}
