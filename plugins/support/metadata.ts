/** Read the metadata and evidence that the extractors left on a file. */
import {createHash} from 'node:crypto'
import type {VFile} from 'vfile'
import {metadataFields, type Evidence, type FieldName, type Metadata, type Repair} from '../types.js'

/** The metadata of a file, missing values `null` (or `[]` for `author`). */
export function metadataOf(file: VFile): Metadata {
  const meta = file.data.meta ?? {}
  const result = {} as Record<FieldName, unknown>
  for (const name of metadataFields) {
    const value = meta[name]?.value
    result[name] = value === undefined ? (name === 'author' ? [] : null) : value
  }
  return result as unknown as Metadata
}

/** The evidence of each field that has any, in field order. */
export function evidenceOf(file: VFile): Partial<Record<FieldName, Evidence[]>> {
  const meta = file.data.meta ?? {}
  const result: Partial<Record<FieldName, Evidence[]>> = {}
  for (const name of metadataFields) {
    const evidence = meta[name]?.evidence
    if (evidence && evidence.length > 0) result[name] = evidence.map((item) => withRepairs(item, file.data.repairs ?? []))
  }
  return result
}

/** Hex SHA-256 of bytes. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The raw bytes of a file: as decoded by `decodeText`, else its value. */
export function rawBytes(file: VFile): Uint8Array {
  if (file.data.decoded) return file.data.decoded.raw
  return typeof file.value === 'string' ? new TextEncoder().encode(file.value) : (file.value ?? new Uint8Array())
}

/** The stable id of a document: set by the caller, else the first 16 hex digits of its raw SHA-256. */
export function idOf(file: VFile): string {
  return (file.data.id ??= sha256(rawBytes(file)).slice(0, 16))
}

/** Evidence with the repairs inside its span listed, so the value can be traced to the bytes. */
function withRepairs(evidence: Evidence, repairs: Repair[]): Evidence {
  const inside = repairs.filter((repair) => repair.start >= evidence.start && repair.end <= evidence.end)
  return inside.length > 0 ? {...evidence, repaired: inside.map(({text, value}) => ({text, value}))} : evidence
}
