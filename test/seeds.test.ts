/** The seed build: what the two seed files must give, checked against their raw bytes. */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {normalizeText} from '../plugins/support/normalize.js'
import {build, type BuildResult} from '../pipeline/build.js'
import {validateManifest, type ManifestDocument} from '../pipeline/manifest.js'
import {badSpans, readMarkdown, withoutEmpty} from './helpers.js'

const root = path.join(import.meta.dirname, '..')
let result: BuildResult
let full: ManifestDocument
let truncated: ManifestDocument

beforeAll(async () => {
  process.chdir(root)
  result = await build({paths: ['seeds'], referenceDate: new Date('2026-01-01T00:00:00Z')})
  full = result.manifest.documents.find((document) => document.source.path === 'seeds/000_3ba8a089deaed923.txt')!
  truncated = result.manifest.documents.find((document) => document.source.path === 'seeds/001_f6498cae55641803.txt')!
})

function markdownOf(document: ManifestDocument): string {
  return result.files.get(document.output.path)!
}

describe('seed 000 (full article)', () => {
  it('takes the source from its Source: line, corroborated by the disclaimer', () => {
    expect(full.metadata.source).toBe('TRT World')
    expect(full.evidence.source!.map((item) => [item.rule, item.line, item.text])).toEqual([
      ['source-line', 43, 'TRT World'],
      ['disclaimer-names-outlet', 39, 'TRT World']
    ])
  })

  it('keeps the disclaimer sentence as metadata', () => {
    expect(full.metadata.disclaimer).toBe(
      'The viewpoints expressed by the authors do not necessarily reflect the opinions, viewpoints and editorial policies of TRT World.'
    )
  })

  it('reads part 1 of a 2-part series', () => {
    expect(full.metadata.series).toEqual({part: 1, total: 2})
    expect(full.evidence.series![0].text).toBe('the first of a two-part')
  })

  it('has no title and no date of its own, and says so', () => {
    expect(full.metadata.title).toBeNull()
    expect(full.warnings.map((warning) => warning.ruleId)).toEqual(['no-date', 'no-title', 'dangling-reference'])
  })

  it('inherits the date from line 1 of its truncated copy', () => {
    expect(full.metadata.date).toBe('2021-11-08')
    expect(full.evidence.date).toEqual([
      {
        rule: 'crawl-date-header',
        path: 'seeds/001_f6498cae55641803.txt',
        line: 1,
        column: 2,
        start: 1,
        end: 16,
        text: 'date 2021-11-08',
        via: truncated.id
      }
    ])
    const {frontmatter} = readMarkdown(markdownOf(full))
    expect(frontmatter.date).toBe('2021-11-08')
    expect((frontmatter.provenance as Record<string, unknown>).inherited).toEqual({
      date: {from: truncated.id, path: 'seeds/001_f6498cae55641803.txt'}
    })
    expect(full.output.path).toBe('2021-11-08-000-3ba8a089deaed923.md')
  })

  it('turns the section line into a heading', () => {
    const {blocks} = readMarkdown(markdownOf(full))
    expect(blocks.filter((block) => block.type === 'h2').map((block) => block.text)).toEqual([
      'Pakistan’s insurgency and Daesh’s regional roots'
    ])
    expect(markdownOf(full)).toContain('\n## Pakistan’s insurgency and Daesh’s regional roots\n')
  })

  it('removes the disclaimer, submissions pitch and source line, and records each', () => {
    expect(full.removed.map((item) => item.reason)).toEqual(['disclaimer', 'submissions-pitch', 'source-line'])
    const body = markdownOf(full).split('\n---\n')[1]
    expect(body).not.toContain('Disclaimer')
    expect(body).not.toContain('We welcome all pitches')
    expect(body).not.toContain('Source: TRT World')
  })

  it('keeps the rest of the text word for word', () => {
    const raw = readFileSync(path.join(root, full.source.path), 'utf8')
    const removed = new Set(full.removed.map((item) => item.text))
    const expected = raw
      .split(/\n\n/)
      .map((paragraph) => paragraph.trim())
      .filter((paragraph) => !removed.has(paragraph))
      .map((paragraph) => normalizeText(paragraph).value)
    expect(readMarkdown(markdownOf(full)).blocks.map((block) => block.text)).toEqual(expected)
  })
})

