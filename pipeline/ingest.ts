/**
 * `ingest`: add raw files to a long-lived archive: a content-addressed raw
 * store, documents built exactly as `build` builds them, lineage across the
 * whole archive, and numbered versions, written so that a crash at any moment
 * leaves the previous version intact.
 *
 * Layout of an archive DIR:
 *
 * - `raw/sha256/ab/cdef…`: each raw file, byte for byte, under its SHA-256;
 * - `docs/vN/<name>.md`: the documents added or changed in version N;
 * - `index/vN.{keys,shingles,json}`: lineage fingerprints of version N’s documents;
 * - `versions/vN.json`: the record of version N;
 * - `manifest.json`: the current state (written last: it is the commit);
 * - `.pending.json` while an ingest runs (what it may create), `.lock`.
 */
import {mkdir, readFile, readdir, rm, stat} from 'node:fs/promises'
import path from 'node:path'
import {frontmatterData, replaceFrontmatter} from '../plugins/attach-frontmatter.js'
import {referenceDay} from '../plugins/support/epoch.js'
import {sha256} from '../plugins/support/metadata.js'
import {applyLineage, checkMaxBytes, checkMaxLines, createRunner, linkable, ownDocument, ownFields, readInput, type Processed} from './build.js'
import {compare, discover} from './discover.js'
import {DocprovError} from './errors.js'
import {assemble, edgesOf, findEdges, type LineageNode} from './lineage.js'
import {loadManifest, serializeManifest, validateManifest, type Manifest, type ManifestDocument, type Rejection} from './manifest.js'
import {assignNames} from './names.js'
import type {Format} from './processor.js'
import {loadProfiles} from './profiles.js'
import {edgesAgainst, makeSegment, segmentFiles} from './segment.js'
import {isPackage, unpack} from './unpack.js'
import {generator, version} from './version.js'
import {writeAtomic} from './write.js'
import {crashPoint, lockFolder} from './lock.js'

/** A name a raw file was ingested under. */
export interface IngestedName {
  path: string
  version: number
  time: string
}

/** A document of an archive: a build document plus the names its bytes came under. */
export interface ArchiveDocument extends ManifestDocument {
  names: IngestedName[]
}

/** A rejected input of an archive, with the version that saw it. */
export type ArchiveRejection = Rejection & {version: number; time: string}

/** The record of one ingest run. */
export interface VersionRecord {
  version: number
  time: string
  message: string | null
  /** Paths given to the run. */
  inputs: string[]
  counts: {files: number; added: number; duplicate: number; rejected: number; changed: number}
  /** Ids of the documents added. */
  added: string[]
  /** Outputs written in this version (new documents and changed ones). */
  outputs: Array<{path: string; sha256: string}>
  /** Raw objects written in this version. */
  raw: string[]
  /** Index files of this version. */
  index: string[]
}

/** `DIR/manifest.json` of an archive: a build manifest plus the version history. */
export interface ArchiveManifest extends Omit<Manifest, 'documents' | 'rejected'> {
  archive: {head: number}
  documents: ArchiveDocument[]
  rejected: ArchiveRejection[]
  versions: VersionRecord[]
}

/** Options of `ingest`. */
export interface IngestOptions {
  /** Files, folders, and `.tar`, `.tar.gz`, `.tgz` or `.zip` packages. */
  paths: string[]
  /** The archive folder (made when missing). */
  archive: string
  /** Message of the version. */
  message?: string
  maxBytes?: number
  /** Most lines with text per input (default: 50,000). */
  maxLines?: number
  referenceDate?: Date
  profiles?: string[]
  /** Seconds to wait for another ingest to release the archive (default 0: fail at once). */
  wait?: number
  /** Time of the version (default: `SOURCE_DATE_EPOCH`, else now). */
  time?: Date
  /**
   * Stop the ingest (rejecting with the signal's reason) when it aborts, between
   * files, with nothing written; once the journal is written, the version is
   * written to its end.
   */
  signal?: AbortSignal
}

