/** The build manifest: its types, how it is made, and its JSON Schema validation. */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv} from 'ajv'
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
export type RejectionReason = 'empty' | 'binary' | 'unreadable' | 'too-large' | 'unsupported-type' | 'unsafe-path' | 'unsafe-link' | 'link'

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

const validator = new Ajv({allErrors: true, strict: false}).compile(manifestSchema)

/** Check a value against the manifest schema; returns every problem as `path: message`. */
export function validateManifest(value: unknown): string[] {
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
