/** Plugin: take the publication date from the ` date YYYY-MM-DD` header of crawl dumps. */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {cite, field, hasField, placeOf, plainText, removeChild, removePrefix, setField, textSpan} from './support/evidence.js'

/** Options of `extractDate`. */
export interface Options {
  /** Dates after this day are rejected (default: `SOURCE_DATE_EPOCH`, else now). */
  referenceDate?: Date
}

const emptyOptions: Options = {}
const header =
  /^date\s+(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?(?=\s|$)/i
/** Earliest plausible publication date of a web article. */
const earliest = Date.UTC(1995, 0, 1)

/**
 * Read the crawl header (` date 2021-11-08`, optionally with a time) at the start
 * of the file into `date`, and remove it from the body. Sets `date` and `updated`
 * (always; `null` when not found) and warns `no-date` when there is no date.
 */
export default function extractDate(options: Options | null | undefined = emptyOptions) {
  const settings = options ?? emptyOptions
  if (settings.referenceDate !== undefined && Number.isNaN(settings.referenceDate.getTime?.())) {
    throw new TypeError('Invalid `referenceDate` in `options`, expected a valid `Date`')
  }
  return function (tree: Root, file: VFile): undefined {
    const reference = settings.referenceDate ?? referenceDay()
    const first = tree.children[0]
    const text = plainText(first)
    const match = text ? header.exec(text.value) : null
    // A rejected date was warned about already: no second, vaguer `no-date`.
    let warned = false

    if (first && text && match) {
      const [, year, month, day, hour, minute, second, zone] = match
      const span = textSpan(text, 0, match[0].length)
      const iso = toIso(year, month, day, hour, minute, second, zone)
      const time = iso ? Date.parse(iso.length === 10 ? iso + 'T00:00:00Z' : iso) : Number.NaN
      if (!iso || Number.isNaN(time)) {
        warned = true
        file.message(`Unexpected date \`${year}-${month}-${day}\` in the crawl header, expected a real calendar date`, {
          place: placeOf(cite(file, 'crawl-date-header', span)),
          ruleId: 'invalid-date',
          source: 'docprov'
        })
      } else if (time < earliest || time > reference.getTime()) {
        warned = true
        file.message(
          `Unexpected date \`${iso}\` in the crawl header, expected a day between 1995-01-01 and ${reference.toISOString().slice(0, 10)}`,
          {place: placeOf(cite(file, 'crawl-date-header', span)), ruleId: 'implausible-date', source: 'docprov'}
        )
      } else {
        setField(file, 'date', field<string | null>(iso, [cite(file, 'crawl-date-header', span)]))
      }
      if (match[0].length >= text.value.length) removeChild(file, tree, 0, 'crawl-date-header')
      else removePrefix(file, first as never, text, match[0].length, 'crawl-date-header')
    }

    setField(file, 'date', field<string | null>(null))
    setField(file, 'updated', field<string | null>(null))
    if (!hasField(file, 'date') && !warned) {
      file.message('Missing publication date, expected a ` date YYYY-MM-DD` crawl header or a dateline', {
        place: {line: 1, column: 1},
        ruleId: 'no-date',
        source: 'docprov'
      })
    }
    return undefined
  }
}

/** The day after which dates are rejected: `SOURCE_DATE_EPOCH` when set, else now. */
export function referenceDay(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000)
  return new Date()
}

function toIso(
  year: string,
  month: string,
  day: string,
  hour?: string,
  minute?: string,
  second?: string,
  zone?: string
): string | undefined {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
  if (
    date.getUTCFullYear() !== Number(year) ||
    date.getUTCMonth() !== Number(month) - 1 ||
    date.getUTCDate() !== Number(day)
  ) {
    return undefined
  }
  const ymd = `${year}-${month}-${day}`
  if (!hour) return ymd
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return undefined
  const offset = zone ? (zone === 'Z' || zone === 'z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : ''
  return `${ymd}T${hour}:${minute}:${second ?? '00'}${offset}`
}
