/** Plugin: put the metadata and its provenance at the top of the tree as YAML frontmatter. */
import type {Root, Yaml} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import {stringify} from 'yaml'
import {evidenceOf, idOf, metadataOf, rawBytes, sha256} from './support/metadata.js'
import {metadataFields, type Evidence, type FieldName, type Metadata} from './types.js'

/** Options of `attachFrontmatter`. */
export interface Options {
  /** Name and version of the generator, such as `docprov@1.0.0`. */
  generator: string
}

/** What the frontmatter is made from: a document as the manifest has it. */
export interface FrontmatterInput {
  id: string
  source: {path: string; sha256: string; bytes: number; encoding: string}
  metadata: Metadata
  evidence: Partial<Record<FieldName, Evidence[]>>
  /** Cluster of the document, if it is one of several copies of a work. */
  cluster?: string | null
}

/**
 * Insert a `yaml` node (serialize it with remark-frontmatter) holding, in this
 * order and without empty values: the metadata fields, `id`, and `provenance`
 * (raw path, `sha256`, `bytes`, `encoding`, `generator`, and a compact `evidence`
 * map of field to `path:line:column rule` entries). Written with `yaml`, so every
 * value is quoted as YAML needs.
 */
export default function attachFrontmatter(options: Options) {
  if (!options || typeof options.generator !== 'string' || !options.generator) {
    throw new TypeError('Missing `generator` in `options`, expected a string such as `docprov@1.0.0`')
  }
  const generator = options.generator
  return function (tree: Root, file: VFile): undefined {
    const node: Yaml = {type: 'yaml', value: yamlOf(frontmatterOf(file, generator))}
    tree.children = tree.children.filter((child) => child.type !== 'yaml')
    tree.children.unshift(node)
    return undefined
  }
}

/** The frontmatter object of a file, in key order, empty values left out. */
export function frontmatterOf(file: VFile, generator: string): Record<string, unknown> {
  const raw = rawBytes(file)
  return frontmatterData(
    {
      id: idOf(file),
      source: {path: file.path, sha256: file.data.sha256 ?? sha256(raw), bytes: raw.byteLength, encoding: file.data.decoded?.encoding ?? 'utf-8'},
      metadata: metadataOf(file),
      evidence: evidenceOf(file)
    },
    generator
  )
}

/**
 * The frontmatter object of a document: metadata fields (empty ones left out),
 * `id`, and `provenance`. Evidence is compact, `path:line:column rule`, with
 * ` via ID` when the value was inherited from another copy; inherited fields are
 * also listed under `provenance.inherited` with the document and file they came from.
 */
export function frontmatterData(input: FrontmatterInput, generator: string): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const name of metadataFields) {
    const value = input.metadata[name]
    if (value === null || (Array.isArray(value) && value.length === 0)) continue
    result[name] = value
  }
  result.id = input.id
  const evidence: Record<string, string[]> = {}
  const inherited: Record<string, {from: string; path: string}> = {}
  for (const [name, list] of Object.entries(input.evidence)) {
    evidence[name] = list.map((item) => `${item.path}:${item.line}:${item.column} ${item.rule}${item.via ? ` via ${item.via}` : ''}`)
    const donor = list.find((item) => item.via)
    if (donor) inherited[name] = {from: donor.via!, path: donor.path}
  }
  result.provenance = {
    source: input.source.path,
    sha256: input.source.sha256,
    bytes: input.source.bytes,
    encoding: input.source.encoding,
    generator,
    ...(input.cluster ? {cluster: input.cluster} : {}),
    evidence,
    ...(Object.keys(inherited).length > 0 ? {inherited} : {})
  }
  return result
}

const serializer = unified().use(remarkStringify).use(remarkFrontmatter, ['yaml'])

/**
 * Replace the frontmatter block at the start of Markdown made by docprov with
 * one holding `data` (the body is left byte for byte).
 */
export function replaceFrontmatter(markdown: string, data: Record<string, unknown>): string {
  // YAML from `yaml` never has a `---` line inside a document, so the first one closes the block.
  const close = markdown.startsWith('---\n') ? markdown.indexOf('\n---\n', 3) : -1
  if (close < 0) throw new Error('Expected Markdown starting with a frontmatter block')
  const block = serializer.stringify({type: 'root', children: [{type: 'yaml', value: yamlOf(data)}]})
  return block + markdown.slice(close + 5)
}

function yamlOf(data: Record<string, unknown>): string {
  // No directives: the frontmatter has no tags, and the search for them walks every node.
  return stringify(data, {lineWidth: 0, directives: false}).trimEnd()
}
