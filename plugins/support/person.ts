/** The shape of a person's name alone on a line (`Marisol Duarte`, `Marja de Boer`, `K.R. Venkatesan`), which several plugins recognise. */

/** Lower-case particles inside names (`Marja de Boer`, `Ali bin Said`). */
const particles = new Set('de da das do dos del della der den di du la le van von bin binti ibn ter te y i'.split(' '))

/**
 * Words of page furniture, sections, roles, outlets and networks: a line with
 * one of them is no person's name (`Top Stories`, `Getty Images`, `Staff
 * Reporter`, `Premier League`, `Telegram Дзен`).
 */
const notNames = new Set(
  (
    'author authors message messages автор сообщение сообщения read more top news stories story live updates update related articles article key points most editor editors picks pick sponsored content comments comment share follow subscribe sign login log menu home search ' +
    // (a blog's widget headings: `Recent Posts` / `See All`)
    'recent post posts archive archives categories category see ' +
    'photo photos image images picture pictures video videos gallery watch listen audio podcast podcasts episode episodes transcript transcripts press release media staff reporter reporters correspondent desk team opinion opinions analysis editorial column columns ' +
    'letter letters review reviews world local national international business sport sports politics economy health science technology tech culture entertainment lifestyle travel weather breaking latest ' +
    'trending popular featured feature advertisement newsletter summary highlights contents table print email save copy link back next previous page pages getty reuters afp ap associated agency wire service ' +
    'league cup court house senate congress parliament council government ministry police city county state university college school hospital church party election elections climate change war crisis ' +
    'market markets bank company group limited ltd inc news24 times post daily weekly herald tribune gazette journal courier chronicle telegraph observer guardian ' +
    // (a page's section: `Community Notes`, `Death Notices`)
    'community notes classifieds obituaries obituary deaths ' +
    // (an address or a funeral home's: `Upper Quay Road`, `Harbourview Chapel`)
    'road street avenue boulevard drive highway chapel cemetery funeral crematorium ' +
    // (a shop widget's heading: `Compare Prices`, `Best Deals`)
    'compare prices deals buy shop ' +
    // (a shop's or firm's advertisement in Portuguese, Spanish, French or Italian: `Supermercado Bom Preço`)
    'supermercado supermercados supermarché supermercato farmácia farmacia pharmacie loja lojas tienda restaurante ristorante padaria panadería imobiliária inmobiliaria clínica clinica ' +
    'facebook twitter telegram whatsapp instagram youtube tiktok linkedin threads bluesky reddit pinterest ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december ' +
    // (and the word for day and weekdays that are no one's name in other languages: `Día Jueves, 26 de Octubre de 2023`)
    'día lunes martes miércoles jueves viernes lundi mardi mercredi jeudi vendredi lunedì martedì mercoledì giovedì venerdì montag dienstag mittwoch donnerstag freitag samstag sonntag ' +
    'north south east west central new old about contact privacy policy terms cookies more less all free premium plus subscriber subscribers members member ' +
    'television televisions télévision télévisions televisión radio tv channel network online digital magazine studio studios productions institute foundation trust association ' +
    'superintendent mayor minister president governor senator councillor councilor commissioner chairman chairwoman chair ceo cfo coo officer manager spokesperson spokesman spokeswoman secretary judge justice coach captain principal headteacher inspector sergeant detective sheriff chief director professor investor investors relations contact contacts communications office department ' +
    'redaksi redaction rédaction redacción redação redazione redaktion redaktionen redakcja redactie редакция редакція ' +
    // (a footer's or sidebar's heading: `Ad Choices`, `Reader Services`, `Companies Mentioned`, `Community Rules`)
    'ad ads choices services service mentioned companies rules guidelines agreement help support faq faqs careers sitemap accessibility feedback account accounts ' +
    // (a page's kind: `Bi-Weekly Briefing`, `Morning Digest`)
    'briefing briefings digest bulletin roundup round-up recap explainer interview interviews statement statements notice notices announcement announcements brief briefs dispatch dispatches bi-weekly biweekly fortnightly monthly quarterly annual ' +
    'вконтакте одноклассники дзен телеграм новости главная ' +
    // (function words, capitalised at a line's start: `With Corinne Abelard and Theo Marchetti` is a newsletter's credit, not a name)
    'with for from in on at to the and but by as an our your my his her their this that these those what why how when where who which'
  ).split(' ')
)

/** A word of a name: capitalised (`Duarte`, `O’Neill`, `Smith-Jones`), or initials (`K.R.`). */
const nameWord = /^(?:\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*|(?:\p{Lu}\.){1,3})$/u
/** A word of a name in capitals (`THANH TÙNG`), as some outlets sign at the end. */
const capitalWord = /^\p{Lu}{2,}$/u

