/** Plugin: take the publication and update dates from crawl headers and datelines. */
import type {Paragraph, Root, Text} from 'mdast'
import type {VFile} from 'vfile'
import * as chrono from 'chrono-node'
import {cite, field, hasField, placeOf, plainText, removeChild, removePrefix, setField, textSpan} from './support/evidence.js'
import {eventHours, gluedDate, isCjkMetaLine, postedOnDate, postedOnLine, postFooterLine, sections, unspaced} from './support/shapes.js'
import {isProse, topZone} from './support/zones.js'
import {isKicker, trailEnd} from './extract-title.js'
import {isPersonName, namesBeforeDate} from './support/person.js'
import type {Evidence} from './types.js'
import {referenceDay} from './support/epoch.js'
import {dayOverTwelve, germanMonthFirst, monthLocales, numericDates, readersNaming, weekdayWords} from './support/months.js'

export {referenceDay, sourceDateEpoch} from './support/epoch.js'

/** Options of `extractDate`. */
export interface Options {
  /** Dates after this day are rejected (default: `SOURCE_DATE_EPOCH`, else now). */
  referenceDate?: Date
}

const emptyOptions: Options = {}
const headerPattern =
  /^date\s+(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?)?(?=\s|$)/i
/** Earliest plausible publication date of a web article. */
const earliest = Date.UTC(1995, 0, 1)

/** A date found in the text, before it is accepted. */
interface Found {
  iso: string
  evidence: Evidence
  /** Paragraph indexes to take out of the body when the date is used. */
  remove: number[]
  reason: string
}

const publishedWords =
  'first published|published|édition du|edition of|ausgabe vom|edición del|edizione del|edição de|editie van|wydanie z|fecha de publicación|data de publicação|data publikacji|data publicării|datum objave|datum objavljivanja|data di pubblicazione|date de publication|tanggal terbit|issued|imechapishwa|posted|versendet|erschienen|publication date|date published|utworzono|dodano|erstellt|publikováno|zveřejněno|publikované|uverejnené|közzétéve|objavljeno|publicat|δημοσιεύθηκε|δημοσίευση|публикувано|paskelbta|publicēts|avaldatud|julkaistu|publiceret|publisert|ngày đăng|đăng lúc|प्रकाशित|প্রকাশিত|প্রকাশ|publié(?:e)?|publicado|publicada|veröffentlicht|pubblicato|gepubliceerd|artikeln publicerades|publicerades|publicerad|publicerat|publikacja|opublikowano|опубликовано|опубліковано|diterbitkan|dipublikasikan|yayınlanma(?: tarihi)?|yayın tarihi|giriş|نُشر(?: في)?|نشر(?: في)?|تاريخ النشر|تاریخ انتشار|زمان انتشار|منتشر شده(?: در)?|פורסם|승인|입력|기사입력|등록|เผยแพร่เมื่อ|เผยแพร่|โพสต์เมื่อ|โพสต์|birt|شائع شدہ|شائع ہوا|release date|date of release|date issued|issue date|released|date'
const updatedWords =
  'last updated|updated|imesasishwa|अपडेटेड|update|last modified|modified|laatst gewijzigd|laatst bijgewerkt|laatste wijziging|zuletzt geändert|senast uppdaterad|sidst opdateret|sist oppdatert|viimeksi päivitetty|ostatnia aktualizacja|naposledy aktualizováno|utoljára frissítve|última actualización|última atualização|ultima modifica|dernière mise à jour|son güncelleme|zmodyfikowano|edytowano|aktualizováno|aktualizované|frissítve|módosítva|ažurirano|posodobljeno|actualizat|ενημερώθηκε|ενημέρωση|обновено|актуализирано|atnaujinta|atjaunots|uuendatud|päivitetty|opdateret|oppdatert|cập nhật|अपडेट|আপডেট|mis à jour|mise à jour|actualizado|actualizada|atualizado|atualizada|zuletzt aktualisiert|aktualisiert|stand|ultimo aggiornamento|aggiornato|bijgewerkt|aangepast|gewijzigd|uppdaterad|uppdaterat|aktualizacja|zaktualizowano|обновлено|оновлено|diperbarui|güncelleme|güncellenme(?: tarihi)?|آخر تحديث|آخرین به‌روزرسانی|به‌روزرسانی|بروزرسانی|تم التحديث|עודכן|수정|업데이트|ปรับปรุงล่าสุด|ปรับปรุง|แก้ไขล่าสุด|อัปเดต|อัพเดท'
const labelTail = String.raw`(?:\s+(?:on|at|le|el|am|il|op|em))?\s*[:：–—-]?\s*`
// A whole word: `Standard Chartered …` and `Datenschutz: …` are no labels.
/**
 * The bare word for a date in other languages (`Data: 14 października 2021`, `Fecha: …`, `Datum: …`): a label only
 * with its colon (`Data` alone is often a heading: `Data: Eurostat`, whose date does not parse anyway).
 */
const dateWords = 'data|datum|fecha|tarih|tanggal|dato|dátum|päivämäärä|datumi'
const published = new RegExp(`^(?:(?:${publishedWords})(?!\\p{L})${labelTail}|(?:${dateWords})\\s*[:：]\\s*)`, 'iu')
const updated = new RegExp(`^(?:${updatedWords})(?!\\p{L})${labelTail}`, 'iu')
/** An update label, maybe after the word for the page (`Updated:`, `Sidan uppdaterad`, `Page last updated`). */
const pageUpdated = new RegExp(`^(?:(?:sidan|siden|page|seite|pagina|página|strona)\\s+)?(?:${updatedWords})(?!\\p{L})${labelTail}`, 'iu')
/** Labels anywhere in a line, for lines that give both dates (`Publié le … - Mis à jour le …`). */
/** English weekdays, from Sunday, by their first three letters (`Fri`, `Friday`, `Thurs`). */
const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

/**
 * Of the two readings of a numeric date whose day and month could be swapped (`06/10/2016`), the one that falls on
 * the weekday written with it, when exactly one does; else none.
 */
