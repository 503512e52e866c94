/** Lineage: duplicates, variants, clusters, merged metadata and conflicts, across files. */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build, type BuildResult} from '../pipeline/build.js'
import {link, verifyPair, type LineageInput} from '../pipeline/lineage.js'
import type {ManifestDocument} from '../pipeline/manifest.js'
import fc from 'fast-check'
import {fingerprintText, wordsOf} from '../plugins/support/fingerprint.js'
import {badSpans, readMarkdown} from './helpers.js'

const articles = path.join(import.meta.dirname, 'lineage', 'articles')
const work = mkdtempSync(path.join(tmpdir(), 'docprov-lineage-'))
const referenceDate = new Date('2026-01-01T00:00:00Z')
afterAll(() => rmSync(work, {recursive: true, force: true}))

function article(name: string): string {
  return readFileSync(path.join(articles, name), 'utf8')
}

/** Blocks of a raw file: split on blank lines. */
function blocks(text: string): string[] {
  return text.split(/\n\s*\n/).filter((block) => block.trim() !== '')
}

/** The first `share` of the body paragraphs, header kept. */
function truncate(text: string, share: number, header = 2): string {
  const parts = blocks(text)
  const body = parts.slice(header)
  return [...parts.slice(0, header), ...body.slice(0, Math.ceil(body.length * share))].join('\n\n') + '\n'
}

/** Copy-editing noise: curly quotes straightened, dashes and commas changed, spaces doubled, lines hard-wrapped. */
function roughen(text: string): string {
  return text
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/, /g, ' , ')
    .replace(/\. /g, '.  ')
    .replace(/ -- | — /g, ' - ')
    .split('\n')
    .flatMap((line) => (line.length > 72 ? (line.match(/.{1,72}(?:\s|$)/g) ?? [line]).map((part) => part.trimEnd()) : [line]))
    .join('\n')
}

function place(folder: string, files: Record<string, string | Uint8Array>): string {
  const root = path.join(work, folder)
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), {recursive: true})
    writeFileSync(path.join(root, name), content)
  }
  return root
}

function byName(result: BuildResult, name: string): ManifestDocument {
  const document = result.manifest.documents.find((item) => item.source.path.endsWith(name))
  if (!document) throw new Error(`No document for ${name}`)
  return document
}

function checkEvidence(result: BuildResult): string[] {
  const problems: string[] = []
  const spans = [
    ...result.manifest.documents.flatMap((document) => Object.values(document.evidence).flat()),
    ...result.manifest.clusters.flatMap((cluster) => Object.values(cluster.evidence).flat())
  ]
  for (const span of spans) problems.push(...badSpans(new Uint8Array(readFileSync(span.path)), 'utf-8', [span]))
  return problems
}

describe('fingerprints', () => {
  it('ignore case, whitespace, line breaks and punctuation', () => {
    const a = fingerprintText('The mayor said: “We will rebuild — all of it.”\n\nNothing else.')
    const b = fingerprintText('the MAYOR said  we will\nrebuild, all of it... nothing else')
    expect(a.digest).toBe(b.digest)
    expect([...a.shingles]).toEqual([...b.shingles])
  })

  it('count words in scripts without spaces one character at a time, and NFKC-fold', () => {
    expect(wordsOf('東京都で大雨')).toEqual(['東', '京', '都', 'で', '大', '雨'])
    expect(wordsOf('ﬁnance Ｆｕｌｌ café')).toEqual(['finance', 'full', 'café'])
  })

  it('give an empty text an empty fingerprint', () => {
    expect(fingerprintText('  … ')).toMatchObject({words: 0, shingles: new Uint32Array(), bands: new Uint32Array()})
  })
})

describe('verifyPair', () => {
  it('decides as the plain count of shared shingles does, though it stops early', () => {
    const set = fc.uniqueArray(fc.integer({min: 0, max: 400}), {maxLength: 120}).map((values) => Uint32Array.from(values.sort((x, y) => x - y)))
    fc.assert(
      fc.property(set, set, fc.double({min: 0.01, max: 1, noNaN: true}), (a, b, threshold) => {
        const shared = a.filter((value) => b.includes(value)).length
        const smaller = Math.min(a.length, b.length)
        const edge = verifyPair({digest: 'a', shingles: a}, {digest: 'b', shingles: b}, threshold)
        expect(edge !== undefined).toBe(smaller > 0 && shared / smaller >= threshold)
        if (edge) expect(edge.containment).toBe(Math.round((shared / smaller) * 1000) / 1000)
      }),
      {numRuns: 2000, seed: 7}
    )
  })
})

