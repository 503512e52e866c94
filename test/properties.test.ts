/**
 * Property-based tests (fast-check) over arbitrary bytes and over articles
 * assembled from realistic parts with hostile text in them. A fixed seed and a
 * bounded number of runs in CI; `FUZZ_RUNS=2000 npx vitest run test/properties.test.ts`
 * runs more, and `FUZZ_SEED` another sequence.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {afterAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {normalizeText} from '../plugins/support/normalize.js'
import type {Encoding} from '../plugins/support/decode.js'
import {build, type BuildResult} from '../pipeline/build.js'
import {validateManifest, type ManifestDocument} from '../pipeline/manifest.js'
import {badSpans, readMarkdown, withoutEmpty} from './helpers.js'

const runs = Number(process.env.FUZZ_RUNS ?? 40)
const seed = Number(process.env.FUZZ_SEED ?? 20261121)
const settings = {numRuns: runs, seed, endOnFailure: true}
const work = mkdtempSync(path.join(tmpdir(), 'docprov-properties-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))
const referenceDate = new Date('2026-01-01T00:00:00Z')

let count = 0
/** Build one raw file (bytes) named `name` in a folder of its own. */
async function buildOne(bytes: Uint8Array | string, name = 'input.txt'): Promise<{result: BuildResult; file: string; raw: Uint8Array}> {
  const folder = path.join(work, String(count++))
  mkdirSync(folder)
  const file = path.join(folder, name)
  writeFileSync(file, bytes)
  const result = await build({paths: [file], referenceDate})
  return {result, file, raw: new Uint8Array(readFileSync(file))}
}

/** The properties every build has: one entry per input, a valid manifest, frontmatter = metadata, spans = bytes. */
function checkBuild(result: BuildResult, file: string, raw: Uint8Array): ManifestDocument | undefined {
  const {manifest} = result
  expect(validateManifest(manifest)).toEqual([])
  expect(manifest.documents.length + manifest.rejected.length).toBe(1)
  const [document] = manifest.documents
  if (!document) {
    expect(manifest.rejected[0].path).toBe(file)
    expect(manifest.rejected[0].message).not.toBe('')
    return undefined
  }
  const markdown = result.files.get(document.output.path)!
  const {frontmatter} = readMarkdown(markdown)
  const {id, provenance, ...fields} = frontmatter as {id: string; provenance: Record<string, unknown>}
  expect(id).toBe(document.id)
  expect(provenance.sha256).toBe(document.source.sha256)
  expect(fields).toEqual(withoutEmpty(document.metadata as unknown as Record<string, unknown>))
  const spans = [...Object.values(document.evidence).flat(), ...document.removed, ...document.repairs]
  expect(badSpans(raw, document.source.encoding as Encoding, spans)).toEqual([])
  return document
}

describe('arbitrary bytes', () => {
  it('always give a document or a rejection with a reason, never an exception', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({maxLength: 600}),
      // Mostly text, with any bytes mixed in: invalid UTF-8, NUL, controls, BOMs.
      fc.array(fc.oneof(fc.string({unit: 'grapheme', maxLength: 40}), fc.uint8Array({maxLength: 4}).map((value) => Buffer.from(value).toString('latin1'))), {maxLength: 30}).map((parts) => new Uint8Array(Buffer.from(parts.join('\n'), 'latin1')))
    )
    await fc.assert(
      fc.asyncProperty(bytes, async (value) => {
        const {result, file, raw} = await buildOne(value)
        checkBuild(result, file, raw)
      }),
      settings
    )
  })

  it('treat Markdown inputs alike', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({unit: 'binary', maxLength: 400}), async (value) => {
        const {result, file, raw} = await buildOne(value, 'input.md')
        checkBuild(result, file, raw)
      }),
      settings
    )
  })
})

// Text a title or paragraph may hold that YAML, Markdown, HTML or XML would read as syntax.
const hostile = [
  ': ', '#', '# ', '@', '&', '&amp;', '*', '**', '!', '|', '>', '> ', '---', '...', '- ', '1. ', '1) ', '+ ', '"', "'", '`', '```',
  '“', '”', '‘', '’', '«', '»', '<script>alert(1)</script>', ']]>', '<![CDATA[', '[x](y)', '![i](j)', '<b>', '\\', '%', '{', '}', '[', ']',
  '\u2028', '\u2029', '\u202e', '\u200f', '\u00a0', '\t', '~~~', '___', '= ', '\u0301', 'e\u0301', '😀', 'ﬁ', 'null', 'true', '0x1F', '1e3', '~'
]
const words = ['harbour', 'council', 'ferry', 'budget', 'residents', 'crossing', 'evening', 'storm', 'timetable', 'winter', 'road', 'bay', 'vote', 'plan', 'week', 'town', 'service', 'night', 'report', 'change']

