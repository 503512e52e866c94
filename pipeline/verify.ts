/**
 * `verify`: prove that an archive (or a build's OUT) is what its manifest says:
 * every raw object and output re-hashed, manifest and files compared both ways,
 * every evidence span re-checked against its raw bytes.
 */
import {readFile, readdir} from 'node:fs/promises'
import {pathBytes} from './discover.js'
import path from 'node:path'
import {decodeAs, type Encoding} from '../plugins/support/decode.js'
import {sha256} from '../plugins/support/metadata.js'
import type {Evidence} from '../plugins/types.js'
import {compare} from './discover.js'
import {isArchiveManifest, rawPath, referencedFiles} from './ingest.js'
import {loadManifest, type Manifest} from './manifest.js'

/** What is wrong, where. */
export interface Problem {
  /** `manifest-missing`, `manifest-invalid`, `missing-file`, `digest-mismatch`, `evidence-mismatch`, `version-mismatch`, `stray-file`. */
  code: string
  /** Path of the file concerned (relative to the archive or OUT, or as the manifest gives it). */
  path: string
  message: string
}

/** The outcome of `verify`. */
export interface Verification {
  valid: boolean
  /** The archive version checked (archives only). */
  version: number | null
  problems: Problem[]
  /** Things that are not problems, such as the leftovers of an interrupted ingest. */
  notes: Problem[]
  checked: {documents: number; files: number; spans: number}
}

/** Verify an archive made by `ingest`. */
export async function verifyArchive(archive: string): Promise<Verification> {
  const state = await loadFolder(archive)
  if ('problem' in state) return result([state.problem], [], null, {documents: 0, files: 0, spans: 0})
  const manifest = state.manifest
  if (!isArchiveManifest(manifest)) {
    return result([{code: 'manifest-invalid', path: 'manifest.json', message: 'Not an archive manifest (no `archive` or `versions`): verify a build with `docprov verify OUT`'}], [], null, {documents: 0, files: 0, spans: 0})
  }
  const problems: Problem[] = []
  const notes: Problem[] = []
  const files = new Map<string, Uint8Array | null>()
  const read = async (file: string) => {
    if (!files.has(file)) files.set(file, await readFile(path.join(archive, file)).then((bytes) => new Uint8Array(bytes), () => null))
    return files.get(file)!
  }
  const expected = new Set<string>()
  const expectFile = async (file: string, digest: string, what: string) => {
    if (expected.has(`${file}\n${digest}`)) return
    expected.add(`${file}\n${digest}`)
    const bytes = await read(file)
    if (!bytes) problems.push({code: 'missing-file', path: file, message: `Missing ${what}, expected by the manifest`})
    else if (sha256(bytes) !== digest) problems.push({code: 'digest-mismatch', path: file, message: `The ${what} does not hash to ${digest}: it was changed or damaged`})
  }

  for (const document of manifest.documents) {
    if (document.source.path !== rawPath(document.source.sha256)) {
      problems.push({code: 'manifest-invalid', path: document.source.path, message: `Raw object path does not match its sha256 ${document.source.sha256}`})
    }
    await expectFile(document.source.path, document.source.sha256, 'raw object')
    await expectFile(document.output.path, document.output.sha256, 'document')
  }
  for (const rejection of manifest.rejected) if (rejection.sha256) await expectFile(rawPath(rejection.sha256), rejection.sha256, 'raw object of a rejected file')
  for (const record of manifest.versions) {
    const file = `versions/v${record.version}.json`
    const bytes = await read(file)
    if (!bytes) problems.push({code: 'missing-file', path: file, message: 'Missing version record'})
    else if (new TextDecoder().decode(bytes) !== JSON.stringify(record, null, 2) + '\n') {
      problems.push({code: 'version-mismatch', path: file, message: `Version record differs from version ${record.version} in the manifest`})
    }
    for (const output of record.outputs) await expectFile(output.path, output.sha256, `document of version ${record.version}`)
    for (const item of record.index) if (!(await read(item))) problems.push({code: 'missing-file', path: item, message: 'Missing lineage index file'})
  }
  const spans = await checkEvidence(manifest as unknown as Manifest, async (file) => read(file), problems)

  // Both ways: every file on disk is referenced (or left by an interrupted ingest).
  const pending = await readFile(path.join(archive, '.pending.json'), 'utf8').then(
    (text) => JSON.parse(text) as {version: number; created: string[]},
    () => undefined
  )
  const referenced = referencedFiles(manifest)
  for (const file of await listFiles(archive)) {
    if (referenced.has(file) || file === '.lock' || file === 'prov.json') continue
    if (pending && (file === '.pending.json' || pending.created.includes(file) || /(^|\/)\.[^/]+\.tmp$/.test(file))) {
      notes.push({code: 'interrupted-ingest', path: file, message: `Left by an interrupted ingest of version ${pending.version}: run the same ingest again to complete it`})
      continue
    }
    problems.push({code: 'stray-file', path: file, message: 'Unexpected file that the manifest does not list: remove it, or find out who put it there'})
  }
  return result(problems, notes, manifest.archive.head, {documents: manifest.documents.length, files: files.size, spans})
}

