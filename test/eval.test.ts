/** The evaluation set (test/eval): the precision and recall the project promises. */
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {evaluate, formatEvaluation, scoredFields, type Evaluation} from '../pipeline/evaluate.js'

let evaluation: Evaluation

beforeAll(async () => {
  evaluation = await evaluate(path.join(import.meta.dirname, 'eval'), {referenceDate: new Date('2026-01-01T00:00:00Z')})
})

describe('evaluation set', () => {
  it('has at least 30 cases', () => {
    expect(evaluation.cases).toBeGreaterThanOrEqual(30)
  })

  it('never gives a wrong date or source (precision 1.0)', () => {
    expect(evaluation.mismatches.filter((item) => item.field === 'date' || item.field === 'source')).toEqual([])
    expect(evaluation.fields.date.precision).toBe(1)
    expect(evaluation.fields.source.precision).toBe(1)
  })

  it('finds at least 90% of every field', () => {
    const low = scoredFields.filter((field) => evaluation.fields[field].recall < 0.9)
    expect(low, formatEvaluation(evaluation)).toEqual([])
  })

  it('never removes a line a person would keep', () => {
    expect(evaluation.mismatches.filter((item) => String(item.expected).startsWith('kept:'))).toEqual([])
  })

  it('scores what it is given: a wrong expectation counts against it', async () => {
    const {fields} = evaluation
    for (const field of scoredFields) {
      expect(fields[field].truePositives + fields[field].falseNegatives + fields[field].falsePositives).toBeGreaterThan(0)
    }
  })
})