const word = fc.constantFrom(...words)
const piece = fc.oneof({weight: 4, arbitrary: word}, {weight: 1, arbitrary: fc.constantFrom(...hostile)})
/** A run of words with hostile pieces, joined by spaces or glued on. */
const phrase = (min: number, max: number) =>
  fc.array(fc.tuple(piece, fc.constantFrom(' ', ' ', ' ', '')), {minLength: min, maxLength: max}).map((items) => items.map(([text, glue]) => text + glue).join('').trim())
const sentence = phrase(6, 20).map((text) => (text ? text[0].toUpperCase() + text.slice(1) : 'Text') + '.')
const paragraph = fc.array(sentence, {minLength: 2, maxLength: 5}).map((items) => items.join(' '))

/** An article from realistic parts: crawl header, title, byline, dateline, body, disclaimer, source line. */
const article = fc.record({
  header: fc.option(fc.date({min: new Date('1996-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true}), {nil: undefined}),
  title: fc.option(phrase(3, 12), {nil: undefined}),
  byline: fc.option(fc.tuple(fc.constantFrom('Ana', 'Jon', 'Mei', 'Olu'), fc.constantFrom('Silva', 'Berg', 'Chen', 'Ade')), {nil: undefined}),
  body: fc.array(paragraph, {minLength: 1, maxLength: 6}),
  outlet: fc.option(fc.constantFrom('Harbour Times', 'Valley Courier', 'The Ledger'), {nil: undefined}),
  crlf: fc.boolean()
})

function render(value: typeof article extends fc.Arbitrary<infer T> ? T : never): string {
  const lines: string[] = []
  if (value.header) lines.push(` date ${value.header.toISOString().slice(0, 10)}`, '')
  if (value.title) lines.push(value.title, '')
  if (value.byline) lines.push(`By ${value.byline.join(' ')}`, '')
  for (const text of value.body) lines.push(text, '')
  if (value.outlet) lines.push(`Source: ${value.outlet}`, '')
  return lines.join(value.crlf ? '\r\n' : '\n')
}

describe('articles made of realistic parts with hostile text', () => {
  it('keep every body paragraph literally (or record its removal), and their metadata exact in YAML', async () => {
    await fc.assert(
      fc.asyncProperty(article, async (value) => {
        const {result, file, raw} = await buildOne(render(value))
        const document = checkBuild(result, file, raw)
        expect(document).toBeDefined()
        const markdown = result.files.get(document!.output.path)!
        // Re-parsing the Markdown gives the normalized paragraphs, as text: nothing became syntax.
        const blocks = readMarkdown(markdown).blocks.map((block) => block.text)
        const removed = document!.removed.map((item) => normalizeText(item.text).value).join('\n')
        for (const text of value.body) {
          for (const part of normalizeText(text).value.split('\n')) {
            if (!part) continue
            const kept = blocks.some((block) => block === part || block.includes(part))
            expect(kept || removed.includes(part), `lost: ${JSON.stringify(part)}\nblocks: ${JSON.stringify(blocks)}`).toBe(true)
          }
        }
        for (const block of blocks) expect(normalizeText(render(value)).value).toContain(block)
        if (value.header) expect(document!.metadata.date).toBe(value.header.toISOString().slice(0, 10))
      }),
      settings
    )
  })

  it('are a fixpoint: building the output Markdown again gives the same metadata and body', async () => {
    await fc.assert(
      fc.asyncProperty(article, async (value) => {
        const first = await buildOne(render(value))
        const document = checkBuild(first.result, first.file, first.raw)!
        const markdown = first.result.files.get(document.output.path)!
        const second = await buildOne(markdown, 'input.md')
        const again = checkBuild(second.result, second.file, second.raw)!
        expect(again.metadata).toEqual(document.metadata)
        expect(readMarkdown(second.result.files.get(again.output.path)!).blocks).toEqual(readMarkdown(markdown).blocks)
      }),
      settings
    )
  })
})
