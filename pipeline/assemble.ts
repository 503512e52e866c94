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
import {applyPatch, linkable, mergeInputOf, mergeOne, ownFields, type FileReport, type Patch, type Processed} from './build.js'
import {compare} from './discover.js'
import {DocprovError} from './errors.js'
import {decodeResult, decodeWords, encodedResult, type Stored} from './cache.js'
import {link, type LineageFingerprint, type MergeInput, type Relation} from './lineage.js'
import {ManifestWriter, type ManifestCluster, type ManifestDocument, type Rejection} from './manifest.js'
import {assignNames} from './names.js'
import {generator} from './version.js'

/** Where a spooled result lies: which spool, and where in it. */
export interface Spooled {
  spool: number
  offset: number
  length: number
}

/**
 * An append-only temporary file of per-file results (each as `encodeResult`'s
 * JSON, the text a cache entry holds), read back by position. Where the system
 * allows it (not Windows) the file is unlinked as soon as it is open: it has no
 * name, so even a killed build leaves nothing behind.
 *
 * A build has one spool per writer: the main thread's, and one per worker
 * thread, which writes to it through the same descriptor (`SpoolWriter`); the
 * main thread reads them all back and closes them after the workers stopped.
 */
export class Spool {
  private closed = false

  private constructor(
    /** The folder still to delete on close (when the file could not be unlinked). */
    private readonly folder: string | undefined,
    readonly fd: number
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

  /** Read back the text at `at`. */
  read(at: Spooled): string {
    if (this.closed) throw new Error('The build spool is closed (the build was stopped)')
    return readSpooled(this.fd, at)
  }

  /** Close and delete the spool. */
  async close(): Promise<void> {
    if (!this.closed) closeSync(this.fd)
    this.closed = true
    if (this.folder) await rm(this.folder, {recursive: true, force: true})
  }
}

/** One buffer for reading spooled results back, reused (one result is read at a time); a larger result gets its own. */
const readBuffer = Buffer.allocUnsafeSlow(1 << 16)

/** The text spooled at `at` in the spool open as `fd`. */
function readSpooled(fd: number, at: Spooled): string {
  const buffer = at.length <= readBuffer.byteLength ? readBuffer : Buffer.allocUnsafeSlow(at.length)
  let done = 0
  while (done < at.length) {
    const bytesRead = readSync(fd, buffer, done, at.length - done, at.offset + done)
    if (bytesRead === 0) throw new Error('The build spool was cut short (a bug, or the temporary folder was cleaned mid-build)')
    done += bytesRead
  }
  return buffer.toString('utf8', 0, at.length)
}

/** A spooled result as `encodeResult` wrote it (its fingerprint still in base64). */
function spooledResult(text: string): Extract<Stored, {processed: unknown}>['processed'] {
  const stored = JSON.parse(text) as Stored
  if (!('processed' in stored) || typeof stored.processed?.markdown !== 'string' || typeof stored.processed.fingerprint?.shingles !== 'string') {
    throw new Error('The build spool holds something else than a result (a bug)')
  }
  return stored.processed
}

/** The one writer of a spool, by its descriptor: in the thread that made the results. */
export class SpoolWriter {
  private size = 0

  private closed = false

  constructor(
    /** The spool's number in its `Collector`. */
    readonly spool: number,
    private readonly fd: number
  ) {}

  /** Append a result's bytes (`encodeResult`'s JSON in UTF-8). */
  append(bytes: Uint8Array): Spooled {
    // A lane still running after an abort must not write to a descriptor that may have been reused.
    if (this.closed) throw new Error('The build spool is closed (the build was stopped)')
    const at = {spool: this.spool, offset: this.size, length: bytes.byteLength}
    this.size += bytes.byteLength
    try {
      for (let done = 0; done < bytes.byteLength; ) done += writeSync(this.fd, bytes, done, bytes.byteLength - done, at.offset + done)
    } catch (error) {
      throw spoolError(error)
    }
    return at
  }

  /** Refuse further writes (the spool is about to be closed). */
  close(): void {
    this.closed = true
  }
}

/** The error of a spool that cannot be made or written. */
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
  /** The fingerprint with only the number of its shingles: lineage reads the shingles it checks back from the spool. */
  fingerprint: LineageFingerprint & {shingles: number}
  fields: number
  eligible: boolean
  at: Spooled
}

/** The slot of a processed input whose result was spooled at `at`. */
export function slotOf(result: Processed, at: Spooled): Slot {
  const {document, fingerprint} = result
  return {
    id: document.id,
    path: document.source.path,
    sha256: document.source.sha256,
    title: document.metadata.title,
    date: document.metadata.date,
    fingerprint: {words: fingerprint.words, digest: fingerprint.digest, bands: fingerprint.bands, shingles: fingerprint.shingles.length},
    fields: ownFields(document),
    eligible: linkable(document),
    at
  }
}

/**
 * Per-file results, by index in the build's input order (sorted by path): the
 * slots of processed inputs (their documents are in the spools) and rejections.
 */
