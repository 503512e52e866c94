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

  it('has no title and no date, and says so', () => {
    expect(full.metadata.title).toBeNull()
    expect(full.metadata.date).toBeNull()
    expect(full.warnings.map((warning) => warning.ruleId)).toEqual(['no-date', 'no-title', 'dangling-reference'])
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

  it('is named after its date', () => {
    expect(truncated.output.path).toBe('2021-11-08-001-f6498cae55641803.md')
  })
})

describe('the seed build as a whole', () => {
  it('cites raw bytes for every evidence span and removal', () => {
    for (const document of result.manifest.documents) {
      const raw = new Uint8Array(readFileSync(path.join(root, document.source.path)))
      const spans = [...Object.values(document.evidence).flat(), ...document.removed]
      expect(spans.length).toBeGreaterThan(3)
      expect(badSpans(raw, 'utf-8', spans)).toEqual([])
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