/** What an ingest did. */
export interface IngestResult {
  /** The new version, or `null` when nothing was new. */
  version: number | null
  /** The archive’s current version. */
  head: number
  added: Array<{id: string; path: string}>
  duplicates: Array<{id: string; path: string}>
  rejected: Rejection[]
  /** Ids of older documents whose output changed (they joined a cluster). */
  changed: string[]
  manifest: ArchiveManifest
}

const threshold = 0.7
const window = 32

/** Path of a raw object inside the archive. */
export function rawPath(digest: string): string {
  return `raw/sha256/${digest.slice(0, 2)}/${digest.slice(2)}`
}

/** Ingest files into an archive; see the module comment for the layout and guarantees. */
export async function ingest(options: IngestOptions): Promise<IngestResult> {
  const archive = options.archive
  const maxBytes = checkMaxBytes(options.maxBytes)
  const profiles = await loadProfiles(options.profiles)
  await mkdir(archive, {recursive: true}).catch((error: NodeJS.ErrnoException) => {
    throw new DocprovError(`Cannot create archive folder \`${archive}\` (${error.code ?? error.message}): choose another --archive`, {
      code: 'io',
      path: archive,
      cause: error
    })
  })
  const release = await lockFolder(archive, {
    name: '.lock',
    wait: options.wait ?? 0,
    busy: (holder) => `Archive \`${archive}\` is locked by another ingest (pid ${holder?.pid ?? '?'} on ${holder?.host ?? '?'}): wait for it to finish, or pass --wait SECONDS`
  })
  try {
    return await ingestLocked(options, archive, maxBytes, profiles)
  } finally {
    await release()
  }
}

