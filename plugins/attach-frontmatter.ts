/** Plugin: put the metadata and its provenance at the top of the tree as YAML frontmatter. */
import type {Root, Yaml} from 'mdast'
import type {VFile} from 'vfile'
import {stringify} from 'yaml'
import {evidenceOf, idOf, metadataOf, rawBytes, sha256} from './support/metadata.js'
import {metadataFields} from './types.js'

/** Options of `attachFrontmatter`. */
export interface Options {
  /** Name and version of the generator, such as `docprov@1.0.0`. */
  generator: string
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
    const data = frontmatterOf(file, generator)
    const node: Yaml = {type: 'yaml', value: stringify(data, {lineWidth: 0}).trimEnd()}
    tree.children = tree.children.filter((child) => child.type !== 'yaml')
    tree.children.unshift(node)
    return undefined
  }
}

/** The frontmatter object of a file, in key order, empty values left out. */
export function frontmatterOf(file: VFile, generator: string): Record<string, unknown> {
  const metadata = metadataOf(file)
  const result: Record<string, unknown> = {}
  for (const name of metadataFields) {
    const value = metadata[name]
    if (value === null || (Array.isArray(value) && value.length === 0)) continue
    result[name] = value
  }
  result.id = idOf(file)
  const raw = rawBytes(file)
  const evidence: Record<string, string[]> = {}
  for (const [name, list] of Object.entries(evidenceOf(file))) {
    evidence[name] = list.map((item) => `${item.path}:${item.line}:${item.column} ${item.rule}`)
  }
  result.provenance = {
    source: file.path,
    sha256: sha256(raw),
    bytes: raw.byteLength,
    encoding: file.data.decoded?.encoding ?? 'utf-8',
    generator,
    evidence
  }
  return result
}
