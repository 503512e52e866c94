/** The build manifest: its types, how it is made, and its JSON Schema validation. */
import {readFileSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {Ajv, type ValidateFunction} from 'ajv'
import type {Evidence, FieldName, Metadata, Removal, Repair} from '../plugins/types.js'
import type {Conflict, Relation} from './lineage.js'
import {packageRoot, version} from './version.js'

/** A warning about one document. */
export interface Warning {
  ruleId: string
  message: string
  line: number | null
  column: number | null
}

/** One document of the manifest. */
export interface ManifestDocument {
  id: string
  source: {path: string; sha256: string; bytes: number; encoding: string}
  output: {path: string; sha256: string}
  metadata: Metadata
  evidence: Partial<Record<FieldName, Evidence[]>>
  removed: Removal[]
  repairs: Repair[]
  warnings: Warning[]
  /** Summary of the body's fingerprint: word count, distinct shingles, digest of the normalized words. */
  fingerprint: {words: number; shingles: number; digest: string}
  /** Id of the cluster the document belongs to, if it is one of several copies of a work. */
  cluster: string | null
  relations: Relation[]
}

/** Documents that are one work, with their merged metadata. */
export interface ManifestCluster {
  id: string
  canonical: string
  /** Member ids from most to least complete; the canonical first. */
  members: string[]
  metadata: Metadata
  /** Evidence of each value; `via` names the member it came from. */
  evidence: Partial<Record<FieldName, Evidence[]>>
  /** Members whose own date, source or language differs from the cluster's. */
  conflicts: Conflict[]
}

/** Why an input is not a document. */
export type RejectionReason = 'empty' | 'binary' | 'unreadable' | 'too-large' | 'too-many-lines' | 'unsupported-type' | 'unsafe-path' | 'unsafe-link' | 'link'

/** An input that is not a document, and why. */
export interface Rejection {
  path: string
  sha256: string | null
  reason: RejectionReason
  message: string
}

/** The manifest of a build (`OUT/manifest.json`). */
export interface Manifest {
  manifestVersion: 1
  generator: {name: 'docprov'; version: string}
  documents: ManifestDocument[]
  clusters: ManifestCluster[]
  rejected: Rejection[]
}

/** The JSON Schema of the manifest (also published as `docprov/manifest.schema.json`). */
export const manifestSchema: Record<string, unknown> = JSON.parse(
  readFileSync(path.join(packageRoot, 'pipeline', 'manifest.schema.json'), 'utf8')
)

/** The schema's validators, compiled on first use (a worker thread that never validates never compiles them). */
let compiled: {manifest: ValidateFunction; document: ValidateFunction} | undefined
function validators(): {manifest: ValidateFunction; document: ValidateFunction} {
  if (!compiled) {
    const ajv = new Ajv({allErrors: true, strict: false})
    const manifest = ajv.compile(manifestSchema)
    compiled = {manifest, document: ajv.getSchema(`${manifestSchema.$id as string}#/definitions/document`)!}
  }
  return compiled
}

/** Check a value against the manifest schema; returns every problem as `path: message`. */
export function validateManifest(value: unknown): string[] {
  const validator = validators().manifest
  if (validator(value)) return []
  return (validator.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message ?? 'is invalid'}`)
}

/** Make a manifest with documents and rejections sorted by path, clusters by id. */
export function createManifest(documents: ManifestDocument[], rejected: Rejection[], clusters: ManifestCluster[] = []): Manifest {
  const byPath = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)
  return {
    manifestVersion: 1,
    generator: {name: 'docprov', version},
    documents: [...documents].sort(byPath((item: ManifestDocument) => item.source.path)),
    clusters: [...clusters].sort(byPath((item: ManifestCluster) => item.id)),
    rejected: [...rejected].sort(byPath((item: Rejection) => item.path))
  }
}

/** Serialize a manifest: two-space JSON with a final newline. */
export function serializeManifest(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + '\n'
}

/**
 * Write a manifest a piece at a time (documents one by one, in path order),
 * giving exactly the bytes of `serializeManifest`, so that a build never holds
 * every document at once. Each document is checked against the schema as it
 * comes; a problem is a bug, thrown as such.
 */
export class ManifestWriter {
  private documents = 0
  private lastPath: string | undefined

  /** `write` takes each piece of the text, in order. */
  constructor(private readonly write: (chunk: string) => Promise<void>) {}

  /** Write the opening and the generator. */
  async start(): Promise<void> {
    const generator = {name: 'docprov', version}
    await this.write(`{\n  "manifestVersion": 1,\n  "generator": ${indent(JSON.stringify(generator, null, 2), 2)},\n  "documents": [`)
  }

  /** Write the next document (documents come sorted by source path). */
  async document(document: ManifestDocument): Promise<void> {
    if (this.lastPath !== undefined && !(this.lastPath < document.source.path)) {
      throw new Error(`Documents must come sorted by path (a bug): \`${document.source.path}\` after \`${this.lastPath}\``)
    }
    this.lastPath = document.source.path
    const validator = validators().document
    if (!validator(document)) throw schemaBug(validator.errors, `/documents/${this.documents}`)
    await this.write(item(document, this.documents++))
  }

  /** Write the clusters and rejections (sorted here), and the end; checks what is not a document against the schema. */
  async end(clusters: ManifestCluster[], rejected: Rejection[]): Promise<void> {
    const rest = createManifest([], rejected, clusters)
    const validator = validators().manifest
    if (!validator(rest)) throw schemaBug(validator.errors, '')
    let text = this.documents > 0 ? '\n  ]' : ']'
    text += ',\n  "clusters": ' + array(rest.clusters)
    text += ',\n  "rejected": ' + array(rest.rejected)
    await this.write(text + '\n}\n')
  }
}