describe('exact duplicates under different names', () => {
  let result: BuildResult
  beforeAll(async () => {
    const text = article('vaccine-trial.txt')
    const root = place('duplicates', {
      'crawl-a/vaccine.txt': text,
      'crawl-b/OVX 221 (copy).txt': text,
      'crawl-c/vaccine-crlf.txt': text.replace(/\n/g, '\r\n').replace(/ /g, '  ')
    })
    result = await build({paths: [root], referenceDate})
  })

  it('puts all three in one cluster, with one canonical', () => {
    expect(result.manifest.clusters).toHaveLength(1)
    const [cluster] = result.manifest.clusters
    expect(cluster.members).toHaveLength(3)
    expect(cluster.members[0]).toBe(cluster.canonical)
    expect(new Set(result.manifest.documents.map((document) => document.cluster))).toEqual(new Set([cluster.id]))
  })

  it('marks every copy but the canonical as duplicate-of it', () => {
    const [cluster] = result.manifest.clusters
    const copies = result.manifest.documents.filter((document) => document.id !== cluster.canonical)
    for (const copy of copies) expect(copy.relations).toEqual([{type: 'duplicate-of', target: cluster.canonical, similarity: 1, containment: 1}])
    // Identical bytes: same content id, the later path suffixed.
    const ids = result.manifest.documents.map((document) => document.id)
    expect(ids.filter((id) => id.endsWith('-2'))).toHaveLength(1)
  })

  it('keeps every file as a document of its own', () => {
    expect(result.manifest.documents).toHaveLength(3)
    expect(new Set(result.manifest.documents.map((document) => document.output.path)).size).toBe(3)
  })
})

describe('a truncated variant with whitespace and punctuation changes', () => {
  let result: BuildResult
  let original: ManifestDocument
  let variant: ManifestDocument
  beforeAll(async () => {
    const text = article('rail-strike.txt')
    // The copy lost its date header and byline, and half its text, and was re-typed.
    const copy = roughen(truncate(text.replace(/^ date .*\n\n/, '').replace(/\nBy Tomasz Wierzbicki\n/, ''), 0.5, 1))
    const root = place('truncated', {'original.txt': text, 'partial-recrawl.txt': copy})
    result = await build({paths: [root], referenceDate})
    original = byName(result, 'original.txt')
    variant = byName(result, 'partial-recrawl.txt')
  })

  it('finds the variant and the containing original', () => {
    expect(variant.relations).toHaveLength(1)
    expect(variant.relations[0]).toMatchObject({type: 'variant-of', target: original.id})
    expect(variant.relations[0].containment).toBeGreaterThan(0.9)
    expect(variant.relations[0].similarity).toBeLessThan(0.7)
    expect(original.relations).toEqual([{...variant.relations[0], type: 'contains', target: variant.id}])
    expect(result.manifest.clusters.map((cluster) => cluster.canonical)).toEqual([original.id])
  })

  it('fills the variant’s date and author from the original, citing its bytes', () => {
    expect(variant.metadata.date).toBe('2023-09-02')
    expect(variant.metadata.author).toEqual(['Tomasz Wierzbicki'])
    expect(variant.evidence.date![0]).toMatchObject({path: original.source.path, line: 1, via: original.id})
    expect(variant.evidence.author![0]).toMatchObject({path: original.source.path, text: 'Tomasz Wierzbicki', via: original.id})
    expect(checkEvidence(result)).toEqual([])
    const {frontmatter} = readMarkdown(result.files.get(variant.output.path)!)
    expect(frontmatter).toMatchObject({date: '2023-09-02', author: ['Tomasz Wierzbicki']})
    expect((frontmatter.provenance as Record<string, unknown>).inherited).toMatchObject({
      date: {from: original.id, path: original.source.path},
      author: {from: original.id, path: original.source.path}
    })
  })

  it('leaves the original’s own values alone', () => {
    expect(original.evidence.date!.every((item) => item.via === undefined)).toBe(true)
    expect(readMarkdown(result.files.get(original.output.path)!).frontmatter.provenance).not.toHaveProperty('inherited')
  })
})