async function ingestLocked(
  options: IngestOptions,
  archive: string,
  maxBytes: number,
  profiles: Awaited<ReturnType<typeof loadProfiles>>
): Promise<IngestResult> {
  const previous = await readArchiveManifest(archive)
  await clearPending(archive, previous)
  const time = (options.time ?? referenceDay()).toISOString()
  const next = previous.archive.head + 1

  // Read every input (packages entry by entry) in path order.
  const inputs = await gather(options.paths, archive, maxBytes)
  const byDigest = new Map(previous.documents.map((document) => [document.source.sha256, document]))
  const run = createRunner({referenceDate: options.referenceDate, profiles, maxLines: checkMaxLines(options.maxLines)})
  const added: Processed[] = []
  const addedByDigest = new Map<string, ManifestDocument>()
  const addedNames = new Map<string, string>()
  const duplicates: Array<{id: string; path: string}> = []
  const rejected: Rejection[] = [...inputs.rejected]
  const rawObjects = new Map<string, Uint8Array>()
  const newNames = new Map<string, IngestedName[]>()
  const signal = options.signal
  signal?.throwIfAborted()
  for (const input of inputs.files) {
    // Between files, a signal (an abort) is seen at once.
    await new Promise(setImmediate)
    signal?.throwIfAborted()
    const digest = sha256(input.bytes)
    const held = byDigest.get(digest) ?? addedByDigest.get(digest)
    if (held) {
      duplicates.push({id: held.id, path: input.path})
      const names = (held as ArchiveDocument).names ?? []
      if (!names.some((name) => name.path === input.path) && !newNames.get(held.id)?.some((name) => name.path === input.path)) {
        newNames.set(held.id, [...(newNames.get(held.id) ?? []), {path: input.path, version: next, time}])
      }
      continue
    }
    const result = await run({path: rawPath(digest), bytes: input.bytes, format: input.format, id: digest.slice(0, 16)})
    rawObjects.set(digest, input.bytes)
    if ('reason' in result) rejected.push({...result, path: input.path})
    else {
      added.push(result)
      addedByDigest.set(digest, result.document)
      addedNames.set(result.document.id, input.path)
    }
  }
  const knownRejections = new Set(previous.rejected.map((item) => `${item.path}\n${item.sha256}\n${item.reason}`))
  const newRejections = rejected.filter((item) => !knownRejections.has(`${item.path}\n${item.sha256}\n${item.reason}`))
  // Bytes of rejected files are kept too (nothing is lost), unless they were never read.
  for (const item of newRejections) {
    if (item.sha256 && !rawObjects.has(item.sha256) && !byDigest.has(item.sha256)) {
      const input = inputs.files.find((file) => file.path === item.path)
      if (input) rawObjects.set(item.sha256, input.bytes)
    }
  }

  if (added.length === 0 && newRejections.length === 0 && newNames.size === 0) {
    return {version: null, head: previous.archive.head, added: [], duplicates, rejected, changed: [], manifest: previous}
  }

  // Lineage over the whole archive: old edges from the manifest, new ones from the segments and the batch.
  const heldVersions = previous.versions.filter((record) => record.index.length > 0).map((record) => record.version)
  const batch = added.map(({document, fingerprint}) => ({
    id: document.id,
    path: document.source.path,
    fingerprint,
    fields: ownFields(document),
    eligible: linkable(document)
  }))
  const eligibleBatch = batch.filter((item) => item.eligible)
  const inside = findEdges(batch, {threshold, window})
  const against = await edgesAgainst(archive, heldVersions, eligibleBatch, {threshold, window})
  const oldDocuments = previous.documents.map((document) => ({...ownDocument(document), names: document.names}))
  const newDocuments: ArchiveDocument[] = added.map(({document}) => ({
    ...document,
    names: [{path: addedNames.get(document.id)!, version: next, time}]
  }))
  const documents = [...oldDocuments, ...newDocuments]
  for (const document of documents) {
    const extra = newNames.get(document.id)
    if (extra) document.names = [...document.names, ...extra]
  }
  const nodes: LineageNode[] = documents.map((document) => ({
    id: document.id,
    path: document.source.path,
    words: document.fingerprint.words,
    digest: document.fingerprint.digest,
    shingles: document.fingerprint.shingles,
    fields: ownFields(document),
    eligible: linkable(document)
  }))
  const lineage = assemble(nodes, [...edgesOf(previous.documents), ...inside.edges, ...against.edges], {threshold, window})
  const clusters = applyLineage(documents, lineage)

  // Outputs: new documents get names not yet taken; older ones keep theirs and are rewritten only when they changed.
  const before = new Map(previous.documents.map((document) => [document.id, document]))
  const taken = previous.documents.map((document) => path.posix.basename(document.output.path))
  const names = assignNames(
    newDocuments.map((document) => ({title: document.metadata.title, date: document.metadata.date, sourcePath: addedNames.get(document.id)!})),
    taken
  )
  const outputs = new Map<string, string>()
  newDocuments.forEach((document, index) => {
    const markdown = replaceFrontmatter(added[index].markdown, frontmatterData(document, generator))
    document.output = {path: `docs/v${next}/${names[index]}`, sha256: sha256(markdown)}
    outputs.set(document.output.path, markdown)
  })
  const changed: string[] = []
  for (const document of oldDocuments) {
    const old = before.get(document.id)!
    if (!changedDocument(old, document)) {
      document.output = old.output
      continue
    }
    const current = await readFile(path.join(archive, old.output.path), 'utf8')
    const markdown = replaceFrontmatter(current, frontmatterData(document, generator))
    if (sha256(markdown) === old.output.sha256) {
      document.output = old.output
      continue
    }
    document.output = {path: `docs/v${next}/${path.posix.basename(old.output.path)}`, sha256: sha256(markdown)}
    outputs.set(document.output.path, markdown)
    changed.push(document.id)
  }

  const segment = added.length > 0 ? makeSegment(added.map(({document, fingerprint}) => ({id: document.id, fingerprint}))) : undefined
  const files = segmentFiles(next)
  const record: VersionRecord = {
    version: next,
    time,
    message: options.message ?? null,
    inputs: [...options.paths],
    counts: {
      files: inputs.files.length + inputs.rejected.length,
      added: added.length,
      duplicate: duplicates.length,
      rejected: newRejections.length,
      changed: changed.length
    },
    added: added.map(({document}) => document.id).sort(compare),
    outputs: [...outputs].map(([file, content]) => ({path: file, sha256: sha256(content)})).sort((a, b) => compare(a.path, b.path)),
    raw: [...rawObjects.keys()].map(rawPath).sort(compare),
    index: segment ? [files.keys, files.shingles, files.documents] : []
  }
  const manifest: ArchiveManifest = {
    manifestVersion: 1,
    generator: {name: 'docprov', version},
    archive: {head: next},
    documents: documents.sort((a, b) => compare(a.id, b.id)),
    clusters,
    rejected: [...previous.rejected, ...newRejections.map((item) => ({...item, version: next, time}))].sort(
      (a, b) => compare(a.path, b.path) || a.version - b.version
    ),
    versions: [...previous.versions, record]
  }
  const problems = validateManifest(manifest)
  if (problems.length > 0) {
    throw new Error(`docprov made an archive manifest that does not match its schema (a bug, please report it):\n${problems.join('\n')}`)
  }

  // Write: the journal first, then only new files, the manifest last (the commit).
  signal?.throwIfAborted()
  const created = [...record.raw, ...record.outputs.map((item) => item.path), ...record.index, `versions/v${next}.json`]
  await writeAtomic(path.join(archive, '.pending.json'), JSON.stringify({version: next, created}, null, 2) + '\n')
  crashPoint('pending')
  for (const [digest, bytes] of rawObjects) {
    const target = path.join(archive, rawPath(digest))
    if (await exists(target)) continue
    await mkdir(path.dirname(target), {recursive: true})
    await writeAtomic(target, bytes)
    crashPoint('raw')
  }
  for (const [file, content] of outputs) {
    await mkdir(path.dirname(path.join(archive, file)), {recursive: true})
    await writeAtomic(path.join(archive, file), content)
    crashPoint('docs')
  }
  if (segment) {
    await mkdir(path.join(archive, 'index'), {recursive: true})
    await writeAtomic(path.join(archive, files.keys), segment.keys)
    await writeAtomic(path.join(archive, files.shingles), segment.shingles)
    await writeAtomic(path.join(archive, files.documents), segment.documents)
    crashPoint('index')
  }
  await mkdir(path.join(archive, 'versions'), {recursive: true})
  await writeAtomic(path.join(archive, `versions/v${next}.json`), JSON.stringify(record, null, 2) + '\n')
  crashPoint('version')
  await writeAtomic(path.join(archive, 'manifest.json'), serializeManifest(manifest as unknown as Manifest))
  crashPoint('manifest')
  await rm(path.join(archive, '.pending.json'), {force: true})

  return {
    version: next,
    head: next,
    added: newDocuments.map((document) => ({id: document.id, path: document.names[0].path})),
    duplicates,
    rejected,
    changed,
    manifest
  }
}