function indent(json: string, spaces: number): string {
  // JSON strings never hold a raw line break, so each one starts a line.
  return json.replaceAll('\n', '\n' + ' '.repeat(spaces))
}

function item(value: unknown, index: number): string {
  // Nested two arrays deep, JSON.stringify indents the value as the manifest does; the brackets are cut off.
  const nested = JSON.stringify([[value]], null, 2)
  return `${index > 0 ? ',' : ''}${nested.slice('[\n  ['.length, -'\n  ]\n]'.length)}`
}

function array(values: unknown[]): string {
  return values.length === 0 ? '[]' : `[${values.map(item).join('')}\n  ]`
}

function schemaBug(errors: ValidateFunction['errors'], prefix: string): Error {
  const problems = (errors ?? []).map((error) => `${prefix}${error.instancePath}: ${error.message ?? 'is invalid'}`)
  return new Error(`docprov made a manifest that does not match its schema (a bug, please report it):\n${problems.join('\n')}`)
}

/** Why `FOLDER/manifest.json` could not be used. */
export interface ManifestProblem {
  code: 'manifest-missing' | 'manifest-invalid'
  /** The `errno` code when the file could not be read (`ENOENT`, `EACCES`, …). */
  errno?: string
  message: string
}

/**
 * Read, parse and validate `FOLDER/manifest.json`. Each caller turns a problem
 * into its own error or report; `text` is the file as written.
 */
export async function loadManifest(folder: string): Promise<{manifest: Manifest; text: string} | {problem: ManifestProblem}> {
  const file = path.join(folder, 'manifest.json')
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code ?? String(error)
    return {problem: {code: 'manifest-missing', errno, message: `Cannot read \`${file}\` (${errno})`}}
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return {problem: {code: 'manifest-invalid', message: `\`${file}\` is not valid JSON`}}
  }
  const problems = validateManifest(value)
  if (problems.length > 0) return {problem: {code: 'manifest-invalid', message: `\`${file}\` does not match its schema: ${problems.slice(0, 5).join('; ')}`}}
  return {manifest: value as Manifest, text}
}
