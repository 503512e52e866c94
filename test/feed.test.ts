/** `docprov feed`: Atom, RSS and JSON Feed 1.1, read back by the reference Python parser (python3-feedparser). */
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {execa} from 'execa'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {feed, niUri, rfc3339, titleOf, validateJsonFeed, type FeedFormat} from '../pipeline/feed.js'
import type {Manifest, ManifestDocument} from '../pipeline/manifest.js'
import {haveTool} from './helpers.js'

const root = path.join(import.meta.dirname, '..')
const cli = path.join(root, 'dist', 'pipeline', 'cli.js')
const corpus = path.join(root, 'test', 'feed', 'corpus')
const work = mkdtempSync(path.join(tmpdir(), 'docprov-feed-'))
const out = path.join(work, 'out')
const seedsOut = path.join(work, 'seeds')
const base = 'https://news.example.org/archive/'
let manifest: Manifest

beforeAll(async () => {
  await execa('node', [cli, 'build', 'test/feed/corpus', '--out', out, '--quiet'], {cwd: root})
  await execa('node', [cli, 'build', 'seeds', '--out', seedsOut, '--quiet'], {cwd: root})
  manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'))
})
afterAll(() => rmSync(work, {recursive: true, force: true}))

const byPath = (name: string) => manifest.documents.find((document) => document.source.path.endsWith('/' + name))!

interface JsonFeed {
  version: string
  title: string
  feed_url: string
  items: Array<{
    id: string
    url: string
    title: string
    content_html: string
    summary?: string
    date_published?: string
    date_modified?: string
    authors?: Array<{name: string}>
    tags?: string[]
    language?: string
    _docprov: {
      document: string
      cluster: string | null
      title: string
      raw: {path: string; sha256: string; uri: string}
      evidence: Record<string, Array<{rule: string; start: number; end: number; text: string; path: string; via?: string}>>
      members: Array<{document: string; sha256: string}>
    }
  }>
}

