/**
 * Written dates in languages chrono-node has no locale for (Turkish, Polish,
 * Czech, Danish, Norwegian, Romanian): `3 Mart 2021 Çarşamba`, `12 marca 2024`,
 * `12. března 2024`, `torsdag 4. mai 2023`. Each language is a chrono-node
 * `Chrono` with one parser of its month names (nominative and genitive forms)
 * and weekdays, so the date extractor uses it as it uses chrono's own locales.
 */
import * as chrono from 'chrono-node'

interface Names {
  /** The month names by month (January first), each with its other forms. */
  months: string[][]
  weekdays: string[]
}

const names: Record<string, Names> = {
  tr: {
    months: [['ocak'], ['şubat'], ['mart'], ['nisan'], ['mayıs'], ['haziran'], ['temmuz'], ['ağustos'], ['eylül'], ['ekim'], ['kasım'], ['aralık']],
    weekdays: ['pazartesi', 'salı', 'çarşamba', 'perşembe', 'cuma', 'cumartesi', 'pazar']
  },
  pl: {
    months: [
      ['stycznia', 'styczeń'],
      ['lutego', 'luty'],
      ['marca', 'marzec'],
      ['kwietnia', 'kwiecień'],
      ['maja', 'maj'],
      ['czerwca', 'czerwiec'],
      ['lipca', 'lipiec'],
      ['sierpnia', 'sierpień'],
      ['września', 'wrzesień'],
      ['października', 'październik'],
      ['listopada', 'listopad'],
      ['grudnia', 'grudzień']
    ],
    weekdays: ['poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek', 'sobota', 'niedziela']
  },
  cs: {
    months: [
      ['ledna', 'leden'],
      ['února', 'únor'],
      ['března', 'březen'],
      ['dubna', 'duben'],
      ['května', 'květen'],
      ['června', 'červen'],
      ['července', 'červenec'],
      ['srpna', 'srpen'],
      ['září'],
      ['října', 'říjen'],
      ['listopadu', 'listopad'],
      ['prosince', 'prosinec']
    ],
    weekdays: ['pondělí', 'úterý', 'středa', 'čtvrtek', 'pátek', 'sobota', 'neděle']
  },
  da: {
    months: [['januar'], ['februar'], ['marts'], ['april'], ['maj'], ['juni'], ['juli'], ['august'], ['september'], ['oktober'], ['november'], ['december']],
    weekdays: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag']
  },
  nb: {
    months: [['januar'], ['februar'], ['mars'], ['april'], ['mai'], ['juni'], ['juli'], ['august'], ['september'], ['oktober'], ['november'], ['desember']],
    weekdays: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag']
  },
  ro: {
    months: [['ianuarie'], ['februarie'], ['martie'], ['aprilie'], ['mai'], ['iunie'], ['iulie'], ['august'], ['septembrie'], ['octombrie'], ['noiembrie'], ['decembrie']],
    weekdays: ['luni', 'marți', 'marţi', 'miercuri', 'joi', 'vineri', 'sâmbătă', 'duminică']
  }
}

/** A month name as looked up: lower case, Turkish dotless and dotted i as `i` (`ARALIK`, `aralık`), whatever the machine's locale. */
function folded(word: string): string {
  return word.toLowerCase().replace(/ı|i\u0307/gu, 'i')
}

/** Alternatives, longest first (`červenec` before `červen`). */
function either(words: string[]): string {
  return [...words].sort((a, b) => b.length - a.length).join('|')
}

/** A `Chrono` that reads `D[.] Month YYYY`, with an optional weekday before or after, in language `lang`. */
function monthChrono(lang: Names): chrono.Chrono {
  const month = new Map<string, number>()
  lang.months.forEach((forms, index) => {
    for (const form of forms) month.set(folded(form), index + 1)
  })
  const weekday = `(?:${either(lang.weekdays)})`
  const pattern = new RegExp(
    `(?<!\\p{L})(?:${weekday},?\\s+)?(\\d{1,2})\\.?\\s+(${either([...month.keys()])})(?!\\p{L}),?\\s+(\\d{4})(?!\\d)(?:,?\\s+${weekday}(?!\\p{L}))?`,
    'iu'
  )
  const parser: chrono.Parser = {
    pattern: () => pattern,
    extract(_context, match) {
      const day = Number(match[1])
      const value = month.get(folded(match[2]))
      if (value === undefined || day < 1 || day > 31) return null
      return {day, month: value, year: Number(match[3])}
    }
  }
  return new chrono.Chrono({parsers: [parser], refiners: []})
}

/**
 * Numeric dates no chrono-node locale reads: day first with spaced dots
 * (`11. 09. 2023`, dotted dates are day first everywhere) and year first with
 * dots (`2019.07.22`, as in Korea, China and Japan).
 */
function numericChrono(): chrono.Chrono {
  const spaced: chrono.Parser = {
    pattern: () => /(?<!\d)(\d{1,2})\.\s(\d{1,2})\.\s?(\d{4})(?!\d)/u,
    extract: (_context, match) => calendar(Number(match[3]), Number(match[2]), Number(match[1]))
  }
  const yearFirst: chrono.Parser = {
    pattern: () => /(?<!\d)(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\.?(?![\d.])/u,
    extract: (_context, match) => calendar(Number(match[1]), Number(match[2]), Number(match[3]))
  }
  return new chrono.Chrono({parsers: [spaced, yearFirst], refiners: []})
}

/** A day's components, or none when the month or day cannot be (the date extractor checks the rest). */
function calendar(year: number, month: number, day: number): {year: number; month: number; day: number} | null {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? {year, month, day} : null
}

/** The reader of numeric dates no locale reads, tried after the others in every document. */
export const numericDates: {strict: chrono.Chrono} = {strict: numericChrono()}

/** The month-name readers by language code, as `{strict}` like chrono's own locales. */
export const monthLocales: Record<string, {strict: chrono.Chrono}> = Object.fromEntries(
  Object.entries(names).map(([code, lang]) => [code, {strict: monthChrono(lang)}])
)