/** Verify a build's OUT; raw paths are read as the manifest gives them (relative to the working folder). */
export async function verifyOutput(out: string): Promise<Verification> {
  const state = await loadFolder(out)
  if ('problem' in state) return result([state.problem], [], null, {documents: 0, files: 0, spans: 0})
  const manifest = state.manifest
  const problems: Problem[] = []
  const raws = new Map<string, Uint8Array | null>()
  const readRaw = async (file: string) => {
    if (!raws.has(file)) {
      // A name that was not UTF-8 is shown with `%XX`: read it by its bytes.
      const read = (at: string | Buffer) => readFile(at).then((bytes) => new Uint8Array(bytes), () => null)
      raws.set(file, (await read(file)) ?? (/%[0-9A-F]{2}/.test(file) ? await read(pathBytes(file)) : null))
    }
    return raws.get(file)!
  }
  for (const document of manifest.documents) {
    const raw = await readRaw(document.source.path)
    if (!raw) problems.push({code: 'missing-file', path: document.source.path, message: 'Missing raw file: run verify from the folder the build ran in'})
    else if (sha256(raw) !== document.source.sha256) {
      problems.push({code: 'digest-mismatch', path: document.source.path, message: `The raw file does not hash to ${document.source.sha256}: it changed since the build`})
    }
    const output = await readFile(path.join(out, document.output.path)).catch(() => null)
    if (!output) problems.push({code: 'missing-file', path: document.output.path, message: 'Missing document, expected by the manifest'})
    else if (sha256(output) !== document.output.sha256) {
      problems.push({code: 'digest-mismatch', path: document.output.path, message: `The document does not hash to ${document.output.sha256}: it was changed`})
    }
  }
  const spans = await checkEvidence(manifest, readRaw, problems)
  const listed = new Set(['manifest.json', 'prov.json', ...manifest.documents.map((document) => document.output.path)])
  for (const file of await listFiles(out)) {
    if (!listed.has(file)) problems.push({code: 'stray-file', path: file, message: 'Unexpected file that the manifest does not list: remove it, or rebuild'})
  }
  return result(problems, [], null, {documents: manifest.documents.length, files: raws.size + manifest.documents.length, spans})
}

async function loadFolder(folder: string): Promise<{manifest: Manifest} | {problem: Problem}> {
  const state = await loadManifest(folder)
  if (!('problem' in state)) return state
  const {code, message} = state.problem
  const hint = code === 'manifest-missing' ? `: is \`${folder}\` an archive or a build's OUT?` : ''
  return {problem: {code, path: 'manifest.json', message: message + hint}}
}

/** Re-check evidence, removals and repairs against raw bytes; returns how many spans were checked. */
async function checkEvidence(manifest: Manifest, read: (file: string) => Promise<Uint8Array | null>, problems: Problem[]): Promise<number> {
  const encodings = new Map(manifest.documents.map((document) => [document.source.path, document.source.encoding as Encoding]))
  let count = 0
  const check = async (span: {start: number; end: number; text: string}, file: string, where: string) => {
    count++
    const raw = await read(file)
    if (!raw) return
    const text = span.end <= raw.byteLength && span.start <= span.end ? decodeAs(raw.subarray(span.start, span.end), encodings.get(file) ?? 'utf-8', false) : null
    if (text !== span.text) {
      problems.push({
        code: 'evidence-mismatch',
        path: file,
        message: `${where}: bytes ${span.start}-${span.end} do not decode to ${JSON.stringify(span.text.slice(0, 60))}`
      })
    }
  }
  for (const document of manifest.documents) {
    for (const [name, list] of Object.entries(document.evidence) as Array<[string, Evidence[]]>) {
      for (const item of list) await check(item, item.path, `evidence of \`${name}\` of ${document.id}`)
    }
    for (const item of document.removed) await check(item, document.source.path, `removed \`${item.reason}\` of ${document.id}`)
    for (const item of document.repairs) await check(item, document.source.path, `repair of ${document.id}`)
  }
  for (const cluster of manifest.clusters) {
    for (const [name, list] of Object.entries(cluster.evidence) as Array<[string, Evidence[]]>) {
      for (const item of list) await check(item, item.path, `evidence of \`${name}\` of cluster ${cluster.id}`)
    }
  }
  return count
}

async function listFiles(folder: string, prefix = ''): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(path.join(folder, prefix), {withFileTypes: true}).catch(() => [])) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) found.push(...(await listFiles(folder, relative)))
    else found.push(relative)
  }
  return found.sort(compare)
}

function result(problems: Problem[], notes: Problem[], version: number | null, checked: Verification['checked']): Verification {
  const order = (a: Problem, b: Problem) => compare(a.path, b.path) || compare(a.code, b.code) || compare(a.message, b.message)
  return {valid: problems.length === 0, version, problems: problems.sort(order), notes: notes.sort(order), checked}
}