describe('a syndicated copy with an extra byline', () => {
  let result: BuildResult
  beforeAll(async () => {
    const text = article('vaccine-trial.txt')
    const lines = text.split('\n')
    // Headline, then a byline the original does not have, and the wire's name at the end.
    const copy = [...lines.slice(0, 3), '', 'By Amara Okonkwo, Health Correspondent', ...lines.slice(3)].join('\n') + '\nSource: Daily Meridian\n'
    const root = place('syndicated', {'wire/original.txt': text, 'meridian/copy.txt': copy})
    result = await build({paths: [root], referenceDate})
  })

  it('joins them, the copy a duplicate of the words of the original', () => {
    const original = byName(result, 'wire/original.txt')
    const copy = byName(result, 'meridian/copy.txt')
    expect(result.manifest.clusters).toHaveLength(1)
    expect(original.cluster).toBe(copy.cluster)
    const relation = [...original.relations, ...copy.relations][0]
    expect(relation.type).toBe('duplicate-of')
  })

  it('lets the original take the author and source of the copy, and says from where', () => {
    const original = byName(result, 'wire/original.txt')
    const copy = byName(result, 'meridian/copy.txt')
    expect(copy.metadata.author).toEqual(['Amara Okonkwo'])
    expect(original.metadata.author).toEqual(['Amara Okonkwo'])
    expect(original.metadata.source).toBe('Daily Meridian')
    expect(original.evidence.source![0]).toMatchObject({path: copy.source.path, via: copy.id})
    expect(checkEvidence(result)).toEqual([])
  })
})

describe('two articles on the same topic in different words', () => {
  it('stay apart', async () => {
    const root = place('same-topic', {
      'coastal.txt': article('harbour-flood-coastal-post.txt'),
      'herald.txt': article('harbour-flood-northern-herald.txt')
    })
    const result = await build({paths: [root], referenceDate})
    expect(result.manifest.clusters).toEqual([])
    expect(result.manifest.documents.map((document) => [document.cluster, document.relations])).toEqual([
      [null, []],
      [null, []]
    ])
  })
})

describe('a conflict between members', () => {
  let result: BuildResult
  beforeAll(async () => {
    const text = article('library-reopens.txt')
    const copy = truncate(text.replace(' date 2021-10-05', ' date 2021-10-06'), 0.8)
    const root = place('conflict', {'library.txt': text, 'library-later.txt': copy})
    result = await build({paths: [root], referenceDate})
  })

  it('keeps the canonical’s date for the cluster and each member’s own date', () => {
    const [cluster] = result.manifest.clusters
    const canonical = byName(result, '/library.txt')
    const copy = byName(result, 'library-later.txt')
    expect(cluster.canonical).toBe(canonical.id)
    expect(cluster.metadata.date).toBe('2021-10-05')
    expect(copy.metadata.date).toBe('2021-10-06')
    expect(cluster.conflicts).toEqual([{field: 'date', via: copy.id, value: '2021-10-06'}])
  })

  it('warns on the copy, citing both places', () => {
    const canonical = byName(result, '/library.txt')
    const copy = byName(result, 'library-later.txt')
    expect(copy.warnings.filter((warning) => warning.ruleId === 'cluster-conflict')).toEqual([
      {
        ruleId: 'cluster-conflict',
        message: `Unexpected \`date\` \`2021-10-06\` (1:2) in a copy of \`${canonical.source.path}\`, which has \`2021-10-05\` (1:2); the cluster keeps \`2021-10-05\`, this document keeps its own`,
        line: 1,
        column: 2
      }
    ])
    expect(canonical.warnings.some((warning) => warning.ruleId === 'cluster-conflict')).toBe(false)
  })
})

describe('determinism under input order', () => {
  it('gives the same clusters and the same bytes whatever order the files come in', async () => {
    const files: Record<string, string> = {}
    for (const name of ['harbour-flood-coastal-post.txt', 'harbour-flood-northern-herald.txt', 'rail-strike.txt', 'vaccine-trial.txt', 'library-reopens.txt']) {
      files[name] = article(name)
      files[`z-${name}`] = roughen(truncate(article(name), 0.6))
      files[`copies/${name}`] = article(name)
    }
    const names = Object.keys(files)
    // Two folders written in opposite orders, given file by file in shuffled orders.
    const first = place('order-1', Object.fromEntries(names.map((name) => [name, files[name]])))
    const second = place('order-2', Object.fromEntries([...names].reverse().map((name) => [name, files[name]])))
    const shuffled = (root: string, seed: number) =>
      names
        .map((name, index) => ({name, key: (index * 7919 + seed * 104729) % 257}))
        .sort((a, b) => a.key - b.key)
        .map(({name}) => path.join(root, name))

    process.chdir(first)
    const a = await build({paths: shuffled('.', 1), referenceDate})
    const b = await build({paths: [...names].reverse(), referenceDate})
    process.chdir(second)
    const c = await build({paths: shuffled('.', 5), referenceDate})
    expect(a.manifest.clusters).toHaveLength(5)
    expect(a.manifest.clusters.every((cluster) => cluster.members.length === 3)).toBe(true)
    expect([...b.files].sort()).toEqual([...a.files].sort())
    expect([...c.files].sort()).toEqual([...a.files].sort())
  })
})

