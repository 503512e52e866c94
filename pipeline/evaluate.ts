/** Evaluation: per-field precision and recall against hand-labelled raw files. */
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {metadataOf} from '../plugins/support/metadata.js'
import {normalizeText} from '../plugins/support/normalize.js'
import {compare, formatOf} from './discover.js'
import {DocprovError} from './errors.js'
import {createProcessor} from './processor.js'
import {loadProfiles} from './profiles.js'

/** Fields that are scored, in report order (`boilerplate` scores `removed` and `kept` lines). */
export const scoredFields = ['title', 'date', 'updated', 'author', 'source', 'section', 'lang', 'kind', 'series', 'disclaimer', 'boilerplate'] as const
export type ScoredField = (typeof scoredFields)[number]

/** Counts and scores of one field. */
export interface FieldScore {
  truePositives: number
  falsePositives: number
  falseNegatives: number
  /** Of the values given, the share that were right (1 when none were given). */
  precision: number
  /** Of the values expected, the share that were given (1 when none were expected). */
  recall: number
}

/** One mismatch between what was expected and what came out. */
export interface Mismatch {
  case: string
  field: ScoredField
  expected: unknown
  actual: unknown
}

/** The result of `evaluate`. */
export interface Evaluation {
  cases: number
  fields: Record<ScoredField, FieldScore>
  mismatches: Mismatch[]
}

/**
 * Run docprov on every `<case>/input.txt` (or `input.md`) under `folder` and
 * compare with `<case>/expected.json`: `{title, date, updated, author, source,
 * section, lang, kind, series, disclaimer, removed: [lines], kept: [lines]}`.
 * Fields missing from `expected.json` are not scored for that case.
 */
export async function evaluate(folder: string, options: {referenceDate?: Date} = {}): Promise<Evaluation> {
  const entries = await readdir(folder, {withFileTypes: true}).catch((error: NodeJS.ErrnoException) => {
    throw new DocprovError(`Cannot read evaluation folder \`${folder}\` (${error.code ?? error.message}): name a folder of <case>/input.txt and expected.json`, {
      code: 'usage',
      path: folder,
      cause: error
    })
  })
  const names = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name).sort(compare)
  const counts = Object.fromEntries(scoredFields.map((field) => [field, {tp: 0, fp: 0, fn: 0}])) as Record<ScoredField, {tp: number; fp: number; fn: number}>
  const mismatches: Mismatch[] = []
  const profiles = await loadProfiles()

  for (const name of names) {
    const caseFolder = path.join(folder, name)
    const files = await readdir(caseFolder)
    const input = files.find((file) => /^input\.(?:txt|md)$/.test(file))
    if (!input || !files.includes('expected.json')) {
      throw new DocprovError(`Case \`${caseFolder}\` needs an input.txt (or input.md) and an expected.json`, {code: 'usage', path: caseFolder})
    }
    const expected = JSON.parse(await readFile(path.join(caseFolder, 'expected.json'), 'utf8')) as Record<string, unknown>
    const file = new VFile({path: path.join(caseFolder, input), value: new Uint8Array(await readFile(path.join(caseFolder, input)))})
    let markdown = ''
    let metadata: Record<string, unknown> = {}
    try {
      markdown = String(await createProcessor({format: formatOf(input) ?? 'text', referenceDate: options.referenceDate, profiles}).process(file))
      metadata = metadataOf(file) as unknown as Record<string, unknown>
    } catch {
      // A rejected case gives nothing: every expected value is missed.
    }
    const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '')

    for (const field of scoredFields) {
      if (field === 'boilerplate') {
        for (const line of (expected.removed as string[] | undefined) ?? []) {
          if (hasLine(body, line)) {
            counts.boilerplate.fn++
            mismatches.push({case: name, field, expected: `removed: ${line}`, actual: 'kept'})
          } else counts.boilerplate.tp++
        }
        for (const line of (expected.kept as string[] | undefined) ?? []) {
          if (containsLine(body, line)) continue
          counts.boilerplate.fp++
          mismatches.push({case: name, field, expected: `kept: ${line}`, actual: 'removed'})
        }
        continue
      }
      if (!(field in expected)) continue
      const want = expected[field]
      const got = metadata[field] ?? null
      if (field === 'author') {
        const wanted = ((want as string[] | null) ?? []).map(key)
        const given = ((got as string[] | null) ?? []).map(key)
        const right = given.filter((item) => wanted.includes(item)).length
        counts.author.tp += right
        counts.author.fp += given.length - right
        counts.author.fn += wanted.length - right
        if (right !== wanted.length || right !== given.length) mismatches.push({case: name, field, expected: want, actual: got})
        continue
      }
      const same = JSON.stringify(normalize(want)) === JSON.stringify(normalize(got))
      if (same && want !== null) counts[field].tp++
      if (!same) {
        if (got !== null) counts[field].fp++
        if (want !== null) counts[field].fn++
        mismatches.push({case: name, field, expected: want, actual: got})
      }
    }
  }

  const fields = Object.fromEntries(
    scoredFields.map((field) => {
      const {tp, fp, fn} = counts[field]
      return [field, {truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn)}]
    })
  ) as Record<ScoredField, FieldScore>
  return {cases: names.length, fields, mismatches}
}

/** The evaluation as a table of per-field precision and recall. */
export function formatEvaluation(evaluation: Evaluation): string {
  const rows = scoredFields.map((field) => {
    const score = evaluation.fields[field]
    return `${field.padEnd(12)} ${score.precision.toFixed(3).padStart(9)} ${score.recall.toFixed(3).padStart(7)} ${String(score.truePositives).padStart(4)} ${String(score.falsePositives).padStart(4)} ${String(score.falseNegatives).padStart(4)}`
  })
  return [`${evaluation.cases} cases`, `${'field'.padEnd(12)} precision  recall   tp   fp   fn`, ...rows].join('\n') + '\n'
}

function normalize(value: unknown): unknown {
  return typeof value === 'string' ? normalizeText(value).value : value ?? null
}

function key(name: string): string {
  return normalizeText(name).value.toLowerCase()
}

/** Whether a removed line still stands in the body as a whole line (a heading or paragraph). */
function hasLine(body: string, line: string): boolean {
  const wanted = flatten(line)
  return body.split('\n').some((part) => flatten(part.replace(/^#{1,6}\s+/u, '')) === wanted)
}

function flatten(value: string): string {
  return normalizeText(value.replace(/\\([\\`*_{}[\]()#+\-.!<>|~&])/g, '$1')).value.replace(/\s+/g, ' ')
}

function containsLine(body: string, line: string): boolean {
  // The body is Markdown: compare without escapes and line structure.
  return flatten(body).includes(flatten(line))
}