describe('seed 001 (truncated copy)', () => {
  it('takes the date from its crawl header, which leaves the body', () => {
    expect(truncated.metadata.date).toBe('2021-11-08')
    expect(truncated.evidence.date).toEqual([
      {rule: 'crawl-date-header', path: 'seeds/001_f6498cae55641803.txt', line: 1, column: 2, start: 1, end: 16, text: 'date 2021-11-08'}
    ])
    expect(truncated.removed[0]).toMatchObject({reason: 'crawl-date-header', start: 1, end: 17})
    const {blocks} = readMarkdown(markdownOf(truncated))
    expect(blocks[0].text.startsWith('Note: This is the first of a two-part publication')).toBe(true)
  })

  it('inherits the source TRT World from the full article, citing it', () => {
    expect(truncated.metadata.source).toBe('TRT World')
    expect(truncated.evidence.source!.map((item) => [item.path, item.line, item.rule, item.text, item.via])).toEqual([
      ['seeds/000_3ba8a089deaed923.txt', 43, 'source-line', 'TRT World', full.id],
      ['seeds/000_3ba8a089deaed923.txt', 39, 'disclaimer-names-outlet', 'TRT World', full.id]
    ])
    const provenance = readMarkdown(markdownOf(truncated)).frontmatter.provenance as Record<string, unknown>
    expect(provenance.inherited).toMatchObject({source: {from: full.id, path: 'seeds/000_3ba8a089deaed923.txt'}})
    expect((provenance.evidence as Record<string, string[]>).source[0]).toBe(
      `seeds/000_3ba8a089deaed923.txt:43:9 source-line via ${full.id}`
    )
  })

  it('is named after its date', () => {
    expect(truncated.output.path).toBe('2021-11-08-001-f6498cae55641803.md')
  })
})

describe('lineage of the seeds', () => {
  it('makes one cluster, canonical the full article', () => {
    expect(result.manifest.clusters.map(({id, canonical, members}) => ({id, canonical, members}))).toEqual([
      {id: `c-${full.id}`, canonical: full.id, members: [full.id, truncated.id]}
    ])
    expect(full.cluster).toBe(`c-${full.id}`)
    expect(truncated.cluster).toBe(`c-${full.id}`)
  })

  it('relates the truncated copy to the full article both ways', () => {
    expect(truncated.relations).toEqual([{type: 'variant-of', target: full.id, similarity: expect.any(Number), containment: 1}])
    expect(full.relations).toEqual([{type: 'contains', target: truncated.id, similarity: truncated.relations[0].similarity, containment: 1}])
    expect(truncated.relations[0].similarity).toBeGreaterThan(0.3)
    expect(truncated.relations[0].similarity).toBeLessThan(0.7)
  })

  it('merges the metadata, each value naming the member it came from', () => {
    const [cluster] = result.manifest.clusters
    expect(cluster.metadata).toMatchObject({date: '2021-11-08', source: 'TRT World', series: {part: 1, total: 2}})
    expect(cluster.evidence.date!.map((item) => [item.path, item.line, item.via])).toEqual([
      ['seeds/001_f6498cae55641803.txt', 1, truncated.id]
    ])
    expect(cluster.evidence.source!.every((item) => item.via === full.id)).toBe(true)
    expect(cluster.conflicts).toEqual([])
  })
})

describe('the seed build as a whole', () => {
  it('cites raw bytes for every evidence span and removal, in the file each names', () => {
    const raws = new Map<string, Uint8Array>()
    const rawOf = (name: string) => raws.get(name) ?? raws.set(name, new Uint8Array(readFileSync(path.join(root, name)))).get(name)!
    const clustered = result.manifest.clusters.flatMap((cluster) => Object.values(cluster.evidence).flat())
    for (const document of result.manifest.documents) {
      const evidence = Object.values(document.evidence).flat()
      expect(evidence.length + document.removed.length).toBeGreaterThan(3)
      expect(badSpans(rawOf(document.source.path), 'utf-8', document.removed)).toEqual([])
      for (const item of [...evidence, ...clustered]) expect(badSpans(rawOf(item.path), 'utf-8', [item])).toEqual([])
    }
  })

  it('writes frontmatter that parses to the manifest metadata', () => {
    for (const document of result.manifest.documents) {
      const {frontmatter} = readMarkdown(markdownOf(document))
      const {id, provenance, ...metadata} = frontmatter as {id: string; provenance: Record<string, unknown>}
      expect(metadata).toEqual(withoutEmpty(document.metadata as unknown as Record<string, unknown>))
      expect(Object.keys(frontmatter)).toEqual([...Object.keys(metadata), 'id', 'provenance'])
      expect(id).toBe(document.id)
      expect(provenance).toMatchObject({source: document.source.path, sha256: document.source.sha256, bytes: document.source.bytes, encoding: 'utf-8'})
    }
  })

  it('makes a manifest that validates against its schema', () => {
    expect(validateManifest(result.manifest)).toEqual([])
    expect(validateManifest({...result.manifest, documents: [{id: 'x'}]}).length).toBeGreaterThan(0)
    expect(parse(result.files.get('manifest.json')!)).toEqual(JSON.parse(result.files.get('manifest.json')!))
  })

  it('lists every input exactly once', () => {
    expect(result.manifest.documents.map((document) => document.source.path)).toEqual([
      'seeds/000_3ba8a089deaed923.txt',
      'seeds/001_f6498cae55641803.txt'
    ])
    expect(result.manifest.rejected).toEqual([])
  })

  it('gives byte-identical output twice', async () => {
    const again = await build({paths: ['seeds'], referenceDate: new Date('2026-01-01T00:00:00Z')})
    expect([...again.files]).toEqual([...result.files])
  })

  it('matches the committed output/', () => {
    for (const [name, content] of result.files) {
      expect(readFileSync(path.join(root, 'output', name), 'utf8'), name).toBe(content)
    }
  })
})