/** An empty archive manifest (version 0). */
function emptyManifest(): ArchiveManifest {
  return {
    manifestVersion: 1,
    generator: {name: 'docprov', version},
    archive: {head: 0},
    documents: [],
    clusters: [],
    rejected: [],
    versions: []
  }
}

/** Read `DIR/manifest.json` (an empty archive when there is none). */
export async function readArchiveManifest(archive: string): Promise<ArchiveManifest> {
  const file = path.join(archive, 'manifest.json')
  const state = await loadManifest(archive)
  if ('problem' in state) {
    const {code, errno, message} = state.problem
    if (errno === 'ENOENT') {
      const entries = await readdir(archive).catch(() => [] as string[])
      if (entries.some((name) => !name.startsWith('.') && name !== 'raw' && name !== 'docs' && name !== 'index' && name !== 'versions')) {
        throw new DocprovError(`Unexpected files in \`${archive}\`, which has no manifest.json: choose an empty folder or an existing archive`, {
          code: 'usage',
          path: archive
        })
      }
      return emptyManifest()
    }
    const hint = code === 'manifest-missing' ? 'check its permissions' : `the archive is damaged; run \`docprov verify --archive ${archive}\``
    throw new DocprovError(`${message}: ${hint}`, {code: 'io', path: file})
  }
  if (!isArchiveManifest(state.manifest)) {
    throw new DocprovError(`\`${file}\` is a build's manifest, not an archive's: choose an empty folder or an existing archive`, {code: 'usage', path: file})
  }
  return state.manifest
}

