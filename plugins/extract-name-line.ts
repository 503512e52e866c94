/** Plugin: a person's name alone on a line (under the headline, or signing a letter) as `author` when no byline gave one. */
import type {Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {cite, field, hasField, plainText, removeChild, setField, textSpan} from './support/evidence.js'
import {isProse} from './support/zones.js'

/** Lower-case particles inside names (`Marja de Boer`, `Ali bin Said`). */
const particles = new Set('de da das do dos del della der den di du la le van von bin binti ibn ter te y'.split(' '))

/**
 * Words of page furniture, sections, roles, outlets and networks: a line with
 * one of them is no person's name (`Top Stories`, `Getty Images`, `Staff
 * Reporter`, `Premier League`, `Telegram Дзен`).
 */
const notNames = new Set(
  (
    'read more top news stories story live updates update related articles article key points most editor editors picks pick sponsored content comments comment share follow subscribe sign login log menu home search ' +
    'photo photos image images picture pictures video videos gallery watch listen audio podcast press release media staff reporter reporters correspondent desk team opinion opinions analysis editorial column columns ' +
    'letter letters review reviews world local national international business sport sports politics economy health science technology tech culture entertainment lifestyle travel weather breaking latest ' +
    'trending popular featured feature advertisement newsletter summary highlights contents table print email save copy link back next previous page pages getty reuters afp ap associated agency wire service ' +
    'league cup court house senate congress parliament council government ministry police city county state university college school hospital church party election elections climate change war crisis ' +
    'market markets bank company group limited ltd inc news24 times post daily weekly herald tribune gazette journal courier chronicle telegraph observer guardian ' +
    'facebook twitter telegram whatsapp instagram youtube tiktok linkedin threads bluesky reddit pinterest ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december ' +
    'north south east west central new old about contact privacy policy terms cookies more less all free premium plus subscriber subscribers members member ' +
    'television televisions télévision télévisions televisión radio tv channel network online digital magazine studio studios productions institute foundation trust association ' +
    'redaksi redaction rédaction redacción redação redazione redaktion redaktionen redakcja redactie редакция редакція ' +
    'вконтакте одноклассники дзен телеграм новости главная'
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
function isPersonName(value: string, capitals = false): boolean {
  if (value.length > 40 || /[\d\n]/u.test(value)) return false
  const words = value.split(/\s+/u)
  if (words.length < 2 || words.length > 4) return false
  let whole = 0
  for (const word of words) {
    if (particles.has(word)) continue
    if (!(nameWord.test(word) || (capitals && capitalWord.test(word)))) return false
    // (nor a common noun's ending: `Peer-Reviewed Publication`, `Annual Assessment`)
    if (notNames.has(word.toLowerCase()) || /(?:tion|sion|ment|ness|ism|ology|ship|ical|ous|ful|less)$/u.test(word)) return false
    if (!word.endsWith('.')) whole++
  }
  return whole >= 2 || (whole === 1 && words.some((word) => word.endsWith('.')))
}

/**
 * When no byline gave the author (`author` is still empty): a person's name
 * alone on a line below the headline and above the first paragraph of prose
 * (`Marisol Duarte`; rule `name-line`, the line leaves the body as a byline),
 * when it is the only such line there; else a letter's or column's signature,
 * the last paragraph after prose (`Walter Pennington`, `Marja de Boer,
 * Deventer`, or the name above a last line of place; rule `signature`, the
 * signature stays in the body). In Vietnamese and Indonesian a signature may be
 * in capitals (`THANH TÙNG`). German is left out (its nouns are capitalised:
 * `Neue Regeln` reads as a name). Listings claim no author.
 */
export default function extractNameLine() {
  return function (tree: Root, file: VFile): undefined {
    const lang = file.data.meta?.lang?.value ?? 'en'
    if (hasField(file, 'author') || file.data.meta?.kind?.value === 'listing' || lang === 'de' || lang === 'lb') return undefined
    const title = file.data.meta?.title
    const titleLine = title?.value ? title.evidence[0]?.line : undefined
    const textOf = (node: RootContent | undefined) => plainText(node)?.value ?? ''
    const firstProse = tree.children.findIndex((node) => isProse(textOf(node)))

    if (titleLine !== undefined) {
      const end = firstProse === -1 ? Math.min(tree.children.length, 8) : firstProse
      const found: number[] = []
      for (let index = 0; index < end; index++) {
        const node = tree.children[index]
        if ((node.position?.start.line ?? 0) <= titleLine) continue
        const value = textOf(node)
        if (value !== title!.value && isPersonName(value)) found.push(index)
      }
      if (found.length === 1) {
        const text = plainText(tree.children[found[0]])!
        setField(file, 'author', field<string[]>([text.value], [cite(file, 'name-line', textSpan(text, 0, text.value.length))]))
        removeChild(file, tree, found[0], 'byline')
        return undefined
      }
    }

    // A signature: the last paragraph, or the one above a last line of place (`Rawalpindi`, `North side`).
    const last = tree.children.length - 1
    const place = (value: string) => value.length <= 30 && /^\p{Lu}/u.test(value) && !/[\d.!?:]/u.test(value) && value.split(/\s+/u).length <= 3
    for (const index of [last, last - 1]) {
      if (index < 1 || (index === last - 1 && !place(textOf(tree.children[last])))) continue
      const text = plainText(tree.children[index])
      if (!text || !isProse(textOf(tree.children[index - 1]))) continue
      // (a place after the comma is capitalised: `Marja de Boer, Deventer`)
      const signed = /^([^,]+?)(?:,\s*\p{Lu}[^,]{1,29}?)?\.?$/u.exec(text.value)
      const capitals = lang === 'vi' || lang === 'id'
      if (!signed || !isPersonName(signed[1], capitals)) continue
      setField(file, 'author', field<string[]>([signed[1]], [cite(file, 'signature', textSpan(text, 0, signed[1].length))]))
      return undefined
    }
    return undefined
  }
}
