/** Real consumers of the build output: Hugo builds a site from it, markdownlint passes it. */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {execa} from 'execa'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Manifest} from '../pipeline/manifest.js'
import {haveTool} from './helpers.js'

const root = path.join(import.meta.dirname, '..')
const cli = path.join(root, 'dist', 'pipeline', 'cli.js')
const work = mkdtempSync(path.join(tmpdir(), 'docprov-publish-'))
/** A build of every kind of input the tests hold: seeds, fixtures, eval cases, feed and lineage corpora. */
const out = path.join(work, 'out')
const inputs = ['seeds', 'test/feed/corpus', 'test/fixtures', 'test/eval', 'test/heldout', 'test/lineage/articles']
let manifest: Manifest

beforeAll(async () => {
  await execa('node', [cli, 'build', ...inputs, '--out', out, '--quiet'], {cwd: root, reject: false})
  manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'))
}, 60_000)
afterAll(() => rmSync(work, {recursive: true, force: true}))

/** Undo the HTML escaping Hugo's templates apply. */
function unescape(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([\da-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

const hasHugo = haveTool('hugo', () => spawnSync('hugo', ['version'], {stdio: 'ignore'}).status === 0, 'apt-get install hugo')

describe.runIf(hasHugo)('Hugo', () => {
  const site = path.join(root, 'test', 'hugo', 'site')
  const pub = path.join(work, 'public')
  let result: {exitCode?: number; stdout: string; stderr: string}

  beforeAll(async () => {
    result = await execa('hugo', ['--source', site, '--contentDir', out, '--destination', pub, '--quiet'], {reject: false})
  }, 60_000)

  it('builds a site whose content is the build output, exit 0 and no error', () => {
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
  })

  it('shows each document’s title (its description when it has none), date, update date and author on its page', () => {
    expect(manifest.documents.length).toBeGreaterThan(80)
    for (const document of manifest.documents) {
      const name = path.basename(document.output.path, '.md')
      const html = unescape(readFileSync(path.join(pub, name, 'index.html'), 'utf8'))
      const {title, description, date, updated, author} = document.metadata
      const heading = /<h1>(.*?)<\/h1>/s.exec(html)?.[1]
      expect(heading, document.output.path).toBe(title ?? description ?? '')
      const shown = /<time class="date" datetime="([^"]+)">/.exec(html)?.[1] ?? null
      expect(shown, document.output.path).toBe(date === null ? null : date.slice(0, 10))
      const lastmod = /<time class="lastmod" datetime="([^"]+)">/.exec(html)?.[1] ?? null
      expect(lastmod, document.output.path).toBe(updated === null || updated === date ? null : updated.slice(0, 10))
      if (author.length > 0) expect(html).toContain(`<p class="author">${author.join(', ')}</p>`)
      expect(html).toContain(`sha256 <code>${document.source.sha256}</code>`)
    }
  })

  it('lists each outlet named by `source` as a taxonomy term', () => {
    const html = unescape(readFileSync(path.join(pub, 'source', 'trt-world', 'index.html'), 'utf8'))
    const seeds = manifest.documents.filter((document) => document.source.path.startsWith('seeds/'))
    for (const document of seeds) expect(html).toContain(`/${path.basename(document.output.path, '.md')}/`)
  })

  it('renders no raw HTML from the text', () => {
    const hostile = manifest.documents.find((document) => document.source.path.endsWith('hostile.txt'))!
    const html = readFileSync(path.join(pub, path.basename(hostile.output.path, '.md'), 'index.html'), 'utf8')
    expect(html).not.toMatch(/<script>alert/)
    // The text stays (Hugo's typographer curls its quotes); the tag is not live.
    expect(html).toMatch(/<p>&lt;script&gt;alert\(.{1,8}pwned.{1,8}\)&lt;\/script&gt;<\/p>/)
  })
})

describe('markdownlint (markdownlint-cli2 with .markdownlint-cli2.jsonc)', () => {
  const lint = (cwd: string, ...globs: string[]) =>
    execa(path.join(root, 'node_modules', '.bin', 'markdownlint-cli2'), ['--config', path.join(root, '.markdownlint-cli2.jsonc'), ...globs], {cwd, reject: false})

  it('passes every output Markdown file', async () => {
    const result = await lint(out, '*.md')
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain(`Linting: ${manifest.documents.length} file(s)`)
  })

  it('finds no inline HTML in what plain-text inputs became (MD033 on)', async () => {
    const config = JSON.parse(readFileSync(path.join(root, '.markdownlint-cli2.jsonc'), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as {config: Record<string, unknown>}
    config.config.MD033 = true
    const strict = path.join(work, 'strict.markdownlint-cli2.jsonc')
    writeFileSync(strict, JSON.stringify(config))
    const names = manifest.documents.filter((document) => document.source.path.endsWith('.txt')).map((document) => document.output.path)
    expect(names.length).toBeGreaterThan(70)
    const result = await execa(path.join(root, 'node_modules', '.bin', 'markdownlint-cli2'), ['--config', strict, ...names.map((name) => ':' + name)], {cwd: out, reject: false})
    expect(result.stdout).toContain(`Linting: ${names.length} file(s)`)
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
  })

  it('passes the committed output/', async () => {
    const result = await lint(root, 'output/*.md')
    expect(result.exitCode).toBe(0)
  })

  it('still fails Markdown that breaks its rules', async () => {
    const bad = path.join(work, 'bad')
    rmSync(bad, {recursive: true, force: true})
    await execa('mkdir', ['-p', bad])
    writeFileSync(path.join(bad, 'bad.md'), '#Heading\n\n\n* item\n+ other\n')
    const result = await lint(bad, '*.md')
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toMatch(/MD018/)
    expect(result.stderr).toMatch(/MD012/)
  })
})
