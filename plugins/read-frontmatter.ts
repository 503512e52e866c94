/** Plugin: read the YAML frontmatter of a Markdown input as input metadata. */
import type {Root, Yaml} from 'mdast'
import type {VFile} from 'vfile'
import {isMap, isScalar, isSeq, parseDocument, type Node as YamlNode} from 'yaml'
import {cite, field, placeOf, removeChild, setField} from './support/evidence.js'
import type {Evidence, FieldName, Series} from './types.js'

/** Input keys and the field each one gives (first listed wins). */
const keys: Record<string, FieldName> = {
  title: 'title',
  description: 'description',
  summary: 'description',
  date: 'date',
  published: 'date',
  updated: 'updated',
  lastmod: 'updated',
  modified: 'updated',
  author: 'author',
  authors: 'author',
  source: 'source',
  publisher: 'source',
  section: 'section',
  category: 'section',
  lang: 'lang',
  language: 'lang',
  kind: 'kind',
  series: 'series',
  disclaimer: 'disclaimer'
}
const isoDate = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/

/**
 * Turn the `yaml` node (from remark-frontmatter) into metadata with evidence
 * (rule `frontmatter`, citing the key and value), then take it out of the body.
 * Unknown keys are ignored; values of the wrong type are warned
 * (`invalid-frontmatter`) and ignored.
 */
export default function readFrontmatter() {
  return function (tree: Root, file: VFile): undefined {
    const index = tree.children.findIndex((node) => node.type === 'yaml')
    if (index < 0) return undefined
    const node = tree.children[index] as Yaml
    const document = String(file.value)
    const base = document.indexOf(node.value, node.position?.start.offset ?? 0)
    const parsed = parseDocument(node.value, {prettyErrors: false})
    if (parsed.errors.length > 0 || !isMap(parsed.contents)) {
      file.message('Unexpected frontmatter that is not a YAML mapping, expected `key: value` lines; ignored it', {
        place: node.position?.start,
        ruleId: 'invalid-frontmatter',
        source: 'docprov'
      })
    } else {
      for (const pair of parsed.contents.items) {
        const key = isScalar(pair.key) ? String(pair.key.value).toLowerCase() : ''
        const name = keys[key]
        if (!name || file.data.meta?.[name]) continue
        const keyRange = (pair.key as YamlNode).range
        const valueRange = (pair.value as YamlNode | null)?.range
        if (!keyRange || !valueRange) continue
        const evidence = cite(file, 'frontmatter', {start: base + keyRange[0], end: base + valueRange[1]})
        const value = readValue(name, pair.value as YamlNode)
        if (value === undefined) {
          file.message(`Unexpected value for \`${key}\` in frontmatter, ignored it`, {
            place: placeOf(evidence),
            ruleId: 'invalid-frontmatter',
            source: 'docprov'
          })
          continue
        }
        setOne(file, name, value, evidence)
      }
    }
    removeChild(file, tree, index, 'input-frontmatter')
    return undefined
  }
}

function setOne(file: VFile, name: FieldName, value: unknown, evidence: Evidence): void {
  setField(file, name, field(value, [evidence]) as never)
}

function readValue(name: FieldName, node: YamlNode): unknown {
  const json = node.toJSON() as unknown
  switch (name) {
    case 'author': {
      const list = isSeq(node) ? (json as unknown[]) : [json]
      return list.every((item) => typeof item === 'string' && item.trim()) ? list.map((item) => (item as string).trim()) : undefined
    }
    case 'series': {
      const series = json as Partial<Series> | null
      return series && Number.isInteger(series.part) && Number.isInteger(series.total) ? {part: series.part, total: series.total} : undefined
    }
    case 'date':
    case 'updated': {
      return typeof json === 'string' && isoDate.test(json) ? json : undefined
    }
    default: {
      return typeof json === 'string' && json.trim() ? json.trim() : undefined
    }
  }
}