export class Collector {
  private readonly results: Array<Slot | Rejection | undefined> = []

  /** The main thread's writer, to its own spool (number 0). */
  readonly writer: SpoolWriter

  private constructor(private readonly spools: Spool[]) {
    this.writer = new SpoolWriter(0, spools[0].fd)
  }

  /** A collector with its own spool and `extra` more, for other threads to write (numbered 1…). */
  static async create(extra = 0): Promise<Collector> {
    const spools: Spool[] = []
    try {
      for (let index = 0; index <= extra; index++) spools.push(await Spool.create())
    } catch (error) {
      for (const spool of spools) await spool.close()
      throw error
    }
    return new Collector(spools)
  }

  /** The descriptors of the extra spools, for their writers. */
  get extraSpools(): Array<{spool: number; fd: number}> {
    return this.spools.slice(1).map((spool, index) => ({spool: index + 1, fd: spool.fd}))
  }

  /** Take the result of input `index` (any order: its place is its index), spooling it. */
  async add(index: number, result: Processed | Rejection): Promise<void> {
    this.set(index, 'reason' in result ? result : slotOf(result, this.writer.append(encodedResult(result))))
  }

  /** Take the result of input `index`, already spooled (or a rejection). */
  set(index: number, result: Slot | Rejection): void {
    this.results[index] = result
  }

  /** The spooled result of a slot. */
  read(at: Spooled): Processed {
    const result = decodeResult(JSON.parse(this.text(at)))
    if (!result || 'reason' in result) throw new Error('The build spool holds something else than a result (a bug)')
    return result
  }

  /** The shingles of a spooled result (which its slot leaves out). */
  shingles(at: Spooled): Uint32Array {
    return decodeWords(spooledResult(this.text(at)).fingerprint.shingles)
  }

  /** The document and Markdown of a slot (its fingerprint, which the slot holds, is not decoded again). */
  document(at: Spooled): Omit<Processed, 'fingerprint'> {
    const {document, markdown} = spooledResult(this.text(at))
    return {document, markdown}
  }

  private text(at: Spooled): string {
    const spool = this.spools[at.spool]
    if (!spool) throw new Error(`No spool ${at.spool} (a bug)`)
    return spool.read(at)
  }

  /** The result of input `index`, read back whole (for shard parts). */
  async result(index: number): Promise<Processed | Rejection | undefined> {
    const slot = this.results[index]
    if (!slot || 'reason' in slot) return slot
    return this.read(slot.at)
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

  /** Close and delete the spools (only once no thread writes to them any more). */
  async close(): Promise<void> {
    this.writer.close()
    for (const spool of this.spools) await spool.close()
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

/** What lineage and naming decided for one document: its final id and name, its cluster's patch and its relations. */
interface Decided {
  id: string
  name: string
  patch?: Patch
  relations?: Relation[]
}

/**
 * Finish one document as it was spooled: its final id, lineage patch and
 * relations, frontmatter (redone only when lineage changed something), output
 * name and digest. Gives the file's content and digest and the document.
 */
function finishDocument({document, markdown}: Omit<Processed, 'fingerprint'>, decided: Decided): {content: string; sha256: string; document: ManifestDocument} {
  // The frontmatter the pipeline wrote is made from the same values by the same
  // function: it is redone only when lineage changed the id, cluster or fields.
  const same = !decided.patch && document.id === decided.id
  document.id = decided.id
  applyPatch(document, decided.patch, decided.relations)
  const content = same ? markdown : replaceFrontmatter(markdown, frontmatterData(document, generator))
  const digest = sha256(content)
  document.output = {path: decided.name, sha256: digest}
  return {content, sha256: digest, document}
}

/**
 * The cross-file steps of a build over collected results (`total` inputs, in
 * path order): identical files get the same content id and later ones a
 * suffix; lineage links copies and merges clusters; names are given; then each
 * document is read back, finished (`finishDocument`) and goes to `sink`, and
 * the manifest follows in pieces.
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

  const lineage = link(slots, {shingles: (slot) => collector.shingles(slot.at)})
  // Clusters are merged one at a time, from their members read back; members keep only their patch.
  const patches = new Map<string, Patch>()
  const clusters: ManifestCluster[] = []
  const slotById = new Map(slots.map((slot) => [slot.id, slot]))
  for (const cluster of lineage.clusters) {
    const own = new Map<string, MergeInput>()
    for (const id of cluster.members) own.set(id, mergeInputOf(readDocument(slotById.get(id)!)))
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
    const name = names[index]
    const {content, sha256: digest, document} = finishDocument(collector.document(slot.at), {
      id: slot.id,
      name,
      patch: patches.get(slot.id),
      relations: lineage.relations.get(slot.id)
    })
    await sink.put(name, content)
    files.push({name, sha256: digest})
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

  function readDocument(slot: Slot): ManifestDocument {
    const {document} = collector.document(slot.at)
    document.id = slot.id
    return document
  }
}