function readingOnWeekday(first: number, second: number, year: number, word: string): {month: number; day: number} | undefined {
  const name = word.toLowerCase()
  if (!/^(?:sun|mon|tues?|wed|thu(?:rs?)?|fri|sat)(?:day|nesday|rsday|urday|sday)?$/u.test(name)) return undefined
  const weekday = weekdays.indexOf(name.slice(0, 3))
  const readings = [
    {month: first, day: second},
    {month: second, day: first}
  ].filter(({month, day}) => {
    const date = new Date(Date.UTC(year, month - 1, day))
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getUTCDay() === weekday
  })
  return readings.length === 1 ? readings[0] : undefined
}

/** An ISO date, with its time maybe, ending a line. */
// (or an ISO 8601 timestamp: `Інтерв’ю 2024-02-19T09:10:32+02:00`)
const isoEnd = /(?<=\s)\p{Nd}{4}-\p{Nd}{2}-\p{Nd}{2}(?:,?\s+\p{Nd}{1,2}:\p{Nd}{2}(?::\p{Nd}{2})?\s*(?:[ap]\.?m\.?)?|T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/iu
const anyLabel = new RegExp(`(?<=^|[\\s,;|·•–—-])(?:(${updatedWords})|${publishedWords})(?=[\\s:：]|$)${labelTail}`, 'giu')
/** What may stand beside a date on a dateline: separators, a read time, a weekday or “on”. */
const residue = new RegExp(
  // (brackets too: a dateline in square brackets, `[March 11, 2022]`)
  String.raw`^(?:[\s,.·|•–—/،\[\]-]|\d{1,3}\s*min(?:ute)?s?\s+read|on|le|am|el|à|às|a las|alle|um|at|om|kl\.?|klo|kello|u|o|в|о|pm|a\.m\.|p\.m\.|` +
    // An English weekday after the date (`Jun 08, 2022 Wednesday`).
    String.raw`(?:mon|tues|wednes|thurs|fri|satur|sun)day|` +
    // A time of day the parser left (`14:05 Uhr`, `09h15`, `07:00 h`, Thai `เวลา 10:30 น.`, in any script's digits: `۰۸:۴۵`), the word for year after a date (`12 март 2024 г.`, `5. maja 2020. godine`) and a zone.
    String.raw`\p{Nd}{1,2}[:h.]\p{Nd}{2}(?:[:.]\p{Nd}{2})?|uhr|h|hs|horas?|г|р|године|godine|เวลา|นาฬิกา|น|utc|gmt|cet|cest|eet|eest|wet|bst|ist|est|edt|cst|cdt|mst|mdt|pst|pdt|aest|aedt|awst|acst|nzst|nzdt|brt|wat|cat|eat|sast|pkt|sgt|hkt|jst|kst|msk|wib)*$`,
  'iu'
)
/** A view count ending a dateline: labelled, or a bare number after a time of day. */
const viewWords = String.raw`(?:views?|просмотр(?:ов|а)?|переглядів|ნანახია|görüntülenme|visualizaç(?:ões|ão)|visite|vues|aufrufe|wyświetle(?:ń|nia)|lượt xem|浏览|瀏覽|阅读|閱讀|조회(?:수)?)`
const viewCount = new RegExp(
  String.raw`(?:\s*[|·•]?\s*(?:${viewWords}\s*:?\s*\p{Nd}[\p{Nd},.]*|\p{Nd}[\p{Nd},.]*\s*${viewWords})|(?<=\p{Nd}:\p{Nd}{2})\s+\p{Nd}{1,7})\s*$`,
  'iu'
)
/** The label of a date in a user's profile, not a publication date (`Joined`, `Member since`). */
const profileLabel = /^(?:joined|member since|registered|born|birthday|mitglied seit|registriert seit|inscrit(?:e)? (?:le|depuis)|miembro desde|membro desde|iscritto dal|lid sinds|medlem sedan)\s*:?$/iu
/** A labelled field of a bar (`Source: Sinowire`, `Editor: X`). */
const labelledField = /^\s*\p{L}[\p{L} ]{1,20}:\s*\S/u
/** A place before a date's label (`Tygelsjö • Publicerad …`, `Madrid | Actualizado …`). */
const labelledPlace = /^\p{Lu}[\p{L}.’'-]*(?:\s\p{Lu}[\p{L}.’'-]*){0,2}\s+[•·|–—-]\s+(?=\p{L})/u
/**
 * A place or desk before the date on a dateline (`Madrid - `, `Redacción | Cádiz | `), or a place of capitalized
 * words (or words in a script without capitals) and a comma (`New Delhi, Monday, 5 February 2024`, `नई दिल्ली, …`), maybe
 * with the town after it and a dash (`საქართველო, ბორჯომი - 11:20 | 14.11.2023`; Georgian's letters are lower case).
 */
const leadingPlace = /^(?:(?:\s*[\p{Lu}\p{Lo}\p{Script=Georgian}][\p{L}\p{M}.’'-]*(?:\s(?:&|\p{L}[\p{L}\p{M}.’'-]*)){0,2}\s+[|–—-])+|\s*[\p{Lu}\p{Lo}\p{Script=Georgian}][\p{L}\p{M}.’'-]*(?:\s[\p{Lu}\p{Lo}\p{Script=Georgian}][\p{L}\p{M}.’'-]*){0,2},(?:\s*[\p{Lu}\p{Lo}\p{Script=Georgian}][\p{L}\p{M}.’'-]*(?:\s[\p{Lu}\p{Lo}\p{Script=Georgian}][\p{L}\p{M}.’'-]*){0,2}\s+[|–—-])?)/u
// Slashes and hyphens are written day-first or month-first; dots (`04.11.2022`) only day-first.
const ambiguous = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})\b/u
/**
 * Languages whose numeric dates are written day first (`12/03/2023` is 12 March
 * in French): in a document in one of them, `D/M/YYYY` is read so. English is
 * not among them (American and British usage differ).
 */