/** Markup that would run or load something: a script, frame or image tag, an event handler, a javascript: link. */
const liveHtml = /<(?:script|iframe|img|object|embed|style)\b|<[^>]*\son[a-z]+\s*=|href\s*=\s*["']?\s*javascript:/i

async function jsonOf(options: Partial<Parameters<typeof feed>[0]> = {}): Promise<JsonFeed> {
  const result = await feed({from: out, format: 'json', baseUrl: base, ...options})
  return JSON.parse(result.text) as JsonFeed
}

describe('the seeds feed', () => {
  for (const format of ['atom', 'rss', 'json'] as const) {
    it(`has exactly one ${format} item: the cluster of 000_ and 001_, dated 2021-11-08, source TRT World`, async () => {
      const result = await feed({from: seedsOut, format, baseUrl: base})
      expect(result.items).toHaveLength(1)
      const [item] = result.items
      expect(item.document.source.path).toBe('seeds/000_3ba8a089deaed923.txt')
      expect(item.members.map((member) => member.source.path)).toEqual(['seeds/001_f6498cae55641803.txt'])
      expect(item.published).toBe('2021-11-08T00:00:00Z')
      expect(item.categories).toEqual([{term: 'TRT World', scheme: 'urn:docprov:source'}])
      expect(result.updated).toBe('2021-11-08T00:00:00Z')
      expect(result.text).toContain('TRT World')
    })
  }

  it('derives the title from the description, says so, and cites the description', async () => {
    const json = JSON.parse((await feed({from: seedsOut, format: 'json', baseUrl: base})).text) as JsonFeed
    const [item] = json.items
    expect(item._docprov.title).toBe('description')
    expect(item.summary).toBeDefined()
    expect(item.summary!.startsWith(item.title.replace(/…$/, ''))).toBe(true)
    expect(item.title.length).toBeLessThanOrEqual(120)
    expect(item._docprov.evidence.description[0].text).toBe(item.summary)
  })
})

describe('items', () => {
  it('are the articles, one per cluster, dated ones only, newest first', async () => {
    const json = await jsonOf()
    const expected = ['council-budget.txt', 'harbour-ferry.txt', 'hostile.txt', 'raw-html.md', 'french.txt'].map((name) => `urn:docprov:${byPath(name).id}`)
    expect(json.items.map((item) => item.id)).toEqual(expected)
    expect(json.items.map((item) => item.date_published)).toEqual([
      '2023-06-14T00:00:00Z',
      '2023-05-02T00:00:00Z',
      '2023-04-01T00:00:00Z',
      '2023-03-20T00:00:00Z',
      '2023-03-03T00:00:00Z'
    ])
  })

  it('leave out the listing page, and the undated article unless --include-undated', async () => {
    const result = await feed({from: out, format: 'json', baseUrl: base})
    expect(result.undated).toBe(1)
    const ids = result.items.map((item) => item.document.id)
    expect(ids).not.toContain(byPath('tag-listing.txt').id)
    expect(ids).not.toContain(byPath('undated-essay.txt').id)
    const all = await jsonOf({includeUndated: true})
    expect(all.items.map((item) => item.id).at(-1)).toBe(`urn:docprov:${byPath('undated-essay.txt').id}`)
    expect(all.items.at(-1)).not.toHaveProperty('date_published')
    expect(all.items.map((item) => item.id)).not.toContain(`urn:docprov:${byPath('tag-listing.txt').id}`)
  })

  it('stop at --limit', async () => {
    const json = await jsonOf({limit: 2})
    expect(json.items.map((item) => item.title)).toEqual(['Council approves budget with cuts to library hours', 'Ferry service to Skellan Island resumes after six-week repair'])
  })

  it('carry authors, updated date, source as a tag, language, summary and a link under --base-url', async () => {
    const json = await jsonOf()
    const council = json.items.find((item) => item.id.endsWith(byPath('council-budget.txt').id))!
    expect(council.date_modified).toBe('2023-06-15T00:00:00Z')
    const ferry = json.items.find((item) => item.id.endsWith(byPath('harbour-ferry.txt').id))!
    expect(ferry.authors).toEqual([{name: 'Mara Ortiz'}])
    expect(ferry.tags).toEqual(['Coastal Gazette'])
    expect(ferry.url).toBe(base + path.basename(byPath('harbour-ferry.txt').output.path, '.md') + '/')
    const french = json.items.find((item) => item.title.startsWith('La médiathèque'))!
    expect(french.language).toBe('fr')
    expect(json.items.every((item) => item._docprov.title === 'title')).toBe(true)
  })

  it('carry their provenance: the raw sha256 as an ni: URI, every evidence span checking against the raw bytes, and the other copies', async () => {
    const json = await jsonOf()
    for (const item of json.items) {
      const {raw, evidence} = item._docprov
      const bytes = readFileSync(path.join(root, raw.path))
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(raw.sha256)
      expect(raw.uri).toBe(`ni:///sha-256;${createHash('sha256').update(bytes).digest('base64url')}`)
      for (const spans of Object.values(evidence)) {
        for (const span of spans) {
          const cited = readFileSync(path.join(root, span.path)).subarray(span.start, span.end)
          expect(new TextDecoder().decode(cited)).toBe(span.text)
        }
      }
    }
    const ferry = json.items.find((item) => item.id.endsWith(byPath('harbour-ferry.txt').id))!
    expect(ferry._docprov.members.map((member) => member.document)).toEqual([byPath('harbour-ferry-copy.txt').id])
  })

  it('never turn untrusted text into live HTML', async () => {
    const json = await jsonOf()
    const html = json.items.map((item) => item.content_html).join('\n')
    expect(html).not.toMatch(liveHtml)
    for (const live of ['<script>x</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>', '<p onclick="x()">']) expect(live).toMatch(liveHtml)
    const hostile = json.items.find((item) => item.title.startsWith('Museum'))!.content_html
    // Plain text stays the same literal text, escaped.
    expect(hostile).toContain('<p>&#x3C;script>alert("pwned")&#x3C;/script></p>')
    expect(hostile).toContain('[click me](javascript:alert(1))')
    expect(hostile).toContain('<p># This line began with a hash on the original page</p>')
    expect(hostile).toContain('<p>1. This line began with a number on the original page</p>')
    expect(hostile).toContain('<p>---</p>')
    // Markdown input keeps its real links; raw HTML and javascript: links are dropped.
    const canal = json.items.find((item) => item.title.startsWith('Volunteers'))!.content_html
    expect(canal).toContain('<a href="https://example.invalid/report">trust\'s report</a>')
    expect(canal).toContain('most of them retired')
  })
})

describe('the feed', () => {
  it('is byte-identical between runs, keeps its ids when the same files are built elsewhere in another order, and is dated by its newest item', async () => {
    const other = path.join(work, 'reordered')
    const copy = path.join(work, 'corpus-copy')
    cpSync(corpus, copy, {recursive: true})
    const files = readdirSync(copy).map((name) => path.join(copy, name)).reverse()
    await execa('node', [cli, 'build', ...files, '--out', other, '--quiet'])
    for (const format of ['atom', 'rss', 'json'] as const) {
      const first = await feed({from: out, format, baseUrl: base})
      const second = await feed({from: out, format, baseUrl: base})
      expect(second.text).toBe(first.text)
      expect(first.updated).toBe('2023-06-15T00:00:00Z')
      const reordered = await feed({from: other, format, baseUrl: base})
      expect(reordered.items.map((item) => item.id)).toEqual(first.items.map((item) => item.id))
    }
  })

  it('validates against the JSON Feed 1.1 schema, which refuses what the specification does', async () => {
    const json = await jsonOf({includeUndated: true})
    expect(json.version).toBe('https://jsonfeed.org/version/1.1')
    expect(validateJsonFeed(json)).toEqual([])
    const [item] = json.items
    expect(validateJsonFeed({...json, version: 'https://jsonfeed.org/version/1'})).not.toEqual([])
    expect(validateJsonFeed({...json, items: [{...item, id: undefined}]})).not.toEqual([])
    expect(validateJsonFeed({...json, items: [{...item, content_html: undefined}]})).not.toEqual([])
    expect(validateJsonFeed({...json, items: [{...item, date_published: '8 November 2021'}]})).not.toEqual([])
    expect(validateJsonFeed({...json, items: [{...item, url: 'not a url'}]})).not.toEqual([])
    expect(validateJsonFeed({...json, items: [{...item, docprov: {}}]})).not.toEqual([])
    expect(validateJsonFeed({...json, _other: {x: 1}})).toEqual([])
  })

  it('is made from an archive as from a build', async () => {
    const archive = path.join(work, 'archive')
    await execa('node', [cli, 'ingest', 'seeds', '--archive', archive, '--quiet'], {cwd: root})
    const result = await feed({from: archive, format: 'atom', baseUrl: base})
    expect(result.items).toHaveLength(1)
    expect(result.items[0].id).toBe(`urn:docprov:${(await feed({from: seedsOut, format: 'atom', baseUrl: base})).items[0].document.id}`)
    expect(result.items[0].published).toBe('2021-11-08T00:00:00Z')
  })

  it('refuses a document that changed since the build, naming it', async () => {
    const copy = path.join(work, 'tampered')
    cpSync(out, copy, {recursive: true})
    const target = path.join(copy, byPath('hostile.txt').output.path)
    writeFileSync(target, readFileSync(target, 'utf8').replace('Museum', 'Musuem'))
    await expect(feed({from: copy, format: 'rss', baseUrl: base})).rejects.toThrow(`\`${target}\` changed since it was built`)
  })

  it('derives a title from the first paragraph when there is no description, and cuts a long one at a word', () => {
    const bare = {id: 'x', metadata: {title: null, description: null, lang: 'en'}} as unknown as ManifestDocument
    expect(titleOf(bare, '---\nid: x\n---\n\nFirst sentence of the body here. Second one.\n')).toEqual({text: 'First sentence of the body here.', from: 'body'})
    const long = {id: 'y', metadata: {title: null, description: 'word '.repeat(60).trim() + '.', lang: 'en'}} as unknown as ManifestDocument
    const title = titleOf(long, '')
    expect(title.from).toBe('description')
    expect(title.text).toMatch(/^(word ){20,}word…$/)
    expect([...title.text].length).toBeLessThanOrEqual(120)
  })

  it('turns dates into RFC 3339 and digests into ni: URIs', () => {
    expect(rfc3339('2021-11-08')).toBe('2021-11-08T00:00:00Z')
    expect(rfc3339('2021-11-08T10:30')).toBe('2021-11-08T10:30:00Z')
    expect(rfc3339('2021-11-08T10:30:05+02:00')).toBe('2021-11-08T10:30:05+02:00')
    expect(niUri('00'.repeat(32))).toBe('ni:///sha-256;AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
  })
})

describe('docprov feed (CLI)', () => {
  it('writes the feed to --out atomically, picking the format from its extension', async () => {
    const file = path.join(work, 'feed.json')
    const result = await execa('node', [cli, 'feed', '--from', out, '--base-url', base, '--out', file])
    expect(result.stderr).toBe(`5 items, json → ${file} (1 undated article left out: --include-undated lists them)`)
    expect(readFileSync(file, 'utf8')).toBe((await feed({from: out, format: 'json', baseUrl: base})).text)
  })

  it('prints Atom on stdout by default', async () => {
    const result = await execa('node', [cli, 'feed', '--from', out, '--base-url', base, '--limit', '1'])
    expect(result.stdout).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/)
    expect(result.stderr).toMatch(/^1 item, atom/)
  })

  it.each([
    [['--from', 'output'], /Missing `--base-url URL`/],
    [['--base-url', base], /Missing `--from DIR`/],
    [['--from', 'output', '--base-url', 'example.org'], /Invalid --base-url `example.org`: expected an absolute URL/],
    [['--from', 'output', '--base-url', 'ftp://example.org/'], /expected an http or https URL/],
    [['--from', 'output', '--base-url', base, '--format', 'html'], /Invalid --format `html`, expected atom, rss or json/],
    [['--from', 'output', '--base-url', base, '--limit', '0'], /Invalid --limit `0`/],
    [['output', '--base-url', base], /Unexpected `output`: name the folder with --from/]
  ])('refuses %j with a clear usage error', async (args, message) => {
    const result = await execa('node', [cli, 'feed', ...args], {cwd: root, reject: false})
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toMatch(message)
    expect(result.stderr).toContain('Try `docprov feed --help`.')
  })

  it('says how to make the manifest when --from has none', async () => {
    const result = await execa('node', [cli, 'feed', '--from', path.join(work, 'nothing'), '--base-url', base], {reject: false})
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toMatch(/Cannot read `.*nothing\/manifest\.json` \(ENOENT\): make it with `docprov build … --out .*nothing`/)
  })

  it('has --help', async () => {
    const result = await execa('node', [cli, 'feed', '--help'])
    expect(result.stdout).toContain('Usage: docprov feed --from DIR --base-url URL [options]')
    expect(result.stdout).toContain('--include-undated')
  })
})

const python = '/usr/bin/python3'
const hasFeedparser = haveTool(
  'python3-feedparser (for /usr/bin/python3)',
  () => spawnSync(python, ['-c', 'import feedparser'], {stdio: 'ignore'}).status === 0,
  'apt-get install python3-feedparser'
)

/** What feedparser makes of a feed file. */
function parsed(file: string) {
  const script = `
import feedparser, json, sys, calendar
d = feedparser.parse(sys.argv[1])
def iso(t):
    return None if t is None else '%04d-%02d-%02dT%02d:%02d:%02dZ' % tuple(t[:6])
print(json.dumps({
  'bozo': int(d.bozo), 'exception': str(d.get('bozo_exception', '')), 'version': d.version,
  'title': d.feed.get('title'), 'updated': iso(d.feed.get('updated_parsed')),
  'entries': [{
    'id': e.get('id'), 'title': e.get('title'), 'link': e.get('link'),
    'published': iso(e.get('published_parsed')), 'updated': iso(e.get('updated_parsed')),
    'authors': [a.get('name') for a in e.get('authors', []) if a.get('name')],
    'tags': [t.term for t in e.get('tags', [])],
    'summary': e.get('summary'), 'content': (e.get('content') or [{}])[0].get('value'),
    'source': (e.get('source') or {}).get('title'),
    'links': [l.get('href') for l in e.get('links', [])]
  } for e in d.entries]
}))
`
  const result = spawnSync(python, ['-c', script, file], {encoding: 'utf8'})
  if (result.status !== 0) throw new Error(result.stderr)
  return JSON.parse(result.stdout) as {
    bozo: number
    exception: string
    version: string
    title: string
    updated: string | null
    entries: Array<{id: string; title: string; link: string; published: string | null; updated: string | null; authors: string[]; tags: string[]; summary: string | null; content: string | null; source: string | null; links: string[]}>
  }
}

describe.runIf(hasFeedparser)('feedparser (the reference Python parser) reads', () => {
  for (const [format, version] of [
    ['atom', 'atom10'],
    ['rss', 'rss20']
  ] as Array<[FeedFormat, string]>) {
    it(`the ${format} feed with bozo == 0 and the right entries, titles and dates`, async () => {
      const json = await jsonOf({includeUndated: true})
      const file = path.join(work, `feed.${format}.xml`)
      writeFileSync(file, (await feed({from: out, format, baseUrl: base, includeUndated: true, title: 'Harbour & <Town> news'})).text)
      const result = parsed(file)
      expect(result.exception).toBe('')
      expect(result.bozo).toBe(0)
      expect(result.version).toBe(version)
      expect(result.title).toBe('Harbour & <Town> news')
      expect(result.updated).toBe('2023-06-15T00:00:00Z')
      expect(result.entries.map((entry) => entry.id)).toEqual(json.items.map((item) => item.id))
      expect(result.entries.map((entry) => entry.title)).toEqual(json.items.map((item) => item.title))
      expect(result.entries.map((entry) => entry.link)).toEqual(json.items.map((item) => item.url))
      expect(result.entries.map((entry) => entry.published)).toEqual(json.items.map((item) => item.date_published ?? null))
      expect(result.entries.map((entry) => entry.authors)).toEqual(json.items.map((item) => (item.authors ?? []).map((author) => author.name)))
      expect(result.entries.map((entry) => entry.tags)).toEqual(json.items.map((item) => item.tags ?? []))
      expect(result.entries.map((entry) => entry.summary)).toEqual(json.items.map((item) => item.summary ?? null))
      for (const [index, entry] of result.entries.entries()) {
        // The raw file's digest travels as a link (feedparser normalizes the empty authority of ni:///).
        const digest = json.items[index]._docprov.raw.uri.split(';')[1]
        expect(entry.links.some((link) => link.endsWith(';' + digest))).toBe(true)
        expect(entry.content).not.toMatch(liveHtml)
      }
      if (format === 'atom') {
        expect(result.entries.map((entry) => entry.updated)).toEqual(json.items.map((item) => item.date_modified ?? item.date_published ?? '2023-06-15T00:00:00Z'))
        expect(result.entries.find((entry) => entry.title.startsWith('Ferry'))!.source).toBe('Coastal Gazette')
      }
    })
  }
})
