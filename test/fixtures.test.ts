/**
 * Replays every case in test/fixtures/<case>/: `input.txt` or `input.md` (and an
 * optional `config.json`) must give `output.md` and `messages.txt`. Regenerate
 * the expectations with `UPDATE=1 npm test` and review the diff.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {evidenceOf} from '../plugins/support/metadata.js'
import {decodeAs} from '../plugins/support/decode.js'
import {codePageNamed, normalizeText, windows1252, type CodePage} from '../plugins/support/normalize.js'
import {createProcessor} from '../pipeline/processor.js'
import {badSpans, readMarkdown} from './helpers.js'

/** The paragraphs of plain text, found independently of the parser: split on blank lines, else on lines. */
function rawParagraphs(text: string, page: CodePage): string[] {
  const hasBlank = /\n[^\S\n]*\n/u.test(text.replace(/\r\n?/g, '\n').trim())
  return text
    .replace(/\r\n?/g, '\n')
    .split(hasBlank ? /\n(?:[^\S\n]|[\u200b\ufeff\u00ad])*\n/u : /\n/u)
    .map((part) => normalizeText(part, 0, page).value)
    .filter(Boolean)
}

const root = path.join(import.meta.dirname, 'fixtures')
const update = Boolean(process.env.UPDATE)
const cases = readdirSync(root).filter((name) => !name.startsWith('.')).sort()

describe('fixtures', () => {
  it('has at least 12 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12)
  })

  for (const name of cases) {
    it(name, async () => {
      const folder = path.join(root, name)
      const inputName = existsSync(path.join(folder, 'input.md')) ? 'input.md' : 'input.txt'
      const config = existsSync(path.join(folder, 'config.json'))
        ? (JSON.parse(readFileSync(path.join(folder, 'config.json'), 'utf8')) as {referenceDate?: string})
        : {}
      const raw = new Uint8Array(readFileSync(path.join(folder, inputName)))
      const file = new VFile({path: `${name}/${inputName}`, value: raw})
      const processor = createProcessor({
        format: inputName === 'input.md' ? 'markdown' : 'text',
        referenceDate: new Date(config.referenceDate ?? '2026-01-01T00:00:00Z')
      })
      const markdown = String(await processor.process(file))
      const messages =
        file.messages.map((message) => `${message.line ?? 0}:${message.column ?? 0} ${message.ruleId} ${message.reason}`).join('\n') + '\n'

      if (update) {
        writeFileSync(path.join(folder, 'output.md'), markdown)
        writeFileSync(path.join(folder, 'messages.txt'), messages)
      }
      expect(markdown).toBe(readFileSync(path.join(folder, 'output.md'), 'utf8'))
      expect(messages).toBe(readFileSync(path.join(folder, 'messages.txt'), 'utf8'))

      // Every evidence span and removal decodes to its text.
      const encoding = file.data.decoded!.encoding
      const spans = [...Object.values(evidenceOf(file)).flat(), ...(file.data.removed ?? [])]
      expect(badSpans(raw, encoding, spans)).toEqual([])

      // Plain text comes back as the same normalized paragraphs, literally, and
      // every paragraph of the raw file is either in the output or recorded as removed.
      if (inputName === 'input.txt') {
        const {blocks} = readMarkdown(markdown)
        // (mojibake repaired as the document's was)
        const page = codePageNamed(file.data.decoded!.mojibake ?? '') ?? windows1252
        const paragraphs = rawParagraphs(decodeAs(raw.subarray(file.data.decoded!.bomBytes), encoding, false), page)
        // A block of short lines may be split into one paragraph per line.
        const lines = paragraphs.flatMap((paragraph) => paragraph.split('\n'))
        const removed = (file.data.removed ?? []).map((item) => normalizeText(item.text, 0, page).value)
        for (const block of blocks) {
          expect(['paragraph', 'h2']).toContain(block.type)
          const whole = [...paragraphs, ...lines].some((paragraph) => paragraph === block.text || paragraph.endsWith(' ' + block.text))
          expect(whole, `not a paragraph or line of the input: ${block.text}`).toBe(true)
        }
        const kept = new Set(blocks.map((block) => block.text))
        for (const paragraph of paragraphs) {
          // Strip removed prefixes (a crawl header, then a headline) off the paragraph.
          let rest = paragraph
          for (let changed = true; changed && rest; ) {
            const prefix = removed.find((item) => item && rest.startsWith(item))
            changed = prefix !== undefined
            if (prefix) rest = rest.slice(prefix.length).trim()
          }
          const byLine = paragraph.split('\n').every((line) => kept.has(line) || removed.includes(line))
          const accounted = rest === '' || kept.has(rest) || byLine
          expect(accounted, `paragraph lost: ${paragraph}`).toBe(true)
        }
      }
    })
  }
})