const dayFirst = new Set([
  'bg', 'bn', 'bs', 'ca', 'cs', 'da', 'de', 'el', 'es', 'et', 'fi', 'fr', 'he', 'hi', 'hr', 'id', 'it', 'lv', 'ms', 'nb', 'nl', 'nn', 'no', 'pl', 'pt',
  'ro', 'ru', 'sk', 'sl', 'sr', 'sv', 'sw', 'tr', 'uk', 'vi', 'az', 'be', 'hy', 'ka', 'kk', 'ky', 'mk', 'sq', 'tg', 'uz', 'eu', 'gl', 'is', 'lt', 'mt'
])
/** English's strict reader with numeric dates day first, for documents in a day-first language whose own reader has no numeric dates. */
const dayFirstNumbers: {strict: chrono.Chrono} = {strict: new chrono.Chrono(chrono.en.configuration.createConfiguration(true, true))}
const locales: Record<string, {strict: chrono.Chrono}> = {
  en: chrono.en,
  fr: chrono.fr,
  de: chrono.de,
  es: chrono.es,
  pt: chrono.pt,
  it: chrono.it,
  nl: chrono.nl,
  sv: chrono.sv,
  ru: chrono.ru,
  uk: chrono.uk
}
/** Locales tried only on documents in their language (each one tried on every document would cost time for nothing). */
const ownLocales: Record<string, Array<{strict: chrono.Chrono}>> = {
  // Month names for languages chrono-node has no locale for (`3 Mart 2021`, `12 marca 2024`).
  ...Object.fromEntries(Object.entries(monthLocales).map(([code, reader]) => [code, [reader]])),
  ar: [chrono.ar],
  // (after chrono-node's German, which reads the day first only: `Okt 08 2020`)
  de: [germanMonthFirst],
  fi: [chrono.fi],
  id: [chrono.id],
  ja: [chrono.ja],
  // (chrono-node's reads `14 tháng 9, 2015` as `14 tháng 9` without a year: docprov's first)
  vi: [monthLocales.vi, chrono.vi],
  zh: [chrono.zh]
}
/**
 * A line in one of these scripts is also tried with the month names written in it, whatever the document's language
 * (an English page's `বৃহস্পতিবার, ১৫ মার্চ, ২০১৮`).
 */
const scriptLocales: Array<[RegExp, Array<{strict: chrono.Chrono}>]> = [
  [/\p{Script=Bengali}/u, [monthLocales.bn]],
  [/\p{Script=Devanagari}/u, [monthLocales.hi]],
  [/\p{Script=Greek}/u, [monthLocales.el]],
  [/\p{Script=Hebrew}/u, [monthLocales.he]],
  [/\p{Script=Cyrillic}/u, [monthLocales.bg, monthLocales.sr]]
]

/**
 * Set `date` and `updated` from the places outlets put them, and only there:
 * the crawl header (` date 2021-11-08`, optionally with a time) at the start of
 * the file; then short lines near the top: `Published On 7 Jun 2023`,
 * `Published: 2022-03-01 09:30 GMT`, `Thursday, 19 August 2021 15:12`,
 * `Jun 3, 2021`, WordPress’s `Published` / `on` / `November 17, 2021`, and the
 * same in other languages (chrono-node, locale from `lang`). `Updated:` and
 * `Modified:` lines give `updated`. A date in a running sentence is never used.
 * Ambiguous numeric dates (`03/04/2021`; read day first in a document whose
 * language writes dates so, such as French or German), impossible dates, and dates before 1995
 * or after the reference day, and relative dates (`5 days ago`: the day they
 * count from is not in the file) are warned and not used. Used datelines leave the
 * body. A short meta line ending with an ISO date gives it (`Desk Section 2024-09-12, 6:40pm`), and without an
 * update above, a labelled stamp among the last lines gives `updated` (`Sidan uppdaterad 2019-11-08`).
 * Without a date, the update date is the date too (warned: `date-from-update`).
 * Listings (`kind: listing`) claim no date. Warns `no-date` when none.
 */
