/** Shared data shapes of docprov's plugins, and the `vfile` data they set. */
import type {Encoding} from './support/decode.js'
import type {Fingerprint} from './support/fingerprint.js'

export type {Encoding} from './support/decode.js'
export type {Fingerprint} from './support/fingerprint.js'

/** Where a value came from: a byte range of the raw file and the text those bytes decode to. */
export interface Evidence {
  /** Name of the rule that found the value. */
  rule: string
  /** Path of the raw file, as given. */
  path: string
  /** 1-based line of `start` in the decoded text. */
  line: number
  /** 1-based column (UTF-16 code units) of `start`. */
  column: number
  /** Byte offset into the raw file where the evidence starts. */
  start: number
  /** Byte offset into the raw file where the evidence ends (exclusive). */
  end: number
  /** What the raw bytes `start..end` decode to. */
  text: string
  /** Mojibake inside the span that was repaired to give the value. */
  repaired?: Array<{text: string; value: string}>
  /** Id of the document the value was inherited from (see lineage); absent for a document's own values. */
  via?: string
}

/** A stretch of mojibake that normalization repaired. */
export interface Repair {
  rule: 'mojibake'
  line: number
  column: number
  start: number
  end: number
  /** The raw text (what the bytes decode to). */
  text: string
  /** What it was repaired to. */
  value: string
}

/** A metadata value with the evidence for it. */
export interface Field<T> {
  value: T
  evidence: Evidence[]
}

/** A span of the raw file that was taken out of the body, and why. */
export interface Removal {
  reason: string
  line: number
  column: number
  start: number
  end: number
  text: string
}

/** An outlet: its name, other names it goes by, its domains and its own boilerplate. */
export interface Profile {
  name: string
  aliases: string[]
  domains: string[]
  boilerplate?: Array<{reason: string; pattern: string; maxLength?: number}>
}

/** A position in a multi-part series. */
export interface Series {
  part: number
  total: number
}

/** The metadata of one document; missing values are `null` (`[]` for `author`). */
export interface Metadata {
  title: string | null
  description: string | null
  date: string | null
  updated: string | null
  author: string[]
  source: string | null
  /** Section or kicker the outlet filed it under (`OPINION`, `Politics`). */
  section: string | null
  lang: string | null
  kind: string | null
  series: Series | null
  disclaimer: string | null
}

/** Names of the metadata fields, in frontmatter order. */
export const metadataFields = [
  'title',
  'description',
  'date',
  'updated',
  'author',
  'source',
  'section',
  'lang',
  'kind',
  'series',
  'disclaimer'
] as const satisfies ReadonlyArray<keyof Metadata>

export type FieldName = (typeof metadataFields)[number]

/** Metadata fields with their evidence; a plugin sets the fields it owns, found or not. */
export type FieldMap = {[K in FieldName]?: Field<Metadata[K]>}

/** What `decodeText` learned about the raw bytes. */
export interface Decoded {
  raw: Uint8Array
  encoding: Encoding
  /** Number of bytes of byte-order mark stripped before the text. */
  bomBytes: number
  /** The code page whose mojibake normalization repairs (see `mojibakePage`; default: Windows-1252). */
  mojibake?: string
}

declare module 'vfile' {
  interface DataMap {
    /** Raw bytes and how they were decoded (set by `decodeText`). */
    decoded: Decoded
    /** Metadata with evidence (each extractor sets its own fields). */
    meta: FieldMap
    /** Spans taken out of the body. */
    removed: Removal[]
    /** Mojibake repaired by `normalizeText`. */
    repairs: Repair[]
    /** Outlet named by the disclaimer, if any (set by `extractDisclaimer`). */
    disclaimerOutlet: Field<string | null>
    /** Stable document id; `attachFrontmatter` derives one from the content when unset. */
    id: string
    /** SHA-256 of the raw bytes in hex, when the caller knows it (else `attachFrontmatter` computes it). */
    sha256: string
    /** Fingerprint of the clean body (set by `fingerprintBody`). */
    fingerprint: Fingerprint
    /** Datelines, used or not, and short lines with a date label (set by `extractDate`): never a title or description. */
    datelines: Set<import('mdast').Text>
    /** Lines of people's names and a date after them, and where the names end (set by `extractDate`, read by `extractByline`). */
    namedDates: globalThis.Map<import('mdast').Text, number>
    /** Datelines that end with the author's name after a slash, and where the name starts (set by `extractDate`, read by `extractByline`). */
    datedNames: globalThis.Map<import('mdast').Text, number>
    /** A headline that ends with its byline (`Title, By A`) and where the byline starts (set by `extractByline`). */
    titleByline: {text: import('mdast').Text; at: number}
  }
}

declare module 'mdast' {
  interface TextData {
    /** For each UTF-16 unit of the value: where it starts and ends in the decoded raw text. */
    starts?: Uint32Array
    ends?: Uint32Array
  }
}