/** Whether a manifest is an archive's (it has a head version and a history). */
export function isArchiveManifest(manifest: Manifest | ArchiveManifest): manifest is ArchiveManifest {
  return 'archive' in manifest && Array.isArray((manifest as ArchiveManifest).versions)
}

/** Remove what an interrupted ingest left (files it created that no version references). */
async function clearPending(archive: string, manifest: ArchiveManifest): Promise<void> {
  const file = path.join(archive, '.pending.json')
  const pending = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as {version: number; created: string[]},
    () => undefined
  )
  if (pending && pending.version > manifest.archive.head) {
    const referenced = referencedFiles(manifest)
    for (const item of pending.created) {
      if (!referenced.has(item) && safeRelative(item)) await rm(path.join(archive, item), {force: true})
    }
  }
  await rm(file, {force: true})
  await removeTemporary(archive)
}

/** Every file an archive manifest references, relative to the archive. */
export function referencedFiles(manifest: ArchiveManifest): Set<string> {
  const files = new Set<string>(['manifest.json'])
  for (const document of manifest.documents) {
    files.add(document.source.path)
    files.add(document.output.path)
  }
  for (const rejection of manifest.rejected) if (rejection.sha256) files.add(rawPath(rejection.sha256))
  for (const record of manifest.versions) {
    files.add(`versions/v${record.version}.json`)
    for (const item of record.raw) files.add(item)
    for (const item of record.outputs) files.add(item.path)
    for (const item of record.index) files.add(item)
  }
  return files
}

function safeRelative(file: string): boolean {
  return !path.isAbsolute(file) && !file.split(/[\\/]/).includes('..')
}

async function removeTemporary(folder: string): Promise<void> {
  for (const entry of await readdir(folder, {withFileTypes: true}).catch(() => [])) {
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) await removeTemporary(full)
    else if (entry.name.startsWith('.') && entry.name.endsWith('.tmp')) await rm(full, {force: true})
  }
}

function changedDocument(old: ManifestDocument, now: ManifestDocument): boolean {
  return JSON.stringify([old.metadata, old.evidence, old.cluster]) !== JSON.stringify([now.metadata, now.evidence, now.cluster])
}

interface Gathered {
  files: Array<{path: string; bytes: Uint8Array; format: Format}>
  rejected: Rejection[]
}

/** Read the inputs: packages entry by entry, other paths as `build` reads them. */
async function gather(paths: string[], archive: string, maxBytes: number): Promise<Gathered> {
  const result: Gathered = {files: [], rejected: []}
  const plain: string[] = []
  for (const given of paths) {
    const info = await stat(given).catch(() => undefined)
    if (info?.isFile() && isPackage(given)) {
      try {
        const unpacked = await unpack(given, maxBytes)
        result.files.push(...unpacked.entries)
        result.rejected.push(...unpacked.rejected)
      } catch (error) {
        result.rejected.push({
          path: given,
          sha256: null,
          reason: 'unreadable',
          message: `Cannot read package (${(error as Error).message}): check that it is a whole .tar, .tar.gz or .zip file`
        })
      }
    } else plain.push(given)
  }
  if (plain.length > 0) {
    for (const input of await discover(plain, {exclude: [archive]})) {
      const read = await readInput(input, maxBytes)
      if ('reason' in read) result.rejected.push(read)
      else result.files.push({path: input.path, bytes: read.bytes, format: input.format!})
    }
  }
  result.files.sort((a, b) => compare(a.path, b.path))
  return result
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false
  )
}