export default function extractDate(options: Options | null | undefined = emptyOptions) {
  const settings = options ?? emptyOptions
  if (settings.referenceDate !== undefined && Number.isNaN(settings.referenceDate.getTime?.())) {
    throw new TypeError('Invalid `referenceDate` in `options`, expected a valid `Date`')
  }
  return function (tree: Root, file: VFile): undefined {
    if (file.data.meta?.kind?.value === 'listing') {
      setField(file, 'date', field<string | null>(null))
      setField(file, 'updated', field<string | null>(null))
      return undefined
    }
    const reference = settings.referenceDate ?? referenceDay()
    // A rejected date was warned about already: no second, vaguer `no-date`.
    let warned = false
    const lang = file.data.meta?.lang?.value ?? 'en'
    // (the numeric forms no locale reads first: a locale would take `09:05` in `11. 09. 2023 - kl. 09:05` for a time alone)
    const parsers = [
      ...new Set(
        [numericDates, ...(locales[lang] ? [locales[lang]] : []), ...(ownLocales[lang] ?? []), dayFirst.has(lang) ? dayFirstNumbers : undefined, chrono.en, ...Object.values(locales)].filter(
          (parser) => parser !== undefined
        )
      )
    ]

    const nearby = parsers.slice(0, parsers.indexOf(chrono.en) + 1)
    const header = crawlHeader()
    let date: Found | undefined = header
    let update: Found | undefined
    const bares: Array<{found: Found; index: number}> = []
    // The page's own date, to check the crawl header against: the first under a publication label (`Published: July 9,
    // 2024`) or in a byline, else the bare dateline that would date the page.
    let labelled: Found | undefined
    const repeats: Found[] = []

    // The first paragraph of the article may open with a press release's dateline.
    // (in Chinese or Japanese, forty characters of prose are as long: `（广州，2022年11月15日）海岚新能源…`)
    const opening = tree.children.slice(0, 20).findIndex((node) => {
      const value = plainText(node)?.value ?? ''
      return value.length > 120 || (/^[（(]/u.test(value) && (value.match(unspaced.cjk)?.length ?? 0) >= 30 && isProse(value))
    })
    if (opening !== -1 && !date) pressDateline(plainText(tree.children[opening])!)
    const top = topZone(tree)
    for (const index of top) {
      const text = plainText(tree.children[index])
      if (!text || text.value.length > 120) continue
      // (a bullet before a label is the list's: `• 승인 2019.07.22 15:40`)
      const bullet = /^[•▪·]\s+/u.exec(text.value)?.[0].length ?? 0
      const line = text.value.slice(bullet).replace(/\n/gu, ' ')
      // (an event's day with its hours, from and to, is no publication date: an events box over the article, `Friday,
      // 03/15/2024 at 7:00 PM - 8:30 PM`)
      if (eventHours.test(line)) continue
      // (nor a day over its hours on the next line: `Visitation` / `Sunday, January 23, 2022` / `2:00 PM to 8:00 PM EST`)
      const next = plainText(tree.children[index + 1])
      if (next && next.value.length <= 40 && eventHours.test(next.value) && text.position!.end.line + 1 === next.position!.start.line) continue
      const labels = [...line.matchAll(anyLabel)]
      // Both dates on one line: each after its label (`Publié le … - Mis à jour le …`), or
      // the first without one (`3 juin 2024 à 06:00, mis à jour le 4 juin 2024 à 11:20`).
      const leading = labels.length > 0 && labels[0].index > 0 && Boolean(labels[0][1])
      // Or labelled dates after a bar, names first (`Marta Wieczorek, (ab) | Utworzono: 12.05.2010, 18:40 | Zmodyfikowano: …`):
      // the dates are read, the line is left for `extractByline`.
      const afterBar =
        labels.length > 0 && labels[0].index > 0 && !labels[0][1] && isPersonName(line.slice(0, labels[0].index).replace(/,?\s*(?:\([^()]{1,8}\)\s*)?\|\s*$/u, '').trim())
      if ((labels.length >= 2 && labels[0].index === 0) || leading || afterBar) {
        const first = leading ? parseLine(text, bullet, false, 'dateline', [index], bullet + labels[0].index) : undefined
        if (leading && !first) continue
        const found = labels.map((label, step) =>
          parseLine(text, bullet + label.index + label[0].length, false, label[1] ? 'updated-line' : 'published-line', afterBar ? [] : [index], bullet + (labels[step + 1]?.index ?? line.length))
        )
        // (an update label with a time only, `Wednesday 22 Jan 2025 | Actualizado a 18:01 PM`, is a site's clock:
        // its date is a bare one, which a story's dateline below may show up as a "today" widget)
        if (first && found.every((one) => one === undefined)) bares.push({found: first, index})
        else if (first) date ??= first
        found.forEach((one, step) => {
          if (one && labels[step][1]) update ??= {...one, reason: 'dateline'}
          else if (one) {
            labelled ??= one
            date ??= one
          }
        })
        continue
      }
      // A byline with its date (`By A on March 3, 2020`, `By A, 3 March 2020`, `Von A | 12.03.2022`, `Posted on 2019-07-04 by A`):
      // the date is read here, the line is left for `extractByline`.
      // A Chinese article's meta line (`字号+作者:记者 来源:东方新闻网 2013-03-04 13:51 评论(0)`): its date; the line is
      // left for `extractSource` (its source) and `stripBoilerplate`.
      if (isCjkMetaLine(line)) {
        const numeric = /(?<!\d)\d{4}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日|\/\d{1,2}\/\d{1,2})(?!\d)/u.exec(line)
        const found = numeric ? parseLine(text, bullet + numeric.index, false, 'meta-line', [], bullet + numeric.index + numeric[0].length) : undefined
        if (found) date ??= found
        continue
      }
      // A byline of names alone with the date after them (`Léa Marchetti, Thomas Gendron le samedi 9 mars 2024`): its
      // date; the line is left for `extractByline`, which takes the names.
      let byNames: Found | undefined
      for (const end of bullet === 0 && labels.length === 0 ? namesBeforeDate(line) : []) {
        byNames = parseLine(text, end, false, 'byline-date', [])
        if (byNames) {
          ;(file.data.namedDates ??= new Map()).set(text, end)
          break
        }
      }
      if (byNames) {
        labelled ??= byNames
        date ??= byNames
        continue
      }
      // (the bar may touch the name: `By Janelle Ortiz| April 18, 2023`)
      const bylineDate = /^(?:(?:posted|written|submitted|commentary|analysis|column|opinion|story|report|words) by:?|by:?|von|par|por|door|di|av)\s.{1,80}?(?:\s(?:on|am|le|el|il|op|[|–—·•-])|,|(?<=\p{L})\|)\s+/iu.exec(line)
      const postedOn = bylineDate ? undefined : postedOnDate(line)
      if (postedOn) {
        // (`Posted on … by A`: the date ends before the name's label)
        const found = parseLine(text, bullet + postedOn.start, false, 'byline-date', [], bullet + postedOn.end)
        if (found) labelled ??= found
        if (found) date ??= found
        continue
      }
      // (or the date run into the name: `by Nadia Ferreira-LoweMarch 3rd, 2021`)
      const glued = !postedOn && /^by:?\s/iu.test(line) ? gluedDate.exec(line) : null
      const gluedFound = glued ? parseLine(text, bullet + glued.index, false, 'byline-date', []) : undefined
      if (gluedFound) {
        labelled ??= gluedFound
        date ??= gluedFound
        continue
      }
      if (bylineDate) {
        // The date ends before the categories (`… on 12 March 2023 in Economics`).
        const end = /\sby\s|\sin\s(?=\p{Lu})/u.exec(line.slice(bylineDate[0].length))
        const found = parseLine(text, bullet + bylineDate[0].length, false, 'byline-date', [], end ? bullet + bylineDate[0].length + end.index : undefined)
        if (found) labelled ??= found
        if (found) date ??= found
        continue
      }
      // A bar of labelled fields with the date alone in one (`Source: Sinowire| 2020-07-15 19:42:08|Editor: X`): its date; the
      // line is left for `extractSource`.
      const fields = line.split('|')
      if (fields.length >= 2 && fields.filter((part) => labelledField.test(part)).length === fields.length - 1) {
        const at = fields.findIndex((part) => !labelledField.test(part))
        const from = bullet + fields.slice(0, at).join('|').length + (at > 0 ? 1 : 0)
        const found = parseLine(text, from, true, 'dateline', [], from + fields[at].length)
        if (found) {
          date ??= found
          continue
        }
      }
      // A bar of short fields that opens with the date alone (a release wire's `09/19/2023 | Press release | Distributed by
      // Public on 09/19/2023 14:05`, a match's `Sobota 9.10.2021, 15:30 • Stadion Pod Skalkou, Lipnice • Divize D • 10. kolo`):
      // its date; the line leaves the body.
      const shortFields = line.split(/\||\s[•·]\s/u)
      if (shortFields.length >= 3 && shortFields.slice(1).every((part) => part.trim().split(/\s+/u).length <= 8)) {
        const found = parseLine(text, bullet, true, 'dateline', [index], bullet + shortFields[0].length)
        if (found) {
          date ??= found
          continue
        }
      }
      let place = 0
      let isUpdate = updated.exec(line)
      let isPublished = isUpdate ? null : published.exec(line)
      // (a label may follow a place: `Tygelsjö • Publicerad 18 september 2018`)
      const placed = isUpdate || isPublished ? null : labelledPlace.exec(line)
      if (placed) {
        isUpdate = updated.exec(line.slice(placed[0].length))
        isPublished = isUpdate ? null : published.exec(line.slice(placed[0].length))
        if (isUpdate || isPublished) place = placed[0].length
      }
      const label = isUpdate ?? isPublished
      // A meta line ending with an ISO date (`Greenline Desk Districts 2024-09-12, 6:40pm`): that date, which reads one way only.
      const iso = label ? null : isoEnd.exec(line)
      if (iso && iso.index > 0 && line.split(' ').length <= 8) {
        const found = parseLine(text, bullet + iso.index, false, 'meta-line', [index])
        if (found) {
          date ??= found
          continue
        }
      }
      // A short labelled line (`Last updated: yesterday`) is page furniture even when its date cannot be used.
      if (label && line.length <= 60) (file.data.datelines ??= new Set()).add(text)
      let target = text
      let remove = [index]
      let offset = label ? bullet + place + label[0].length : 0
      let rule = isUpdate ? 'updated-line' : isPublished ? 'published-line' : 'dateline'
      // WordPress: `Published` / `on` / `November 17, 2021` as separate lines.
      if (label && offset - bullet >= line.trimEnd().length) {
        let next = index + 1
        if (/^(?:on|le|am|el)$/iu.test(plainText(tree.children[next])?.value ?? '')) next++
        const dateText = plainText(tree.children[next])
        if (!dateText || dateText.value.length > 60) continue
        target = dateText
        remove = [...Array.from({length: next - index}, (_, step) => index + step), next]
        offset = 0
        rule = isUpdate ? 'updated-line' : 'wordpress-dateline'
      }
      // A headline that repeats the last crumb of the trail over it (`Home > Reading > Daily Reading – March 2, 2023`)
      // gives its date but stays: it is no dateline.
      if (!label && trailEnd(plainText(tree.children[index - 1])?.value ?? '') === line.trim()) remove = []
      const found = parseLine(target, offset, !label, rule, remove)
      if (!found) continue
      // A dateline that repeats the day already found (the crawl header's) is furniture too.
      if (!isUpdate && date && found.iso.slice(0, 10) === date.iso.slice(0, 10)) repeats.push(found)
      if (isUpdate) update ??= found
      else if (isPublished) {
        labelled ??= found
        date ??= found
      }
      // (not a date under a profile's label: `Joined` / `Mar 14, 2009` in a forum's user panel)
      else if (!profileLabel.test(plainText(tree.children[index - 1])?.value ?? '')) bares.push({found, index})
    }
    // A site's "today" widget on the page's first line (`Tuesday May 30, 2023`, a weekday first) is not the article's
    // date when another bare dateline follows in the top.
    // Nor is a first bare dateline later than the next one, wherever it stands (`16 MART 2026` over the headline,
    // `22.09.2006 00:00:00` under it): a page is not dated after the line that dates its story.
    const widget =
      bares.length >= 2 &&
      ((bares[0].index === top[0] && /^\p{L}+,?\s/u.test(plainText(tree.children[bares[0].index])?.value ?? '')) ||
        bares[1].found.iso.slice(0, 10) < bares[0].found.iso.slice(0, 10))
    date ??= bares[widget ? 1 : 0]?.found
    labelled ??= bares[widget ? 1 : 0]?.found
    // A blog's post footer gives the day when nothing above did (`Posted by A at 4/15/2020 07:12:00 am 2 comments:`);
    // the line is left for `extractByline` and `stripBoilerplate`.
    if (!date) {
      for (const node of tree.children.slice(-10).reverse()) {
        const text = plainText(node)
        // (or WordPress's `Posted by A on October 11, 2022 in Reviews`)
        const label = text && text.value.length <= 120 ? (postFooterLine.exec(text.value) ?? postedOnLine.exec(text.value)) : null
        // (or the date first, `Publié le 12 avril 2021 par Margaux`)
        const postedOn = text && !label && text.value.length <= 120 ? postedOnDate(text.value) : undefined
        if (text && postedOn) {
          date = parseLine(text, postedOn.start, false, 'post-footer', [], postedOn.end)
          break
        }
        if (!text || !label) continue
        const comments = /\s+(?:no|\d+) comments?:?$/iu.exec(text.value)
        date = parseLine(text, label[0].length, false, 'post-footer', [], comments?.index)
        break
      }
    }

    // A labelled publication stamp among the page's last twelve paragraphs when nothing above dated the page (`Publicerad 5 mars
    // 2024` / `Uppdaterad 8 mars 2024` at the foot of a municipality's page); the line is furniture.
    // (one stamp to a line, the update's maybe under it in the same paragraph)
    for (let index = tree.children.length - 1; !date && index >= Math.max(0, tree.children.length - 12) && !top.includes(index); index--) {
      const text = plainText(tree.children[index])
      if (!text || text.value.length > 160) continue
      let from = 0
      for (const line of text.value.split('\n')) {
        const label = line.length <= 80 ? published.exec(line) : null
        // (a death notice's paper comes first, `Published in The Brantford Courier on Mar. 4, 2021.`: the line stays, as
        // it names the source too)
        const paper = /^published in\s+\p{Lu}.{1,60}?\s+(?:on|from)\s+(?=\p{L}{3,9}\.?\s+\d)/iu.exec(line)
        if (paper) date ??= parseLine(text, from + paper[0].length, false, 'published-line', [], from + line.length)
        // (not a label of a word or two letters, `Date`, `등록`: too common at a page's foot)
        else if (label && label[0].trim().length > 4) date ??= parseLine(text, from + label[0].length, false, 'published-line', [index], from + line.length)
        const stamp = !update && line.length <= 80 ? pageUpdated.exec(line) : null
        if (stamp) update ??= parseLine(text, from + stamp[0].length, false, 'updated-line', [index], from + line.length)
        from += line.length + 1
      }
    }

    // An update stamp among the page's last lines when none was above (`Updated: 11:42 Thursday, February 09, 2006`,
    // `Sidan uppdaterad 2019-11-08`); the line is furniture.
    // (not a line the top's were, read already: in a short page they are the same)
    const read = new Set(top)
    for (let index = tree.children.length - 1; !update && index >= Math.max(0, tree.children.length - 8) && !read.has(index); index--) {
      const text = plainText(tree.children[index])
      const label = text && text.value.length <= 80 ? pageUpdated.exec(text.value) : null
      // (who updated it may follow: `Last Updated on June 14, 2021 by Editorial Staff`)
      if (text && label) update = parseLine(text, label[0].length, false, 'updated-line', [index], /\s+by\s+\S.{0,60}$/iu.exec(text.value)?.index)
    }

    // One line may give both dates: take each paragraph out once, last first.
    const removals = new Map<number, string>()
    for (const found of [...repeats, update, date]) {
      if (!found || found === header) continue
      for (const index of found.remove) removals.set(index, found.reason)
    }
    for (const index of [...removals.keys()].sort((a, b) => b - a)) removeChild(file, tree, index, removals.get(index)!)
    // A crawl header may give the day the page was fetched rather than published: when the page's own date says
    // another day, the header is kept (as the seeds have it) and the difference warned, citing the page's date.
    if (header && date === header && labelled && labelled.iso.slice(0, 10) !== header.iso.slice(0, 10)) {
      file.message(
        `Unexpected publication date \`${labelled.evidence.text}\` (${labelled.iso.slice(0, 10)}) that differs from the crawl header's ${header.iso.slice(0, 10)}; kept the crawl header, which may be the day the page was fetched`,
        {place: placeOf(labelled.evidence), ruleId: 'date-conflict', source: 'docprov'}
      )
    }
    // A page that shows only when it was updated (`Last updated: July 3, 2022`) was published that day or before: the
    // update dates it, and the warning says so.
    if (!date && update && !warned) {
      date = update
      file.message(
        `Missing publication date; used the update date \`${update.evidence.text}\` (${update.iso.slice(0, 10)}), on or after the day the page was published`,
        {place: placeOf(update.evidence), ruleId: 'date-from-update', source: 'docprov'}
      )
    }
    if (date) setField(file, 'date', field<string | null>(date.iso, [date.evidence]))
    if (update) setField(file, 'updated', field<string | null>(update.iso, [update.evidence]))
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

    /** The ` date …` crawl header at the very start, taken out of the body at once. */
    function crawlHeader(): Found | undefined {
      const first = tree.children[0]
      const text = plainText(first)
      const match = text ? headerPattern.exec(text.value) : null
      if (!first || !text || !match) return undefined
      const [, year, month, day, hour, minute, second, zone] = match
      const evidence = cite(file, 'crawl-date-header', textSpan(text, 0, match[0].length))
      const iso = toIso(year, month, day, hour, minute, second, zone)
      // A separator after the header (` date 2022-07-12 | Headline`) goes with it.
      const length = match[0].length + (/^\s+[|·•–—-]\s+/u.exec(text.value.slice(match[0].length))?.[0].length ?? 0)
      if (length >= text.value.length) removeChild(file, tree, 0, 'crawl-date-header')
      else removePrefix(file, first as Paragraph, text, length, 'crawl-date-header')
      // A month without its day (` date 2021-09`) is taken out, but gives no date; it is warned,
      // so that no `no-date` says a header is missing.
      if (day === undefined) {
        warned = true
        file.message(`Unexpected crawl header date \`${year}-${month}\` without a day, expected \`YYYY-MM-DD\`; not used`, {
          place: placeOf(evidence),
          ruleId: 'partial-date',
          source: 'docprov'
        })
        return undefined
      }
      const shown = `${year}-${month}-${day}`
      return plausible(iso ?? shown, shown, evidence) && iso ? {iso, evidence, remove: [], reason: 'crawl-date-header'} : undefined
    }

    /**
     * A press release's or wire story's dateline opening a paragraph, with its
     * year (`FORT WORTH - November 9, 2020 - The company …`, `Geneva, 9 March
     * 2023 (TDR): As …`): the date between the place and the next dash, agency or
     * colon. The paragraph stays; only the date is cited (rule `press-dateline`).
     */
    function pressDateline(text: Text): void {
      // (a correction's or editor's note opens with its own date: `Correction, April 22, 2024: An earlier version …`)
      if (/^(?:correction|clarification|update|editor[’']?s note|note)\b/iu.test(text.value)) return
      // (or the date first, then the place and a dash: `14th March 2025, Kampala – The authority …`)
      const dateFirst = /^([^,–—]{6,30}?\p{Nd}{4}),\s*\p{Lu}[\p{L}.’' ]{1,30}?\s+[-–—]\s+\p{Lu}/u.exec(text.value)
      if (dateFirst) {
        const found = parseLine(text, 0, false, 'press-dateline', [], dateFirst[1].length)
        if (found) date ??= found
        return
      }
      // (or the place and the date in brackets, as Chinese press releases write them: `（上海，2023年6月8日）星河储能…`)
      const bracketed = /^[（(][^，,、（）()\n]{1,12}[，,、]\s*(\p{Nd}{4}年\p{Nd}{1,2}月\p{Nd}{1,2}日)[）)]/u.exec(text.value)
      if (bracketed) {
        const from = bracketed[0].indexOf(bracketed[1])
        const found = parseLine(text, from, false, 'press-dateline', [], from + bracketed[1].length)
        if (found) date ??= found
        return
      }
      const place = /^\p{Lu}[\p{L}.’' ]{1,40}?(?:,\s*\p{Lu}[\p{L}.’' ]{1,30}?)?\s*(?:[-–—]|,)\s+(?=\d|\p{Lu})/u.exec(text.value)
      if (!place) return
      // (a release wire's name between slashes ends it too: `KUALA LUMPUR, Malaysia, Aug. 8, 2023 /AsiaWire/ -- …`)
      const end = /\s+[-–—]\s+|\s*\([^()]{2,30}\)\s*[:–—-]|:\s|\s+\/[^/\s]{2,30}\/\s*(?:--?|[–—])\s/u.exec(text.value.slice(place[0].length, place[0].length + 50))
      if (!end) return
      const found = parseLine(text, place[0].length, false, 'press-dateline', [], place[0].length + end.index)
      if (found) date ??= found
    }

    /** Parse a date that fills the line (apart from a label and separators). */
    function parseLine(text: Text, offset: number, strictLine: boolean, rule: string, remove: number[], end?: number): Found | undefined {
      const line = text.value.replace(/\n/gu, ' ')
      // (a read time glued to the date after it is passed over: `6 min readApr 11, 2019`)
      const gluedRead = /^\s*\p{Nd}{1,3}\s*min(?:ute)?s?\s+read(?=\p{Lu})/u.exec(line.slice(offset, end))
      if (gluedRead) offset += gluedRead[0].length
      // (a read time glued to the year is set apart, after the date: `May 27, 20233 min read`)
      const rest = line.slice(offset, end).replace(/(?<=\p{Nd}{4})(?=\p{Nd}{1,2}\s*min(?:ute)?s?\s+read$)/u, ' ')
      // Only dates with a year are used, and years are written in digits (any script's: `٢٠١٦`): without one, no parser can succeed.
      if (!/\p{Nd}/u.test(rest)) return undefined
      const byScript = /[^\p{Script=Latin}\p{Script=Common}]/u.test(rest) ? scriptLocales.filter(([script]) => script.test(rest)).flatMap(([, readers]) => readers) : []
      // Without a year of four digits, only the page's own readers and English's are asked (for a yearless or
      // relative date, which is warned and not used): asking all of them for every such line cost a tenth of a build.
      const readers = /\p{Nd}{4}/u.test(rest) ? parsers : nearby
      // Then, with a year, the readers of the languages whose month names the line holds (a page whose language was
      // told wrong: `2024. április 9.` on a Hungarian page read as English), and last a day over twelve first.
      const last = readers === parsers ? [...readersNaming(rest), dayOverTwelve] : []
      for (const parser of new Set([...readers, ...byScript, ...last])) {
        const [result] = parser.strict.parse(rest, reference)
        if (!result) continue
        // `12.06.2023` is day first in every language; a parser that read it otherwise is not the one.
        const dotted = /^(\d{1,2})\.(\d{1,2})\.\d{4}\b/u.exec(result.text.trim())
        if (dotted && (result.start.get('day') !== Number(dotted[1]) || result.start.get('month') !== Number(dotted[2]))) continue
        // (or a bare dateline starts with its section: `Opinion March 16, 2024`)
        const kicker = strictLine ? /^\s*(\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)?)\s+$/u.exec(rest.slice(0, result.index)) : null
        const leading = kicker && sections.has(kicker[1].toLowerCase()) ? kicker : null
        // (a weekday the parser left before the date is the date's: `Sobota 9.10.2021, 15:30`)
        const left = rest.slice(0, result.index)
        const weekdayBefore = /^\s*(\p{L}+)[,.]?\s*$/u.exec(left)
        const before = leading || (weekdayBefore && weekdayWords().has(weekdayBefore[1].toLowerCase())) ? ' ' : left.replace(leadingPlace, ' ')
        let after = rest.slice(result.index + result.text.length)
        // After a label's date, ` | ` starts something else (`Published On 7 Jun 2023 | 7 Jun 2023`), and so do
        // the categories (`Posted: September 12, 2018 in Uncategorized`).
        // A byline's label after ` | ` (`Editorial | June 1, 2021 | By:`) starts the byline.
        after = after.replace(/\s\|\s*(?:by|von|par|por|door|av)\b.*$/iu, '')
        // A view count after the date (`14.11.2023 ნანახია: 2318`, `10.01.2019 15:20 846`: a bare number after a time).
        after = after.replace(viewCount, '')
        // A length after a bullet or bar (`March 2, 2022 • 38 mins`, `Apr 11, 2019 · 6 min read`): an episode's or a read's.
        after = after.replace(/^\s*[•·|]\s*\p{Nd}{1,3}\s*(?:min(?:ute)?s?|hrs?|hours?)(?:\s+read)?\.?\s*$/iu, '')
        // A blog's `May 21, 2022 by glassadmin`: the byline after the date (`December 9 2025, by A`).
        // (a name in capitals after it is left with the line for `extractByline`, which removes it)
        if (strictLine && /^,?\s+[Bb]y\s+\p{Lu}/u.test(after)) remove = []
        if (strictLine) after = after.replace(/^,?\s+by\s+\S.{0,60}$/iu, '')
        // (or the author's name after a slash: `Sabtu, 11 Desember 2021 | 19:27 WIB / Andi Rahmat`)
        const slashed = strictLine ? /\s\/\s+([^/|]{3,60})$/u.exec(after) : null
        if (slashed && isPersonName(slashed[1].trim())) {
          // (the line is left for `extractByline`, which takes the name and removes it)
          if (remove.length > 0) {
            ;(file.data.datedNames ??= new Map()).set(text, offset + result.index + result.text.length + slashed.index + slashed[0].indexOf(slashed[1]))
            remove = []
          }
          after = after.slice(0, slashed.index)
        }
        // A bare dateline may end with its section or place after a bar (`2019. október 3. 10:12, csütörtök | Belföld`,
        // `Tue, 14 Mar 2023 || Kenya, Kenya`).
        const section = strictLine ? /\s\|{1,2}\s*(\p{L}[\p{L}-]*(?:,?\s\p{L}[\p{L}-]*){0,2})\s*$/u.exec(after) : null
        if (section) after = after.slice(0, section.index)
        else if (!strictLine) {
          after = after.replace(/\s\|\s.*$/u, '')
          // (a short category: `in Britain (Fourth Estate, £16.99)` after a book's date is no category)
          if (!after.includes('(')) after = after.replace(/\s+in\s+\p{Lu}[\p{L} ,&-]{0,40}$/u, '')
          after = after.replace(/\(.*\)/gu, '')
        }
        if (!residue.test(before + ' ' + after)) continue
        // A dateline, whether its date is used or not (a line left in the body is still no standfirst).
        if (remove.length > 0) (file.data.datelines ??= new Set()).add(text)
        // Its section, when it reads as one (`Belföld`, `Politics`; not `Comments`), leaves with it (rule `dateline-section`).
        if (section && remove.length > 0 && isKicker(section[1]) && !/^(?:comments?|share|print|reply|\d+ comments?)$/iu.test(section[1])) {
          const at = offset + result.index + result.text.length + section.index + section[0].indexOf(section[1])
          setField(file, 'section', field<string | null>(section[1], [cite(file, 'dateline-section', textSpan(text, at, at + section[1].length))]))
        } else if (leading && remove.length > 0) {
          const at = offset + leading[0].indexOf(leading[1])
          setField(file, 'section', field<string | null>(leading[1], [cite(file, 'dateline-section', textSpan(text, at, at + leading[1].length))]))
        }
        const from = offset + result.index
        const evidence = cite(file, rule, textSpan(text, from, from + result.text.length))
        // `5 days ago` counts from when the page was seen, which the file does not say:
        // the day would come from the build's reference day, not from the text.
        if (result.tags().has('result/relativeDate')) {
          warned = true
          file.message(`Unexpected relative date \`${result.text}\`, expected a calendar date: the day it counts from is not in the file; not used`, {
            place: placeOf(evidence),
            ruleId: 'relative-date',
            source: 'docprov'
          })
          return undefined
        }
        // (a weekday before the date is the parser's too: `Fri, 06/10/2016`)
        const shown = result.text.trim()
        const weekday = /^(\p{L}+)\.?,?\s+/u.exec(shown)
        const numeric = ambiguous.exec(weekday ? shown.slice(weekday[0].length) : shown)
        const start = result.start
        let [year, month, day] = [start.get('year'), start.get('month'), start.get('day')]
        // Day first by the document's language, and read so by the parser: not a guess.
        const byLanguage =
          numeric !== null &&
          dayFirst.has(lang) &&
          numeric[3].length === 4 &&
          start.get('day') === Number(numeric[1]) &&
          start.get('month') === Number(numeric[2])
        // The weekday given with it tells which reading is right (`Fri, 06/10/2016` is 10 June: 6 October 2016 was a Thursday).
        const byWeekday = numeric && weekday && numeric[3].length === 4 ? readingOnWeekday(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]), weekday[1]) : undefined
        if (byWeekday) [year, month, day] = [Number(numeric![3]), byWeekday.month, byWeekday.day]
        else if (numeric && !byLanguage && (numeric[3].length === 2 || (Number(numeric[1]) <= 12 && Number(numeric[2]) <= 12 && numeric[1] !== numeric[2]))) {
          warned = true
          file.message(`Unexpected ambiguous date \`${result.text}\`, expected a date whose day and month cannot be swapped; not guessed`, {
            place: placeOf(evidence),
            ruleId: 'ambiguous-date',
            source: 'docprov'
          })
          return undefined
        }
        // (a range's first day takes its year from the last's: `from Oct. 13 to Oct. 15, 2022`, the year before when it
        // goes over New Year, `Dec. 30 to Jan. 2, 2023`)
        const end = result.end
        if (!start.isCertain('year') && end?.isCertain('year') && end.isCertain('month') && start.isCertain('month') && start.isCertain('day')) {
          year = end.get('year')! - (start.get('month')! > end.get('month')! ? 1 : 0)
        } else if (!start.isCertain('year')) return undefined
        if (!start.isCertain('month') || !start.isCertain('day')) return undefined
        const pad = (value: number | null) => String(value ?? 0).padStart(2, '0')
        const ymd = `${year}-${pad(month)}-${pad(day)}`
        let iso = ymd
        if (start.isCertain('hour') && start.isCertain('timezoneOffset')) {
          const zone = start.get('timezoneOffset') ?? 0
          const sign = zone < 0 ? '-' : '+'
          const offsetText = zone === 0 ? 'Z' : `${sign}${pad(Math.floor(Math.abs(zone) / 60))}:${pad(Math.abs(zone) % 60)}`
          iso = `${ymd}T${pad(start.get('hour'))}:${pad(start.get('minute'))}:${pad(start.get('second'))}${offsetText}`
        }
        if (!plausible(iso, ymd, evidence)) return undefined
        return {iso, evidence, remove, reason: rule === 'updated-line' ? 'updated-line' : 'dateline'}
      }
      return undefined
    }

    function plausible(iso: string, shown: string, evidence: Evidence): boolean {
      const time = Date.parse(iso.length === 10 ? iso + 'T00:00:00Z' : iso)
      if (Number.isNaN(time) || !toIso(...(shown.split('-') as [string, string, string]))) {
        warned = true
        file.message(`Unexpected date \`${shown}\`, expected a real calendar date`, {
          place: placeOf(evidence),
          ruleId: 'invalid-date',
          source: 'docprov'
        })
        return false
      }
      if (time < earliest || time > reference.getTime()) {
        warned = true
        file.message(
          `Unexpected date \`${shown}\`, expected a day between 1995-01-01 and ${reference.toISOString().slice(0, 10)}`,
          {place: placeOf(evidence), ruleId: 'implausible-date', source: 'docprov'}
        )
        return false
      }
      return true
    }
  }
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
