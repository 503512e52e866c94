/** `identifyLanguage` gives franc's answer, sample for sample. */
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {franc} from 'franc'
import {iso6393To1} from 'iso-639-3'
import {afterAll, describe, expect, it} from 'vitest'
import {identifyLanguage} from '../plugins/support/language.js'
import {writeCorpus} from './bench/throughput.js'

const root = path.join(import.meta.dirname, '..')
const only = Object.keys(iso6393To1)
const candidates = new Set(only)
const work = mkdtempSync(path.join(tmpdir(), 'docprov-language-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

/** Every paragraph of every text file under `folder`. */
function paragraphs(folder: string): string[] {
  const found: string[] = []
  for (const entry of readdirSync(folder, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile() || !/\.(txt|md)$/.test(entry.name)) continue
    found.push(...readFileSync(path.join(entry.parentPath, entry.name), 'utf8').split(/\r?\n\s*\r?\n/))
  }
  return found
}

describe('identifyLanguage', () => {
  it('agrees with franc on every paragraph of the seeds, fixtures and evaluation cases', () => {
    const samples = [...paragraphs(path.join(root, 'seeds')), ...paragraphs(path.join(root, 'test'))]
    expect(samples.length).toBeGreaterThan(500)
    for (const minLength of [10, 40]) {
      for (const sample of samples) expect(identifyLanguage(sample, {minLength, only: candidates}), sample.slice(0, 80)).toBe(franc(sample, {minLength, only}))
    }
  })

  it('agrees with franc on the benchmark corpus (whole files, past franc’s 2,048 characters)', () => {
    const folder = path.join(work, 'corpus')
    writeCorpus(folder, 300, 3)
    for (const name of readdirSync(folder)) {
      const text = readFileSync(path.join(folder, name), 'utf8')
      expect(identifyLanguage(text, {minLength: 40, only: candidates}), name).toBe(franc(text, {minLength: 40, only}))
    }
  })

  it('agrees with franc on arbitrary text in many scripts, with and without a candidate list', () => {
    const scripts = ['abcdefghij klmnopqrst uvwxyz éèàç ', 'абвгдежзиклмнопрст ', 'αβγδεζηθικλμνξ ', 'אבגדהוזחטיכלמנ ', 'ابتثجحخدذرزسشص ', 'कखगघङचछजझञटठडढण ', '日本語の文章です中文 ', 'ㄱㄴㄷ한국어 ', '0123456789 .,;:!? ']
    const text = fc
      .array(fc.tuple(fc.constantFrom(...scripts), fc.integer({min: 1, max: 40})), {minLength: 1, maxLength: 12})
      .chain((parts) =>
        fc.tuple(...parts.map(([alphabet, length]) => fc.string({unit: fc.constantFrom(...alphabet), minLength: length, maxLength: length * 3})))
      )
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, fc.boolean(), (value, restricted) => {
        const options = restricted ? {only} : {}
        expect(identifyLanguage(value, {minLength: 10, only: restricted ? candidates : new Set()})).toBe(franc(value, {minLength: 10, ...options}))
      }),
      {numRuns: 500, seed: 20261121}
    )
  })

  it('agrees with franc on any Unicode, astral characters and lone surrogates included', () => {
    const unit = fc.oneof(
      fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz  .,'),
      fc.integer({min: 0, max: 0x10ffff}).map((code) => String.fromCodePoint(code)),
      fc.integer({min: 0xd800, max: 0xdfff}).map((code) => String.fromCharCode(code)),
      fc.constantFrom('𠀀', '𝐀', '😀', '\u{1B170}', 'İ', 'ẞ', '\u00A0', '\u2028')
    )
    fc.assert(
      fc.property(fc.string({unit, minLength: 10, maxLength: 200}), fc.boolean(), (value, restricted) => {
        const options = restricted ? {only} : {}
        expect(identifyLanguage(value, {minLength: 10, only: restricted ? candidates : new Set()})).toBe(franc(value, {minLength: 10, ...options}))
      }),
      {numRuns: 300, seed: 20261122}
    )
  })
})