/**
 * Whether `value` reads as a person's name: two to four words, each capitalised
 * (or a particle or initials), at least two of them whole words, none a word of
 * page furniture or organisations (`notNames`), no digits.
 */
export function isPersonName(value: string, capitals = false): boolean {
  if (value.length > 40 || /[\d\n]/u.test(value)) return false
  const words = value.split(/\s+/u)
  if (words.length < 2 || words.length > 4) return false
  let whole = 0
  for (const [at, word] of words.entries()) {
    // (`i` and `y` join two surnames, after a first name: `Josep Puig i Cadafalch`, `José Ortega y Gasset`; after one
    // word they say `in` or `and`: `Vårfloden i Ljusnan`)
    if ((word === 'i' || word === 'y') && at < 2) return false
    // (a person's name has at most three whole words besides particles: `Highway Superintendent Lonnie Varner` is a caption)
    if (particles.has(word)) continue
    if (!(nameWord.test(word) || (capitals && capitalWord.test(word)))) return false
    // (nor a common noun's ending: `Peer-Reviewed Publication`, `Annual Assessment`)
    if (notNames.has(word.toLowerCase()) || /(?:tion|sion|ment|ness|ism|ology|ship|ical|ous|ful|less)$/u.test(word)) return false
    if (!word.endsWith('.')) whole++
  }
  return (whole >= 2 && whole <= 3) || (whole === 1 && words.some((word) => word.endsWith('.')))
}

/** Whether one word may be a first name signing a post (`Marcy`): capitalised, no word of furniture or common noun's ending. */
export function isFirstName(word: string): boolean {
  return /^\p{Lu}\p{Ll}{1,14}$/u.test(word) && !notNames.has(word.toLowerCase()) && !/(?:tion|sion|ment|ness|ism|ology|ship|ical|ous|ful|less)$/u.test(word)
}

/**
 * The names in a line of two to four people's names (`Lim Wei Ling & Farah Idris`, `Ana Soto, Luis Vega and Rosa
 * Díaz`), each as its start and end in `value`; none when any part is no name or there is one name only.
 */
export function personNames(value: string): Array<{start: number; end: number}> | undefined {
  const names: Array<{start: number; end: number}> = []
  for (const part of value.matchAll(/(.+?)(?:\s*,\s*(?:and\s+)?|\s+(?:&|and|en|und|et|y|e|i|och|og|ve|dan|és|și|a)\s+|$)/gu)) {
    if (part[1] === undefined || !isPersonName(part[1])) return undefined
    names.push({start: part.index, end: part.index + part[1].length})
    if (part.index + part[0].length >= value.length) break
  }
  return names.length >= 2 && names.length <= 4 ? names : undefined
}

/** Languages whose nouns are capitalised (`Neue Regeln` would read as a name): no name is taken from a line alone in them. */
export const capitalisedNouns: ReadonlySet<string> = new Set(['de', 'lb'])

/**
 * Where the names end in a line of one to four people's names with a date after them (`Léa Marchetti, Thomas Gendron le
 * samedi 9 mars 2024`, `Dana Roe | March 3, 2024`): the names' end, for each way the line splits after a name and before
 * a year of four digits, the longest first. Whether the rest is a date is for a date parser to say.
 */
export function namesBeforeDate(value: string): number[] {
  if (value.length > 120 || !/\p{Nd}{4}/u.test(value) || !/^\p{Lu}/u.test(value)) return []
  const ends: number[] = []
  for (const match of value.matchAll(/(?:,\s*|\s+(?:on|le|am|el|il|op|em|den)\s+|\s+[|/–—·•-]\s+|\s+(?=\p{Nd}|\p{L}{3,}\.?\s+\p{Nd}))(?=[\p{L}\p{Nd}])/gu)) {
    const names = value.slice(0, match.index)
    const rest = value.slice(match.index + match[0].length)
    if (!/\p{Nd}{4}/u.test(rest) || rest.split(/\s+/u).length > 8) continue
    if (isPersonName(names) || personNames(names)) ends.push(match.index)
  }
  return ends.reverse()
}

/** An honorific, academic or clerical title before a name (`Dr`, `Prof.`, `Professor`, `Mrs`, `Pastor`, `Rabbi`). */
const honorific = /^(?:dr|prof|professor|mr|mrs|ms|mx|sir|dame|rev|revd|reverend|pastor|fr|father|rabbi|imam|bishop|deacon)\.?\s+/iu

/** A name without the honorific before it, when two words at least are left (`Dr Amara Lind`; `Ms Rowe` stays whole). */
export function withoutHonorific(value: string): string {
  const title = honorific.exec(value)
  // (the name after it starts with a capital: under the `iu` flags `\p{Lu}` would let a small letter pass)
  return title && /^\p{Lu}/u.test(value.slice(title[0].length)) && /\s/u.test(value.slice(title[0].length).trim()) ? value.slice(title[0].length) : value
}