describe('link()', () => {
  /** Deterministic pseudo-random words (a linear congruential generator). */
  function randomText(seed: number, words: number): string {
    let state = seed
    const out: string[] = []
    for (let index = 0; index < words; index++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0
      out.push(`w${(state >>> 8) % 5000}`)
    }
    return out.join(' ')
  }
  const input = (id: string, text: string, eligible = true): LineageInput => ({id, path: `${id}.txt`, fingerprint: fingerprintText(text), fields: 0, eligible})

  it('joins nothing among unrelated texts, comparing few pairs', () => {
    const inputs = Array.from({length: 400}, (_, index) => input(String(index).padStart(16, '0'), randomText(index + 1, 300)))
    const lineage = link(inputs)
    expect(lineage.clusters).toEqual([])
    expect(lineage.stats.candidates).toBeLessThan(400)
  })

  it('finds a variant that starts and ends in the middle of the original', () => {
    const text = randomText(7, 600)
    const middle = text.split(' ').slice(200, 380).join(' ')
    const lineage = link([input('a'.repeat(16), text), input('b'.repeat(16), middle), input('c'.repeat(16), randomText(8, 600))])
    expect(lineage.clusters).toEqual([{id: `c-${'a'.repeat(16)}`, canonical: 'a'.repeat(16), members: ['a'.repeat(16), 'b'.repeat(16)]}])
  })

  it('leaves out ineligible documents (listings) and texts too short to judge', () => {
    const text = randomText(9, 400)
    expect(link([input('a'.repeat(16), text), input('b'.repeat(16), text, false)]).clusters).toEqual([])
    expect(link([input('a'.repeat(16), 'a b c d e f'), input('b'.repeat(16), 'a b c d e f')]).clusters).toEqual([])
  })

  it('gives the same result when fingerprints hold only the number of shingles, loading the shingles of checked pairs only', () => {
    // Unrelated texts, and variants and copies of a few of them.
    const originals = Array.from({length: 300}, (_, index) => randomText(index + 100, 250))
    const full = [
      ...originals.map((text, index) => input(`o${String(index).padStart(15, '0')}`, text)),
      ...originals.slice(0, 20).map((text, index) => input(`v${String(index).padStart(15, '0')}`, text.split(' ').slice(30, 200).join(' '))),
      ...originals.slice(20, 30).map((text, index) => input(`d${String(index).padStart(15, '0')}`, text))
    ]
    const loaded: string[] = []
    const slim = full.map((item) => ({...item, fingerprint: {...item.fingerprint, shingles: item.fingerprint.shingles.length}, own: item.fingerprint.shingles}))
    const expected = link(full)
    expect(expected.clusters.length).toBeGreaterThanOrEqual(25)
    const got = link(slim, {
      shingles: (item) => {
        loaded.push(item.id)
        return item.own
      }
    })
    expect(got).toEqual(expected)
    // Only texts in a checked pair are loaded, each about once (the pairs come in order of their first member).
    expect(new Set(loaded).size).toBeLessThan(100)
    expect(loaded.length).toBeLessThan(2 * new Set(loaded).size)
    // Without a loader, count-only fingerprints are refused.
    expect(() => link(slim)).toThrow(/Missing `shingles`/)
  })

  it('does not bridge two works through a short text both contain', () => {
    const shared = randomText(11, 80)
    const a = `${randomText(12, 400)} ${shared}`
    const b = `${shared} ${randomText(13, 400)}`
    const lineage = link([input('a'.repeat(16), a), input('b'.repeat(16), b), input('c'.repeat(16), shared)])
    expect(lineage.clusters).toHaveLength(1)
    expect(lineage.clusters[0].members).toHaveLength(2)
    expect(lineage.relations.get('c'.repeat(16))!.map((relation) => relation.type)).toEqual(['variant-of', 'variant-of'])
  })
})
