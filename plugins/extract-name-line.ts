/** Plugin: a person's name alone on a line (under the headline, or signing a letter) as `author` when no byline gave one. */
import type {Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {cite, field, hasField, plainText, removeChild, setField, textSpan} from './support/evidence.js'
import {capitalisedNouns, isFirstName, isPersonName, personNames, withoutHonorific} from './support/person.js'
import {shortBylineLabel, wordCount} from './support/shapes.js'
import {isAgency, isRole} from './support/roles.js'
import {isProse} from './support/zones.js'

/**
 * When no byline gave the author (`author` is still empty): the name under a
 * letter's closing among the last paragraphs (`Yours faithfully,` / `Desmond K.
 * Fraites`, `З повагою` / `Міський голова Олександр ГРИЦЕНКО`; rule
 * `signature`, in any language); else a person's name
 * alone on a line below the headline and above the first paragraph of prose, or the second when the first is a
 * standfirst right under the headline (`Marisol Duarte`, or two to four names: `Lim Wei Ling & Farah Idris`, or a
 * name and its role: `Adaeze Okonkwo, Personal Finance Editor`; rule `name-line`, the line leaves the body as a byline),
 * when it is the only such line there, or each of several names stands over its role (authors' cards) (a name right above the headline, where
 * a kicker would stand, is taken by `extractTitle`); else a letter's or column's signature,
 * the last paragraph after prose (`Walter Pennington`, `Marja de Boer,
 * Deventer`, or the name above one or two last lines of place), or the name over its role right under the last
 * paragraph of prose (`Rodrigo Salinas Ferrer` / `Periodista y analista de políticas públicas.`) or run on at the end of the
 * last paragraph of prose (`… a case in point. Margaret Doyle, Townsend`; rule
 * `signature`, the signature stays in the body). In Vietnamese and Indonesian a signature may be
 * in capitals (`THANH TÙNG`), and two or three reporters sign with a dash between (`Thu Trang - Văn Khải`). In German only the name under a closing is taken
 * (its nouns are capitalised: `Neue Regeln` alone reads as a name). Listings claim no author.
 */
export default function extractNameLine() {
  return function (tree: Root, file: VFile): undefined {
    const lang = file.data.meta?.lang?.value ?? 'en'
    if (hasField(file, 'author') || file.data.meta?.kind?.value === 'listing') return undefined
    const textOf = (node: RootContent | undefined) => plainText(node)?.value ?? ''

    // A letter's closing and the name under it (`Yours faithfully,` / `Desmond K. Fraites`, `З повагою` / `Міський
    // голова Олександр ГРИЦЕНКО`, `בברכה` / `דנה אלוני`): in any language, the closing says what follows.
    for (let index = tree.children.length - 2; index >= Math.max(0, tree.children.length - 12); index--) {
      if (!closing.test(textOf(tree.children[index]))) continue
      const text = plainText(tree.children[index + 1])
      const name = text && signedName(text.value)
      if (!text || name === undefined) break
      setField(file, 'author', field<string[]>([text.value.slice(name)], [cite(file, 'signature', textSpan(text, name, text.value.length))]))
      return undefined
    }
    // A post signed with a first name after a dash (`-Marcy`, `— Tomás`), or under a closing (`Happy sowing,` / `Marcy`,
    // or a whole name: `See you at the Mission,` / `Fr. Thomas Keogh`):
    // the last paragraphs after the last paragraph of text (prose, or a sentence of eight words or more).
    const lastText = tree.children.findLastIndex((node) => isProse(textOf(node)) || (/[.!?…"”]$/u.test(textOf(node)) && wordCount(textOf(node)) >= 8))
    for (let index = tree.children.length - 1; lastText !== -1 && index > lastText && index >= tree.children.length - 4; index--) {
      const text = plainText(tree.children[index])
      const signed = text ? /^(?:[-–—~]\s?)?(\p{L}+)$/u.exec(text.value) : null
      const above = textOf(tree.children[index - 1])
      // (a closing of the list, or a short line ending with a comma right under the text)
      const closed = closing.test(above) || (index - 2 === lastText && /^\p{Lu}[\p{L}'’ ]{1,30},$/u.test(above) && wordCount(above) <= 6)
      // (else the dash, right under the text)
      const dashed = signed !== null && signed[0] !== signed[1] && index - 1 === lastText
      // (under such a closing, a whole name, after a clerical or other title maybe: `See you at the Mission,` / `Fr. Thomas Keogh`)
      const whole = text && closed ? withoutHonorific(text.value) : undefined
      const name = whole !== undefined && isPersonName(whole) ? whole : signed && isFirstName(signed[1]) && (closed || dashed) ? signed[1] : undefined
      if (!text || name === undefined) continue
      const from = text.value.length - name.length
      setField(file, 'author', field<string[]>([name], [cite(file, 'signature', textSpan(text, from, text.value.length))]))
      return undefined
    }
    // (in languages whose nouns are capitalised, only a name with its role after a comma: `Reto Brunner, Redaktor Stadt Zürich`)
    const nounsCapitalised = capitalisedNouns.has(lang)
    const title = file.data.meta?.title
    const titleLine = title?.value ? title.evidence[0]?.line : undefined
    const firstProse = tree.children.findIndex((node) => isProse(textOf(node)))

    if (titleLine !== undefined) {
      // (a standfirst right under the headline is no article yet: the name may stand under it)
      // (the headline has left the tree: the standfirst is the first paragraph below its line)
      const below = tree.children.findIndex((node) => (node.position?.start.line ?? 0) > titleLine)
      const secondProse = tree.children.findIndex((node, index) => index > firstProse && isProse(textOf(node)))
      const standfirst = firstProse !== -1 && firstProse === below && secondProse !== -1
      const end = firstProse === -1 ? Math.min(tree.children.length, 8) : standfirst ? secondProse : firstProse
      const found: number[] = []
      for (let index = 0; index < end; index++) {
        const node = tree.children[index]
        if ((node.position?.start.line ?? 0) <= titleLine) continue
        const value = textOf(node)
        // (a desk is no person: `Haber Merkezi`, `News Desk`)
        // (nor is a byline's label: `Par Hélène Marchadier, géographe, …` is `extractByline`'s)
        // (a name in capitals with an initial too, as Spanish papers sign: `M. A. ROLDÁN`; capitals alone may be a kicker)
        const named = nounsCapitalised
          ? withRole(value) !== undefined
          : isPersonName(value) || personNames(value) || withRole(value) !== undefined || withSuffix(value) !== undefined || (/\p{Lu}\./u.test(value) && value === value.toUpperCase() && isPersonName(value, true))
        // (nor a name under a credit that names an organisation: `News provided by` / `Brightwater Analytics`)
        const credit = organisationCredit.test(textOf(tree.children[index - 1]))
        if (value !== title!.value && !isAgency(value) && !signedLabel.test(value) && named && !inMenu(index) && !credit) found.push(index)
      }
      // Authors' cards, each name over its role (`Author(s)` / `Helen Marchetti` / `Senior Lecturer, …` / `Owen Pryce` /
      // `Research Fellow, …`): every name.
      // Or each name with its role on its line (`Ayu Lestari, Universitas Gadjah Mada` / `Rizal Hakim, Universitas Airlangga`).
      // Or each name printed twice, one under the other (its picture's text and the name: `Núria Ballester` / `Núria
      // Ballester` / `Redactora` / … / `Pau Ferrer` / `Pau Ferrer`): every name, and the role under each.
      const pairs: number[] = []
      for (let index = 0; index + 1 < end; index++) {
        const value = textOf(tree.children[index])
        if ((tree.children[index].position?.start.line ?? 0) > titleLine && isPersonName(value) && textOf(tree.children[index + 1]) === value) pairs.push(index, index + 1)
      }
      const doubled = pairs.length >= 4 && new Set(pairs.map((index) => textOf(tree.children[index]))).size === pairs.length / 2
      if (doubled) {
        const names = pairs.filter((_, step) => step % 2 === 1)
        setField(
          file,
          'author',
          field<string[]>(
            names.map((index) => textOf(tree.children[index])),
            names.map((index) => cite(file, 'name-line', textSpan(plainText(tree.children[index])!, 0, textOf(tree.children[index]).length)))
          )
        )
        for (const index of pairs.toReversed()) {
          const under = textOf(tree.children[index + 1])
          if (names.includes(index) && isRole(under) && wordCount(under) <= 4) removeChild(file, tree, index + 1, 'byline')
          removeChild(file, tree, index, 'byline')
        }
        return undefined
      }
      const cards = found.length >= 2 && found.every((index) => isPersonName(textOf(tree.children[index])) && isRole(textOf(tree.children[index + 1])))
      const roled = found.length >= 2 && found.every((index) => withRole(textOf(tree.children[index])) !== undefined)
      if ((cards || roled) && new Set(found.map((index) => textOf(tree.children[index]))).size === found.length) {
        const end = (index: number) => (roled ? withRole(textOf(tree.children[index]))! : textOf(tree.children[index]).length)
        setField(
          file,
          'author',
          field<string[]>(
            found.map((index) => textOf(tree.children[index]).slice(0, end(index))),
            found.map((index) => cite(file, 'name-line', textSpan(plainText(tree.children[index])!, 0, end(index))))
          )
        )
        // (an author's card leaves whole: the name and the role under it)
        for (const index of found.toReversed()) {
          if (cards) removeChild(file, tree, index + 1, 'byline')
          removeChild(file, tree, index, 'byline')
        }
        return undefined
      }
      // (the same name printed twice is one: `Rania Al Suwaidi` / `Rania Al Suwaidi`)
      if (found.length > 0 && found.every((index) => textOf(tree.children[index]) === textOf(tree.children[found[0]]))) {
        const text = plainText(tree.children[found[0]])!
        // (or two to four names: `Lim Wei Ling & Farah Idris`; or a name and its role: `Chidinma Eze, Personal Finance Editor`)
        const named = withRole(text.value) ?? withSuffix(text.value)
        const spans = named !== undefined ? [{start: 0, end: named}] : (personNames(text.value) ?? [{start: 0, end: text.value.length}])
        setField(
          file,
          'author',
          field<string[]>(
            spans.map((span) => text.value.slice(span.start, span.end)),
            spans.map((span) => cite(file, 'name-line', textSpan(text, span.start, span.end)))
          )
        )
        // (the role on the line right under the name goes with it: `Szabó Eszter` / `gazdasági újságíró`)
        const last = found.at(-1)!
        const under = tree.children[last + 1]
        if (named === undefined && isRole(textOf(under)) && wordCount(textOf(under)) <= 8 && under.position?.start.line === (tree.children[last].position?.end.line ?? 0) + 1) {
          removeChild(file, tree, last + 1, 'byline')
        }
        for (const index of found.toReversed()) removeChild(file, tree, index, 'byline')
        return undefined
      }
    }

    if (nounsCapitalised) return undefined
    return signature()

    /** Whether a line stands in a run of short lines, one to a line (`Aktualności` / `Urząd Gminy` / `Kontakt`: a menu). */
    function inMenu(index: number): boolean {
      // (a name's role under it is no menu item: `Lucía Ferrer Beltrán` / `Arquitecta y urbanista`; nor the label over
      // authors' names: `Auteurs`)
      const line = tree.children[index].position
      return [index - 1, index + 1].some((other) => {
        const node = tree.children[other]
        const value = textOf(node)
        const position = node?.position
        const touching = position && line && (position.end.line + 1 === line.start.line || line.end.line + 1 === position.start.line)
        // (the same name printed twice is no menu)
        return Boolean(touching) && value !== '' && value !== textOf(tree.children[index]) && value.split(' ').length <= 3 && !/\d/u.test(value) && !isRole(value) && !authorsLabel.test(value)
      })
    }

    /** A signature: the last paragraph, or the one above one or two last lines of place (`Rawalpindi`, `North side`). */
    function signature(): undefined {
      const last = tree.children.length - 1
      const capitals = lang === 'vi' || lang === 'id'
      // A signature run on at the end of the last paragraph of prose (`… a case in point. Margaret Ellen Doyle, Townsend`).
      const lastProseAt = tree.children.findLastIndex((node) => isProse(textOf(node)))
      const lastProse = plainText(tree.children[lastProseAt])
      const runOn = lastProse && /[.!?]["”’]?\s+([^.!?,\n]+?)(?:,\s*\p{Lu}[^,.!?\n]{1,29})?$/u.exec(lastProse.value)
      if (lastProse && runOn && isPersonName(runOn[1], capitals)) {
        const from = runOn.index + runOn[0].indexOf(runOn[1], 1)
        setField(file, 'author', field<string[]>([runOn[1]], [cite(file, 'signature', textSpan(lastProse, from, from + runOn[1].length))]))
        return undefined
      }
      // Or the author's card right under the last paragraph of prose: the name over its role (`Rodrigo Salinas Ferrer` /
      // `Periodista y analista de políticas públicas.`, `Ирина Соколова` / `журналист, Вологодская область`).
      // (the article's last paragraph may be a short one, ending like a sentence: `Solo está esperando al próximo verano.`)
      let card = lastProseAt + 1
      if (card > 0 && /[.!?…"”»]$/u.test(textOf(tree.children[card])) && wordCount(textOf(tree.children[card])) >= 8) card++
      const cardName = card > 0 ? plainText(tree.children[card]) : undefined
      if (cardName && isPersonName(cardName.value, capitals) && isRole(textOf(tree.children[card + 1])) && !isProse(textOf(tree.children[card + 1]))) {
        setField(file, 'author', field<string[]>([cardName.value], [cite(file, 'signature', textSpan(cardName, 0, cardName.value.length))]))
        return undefined
      }
      // (ending with a comma or full stop maybe: `Elm Grove,` / `Thornbury.`)
      const place = (line: string) => {
        const value = line.replace(/[.,]$/u, '')
        return value.length <= 30 && /^\p{Lu}/u.test(value) && !/[\d.!?:]/u.test(value) && value.split(/\s+/u).length <= 3
      }
      // (the article's last sentence may be short: `La decisione è attesa entro la fine del mese.` / `Elisa Bertola`)
      const anyProse = lastProse !== undefined
      // (in Vietnamese and Indonesian, news sites sign right under the article, whatever furniture follows: `Minh Anh` /
      // `Ý kiến bạn đọc (12)` / `Tin liên quan` / …)
      // (the article's last paragraph may be a short one, ten words or more ending like a sentence)
      const underProse = capitals ? tree.children.findLastIndex((node) => isProse(textOf(node)) || (/[.!?…"”»]$/u.test(textOf(node)) && wordCount(textOf(node)) >= 10)) + 1 : 0
      // (a letter's signature, the name with a comma over the town, right under the letter, whatever furniture follows:
      // `Wanjiru Kamau,` / `Nakuru.` / `Have your say: …`)
      // (the letter may end with up to three short paragraphs: `We will keep walking the villages. We only ask that someone notices.`)
      let letter = lastProseAt + 1
      while (letter > 0 && letter <= lastProseAt + 3 && /[.!?…"”»]$/u.test(textOf(tree.children[letter])) && wordCount(textOf(tree.children[letter])) >= 5) letter++
      if (!(letter > 0 && /,$/u.test(textOf(tree.children[letter])) && place(textOf(tree.children[letter + 1])))) letter = 0
      /** The names signing paragraph `index` when it is a signature under a paragraph of prose (or a sentence). */
      const signers = (index: number) => {
        const text = plainText(tree.children[index])
        const before = textOf(tree.children[index - 1])
        if (index < 1 || !text || !(isProse(before) || (anyProse && /[.!?…"”»]$/u.test(before)))) return undefined
        // (a place after the comma is capitalised: `Marja de Boer, Deventer`; or two, line under line: `Dorothy Wainscott,` / `Elm Grove,` / `Thornbury.`)
        // (after a byline's label maybe: `Por Hugo Ferreyra`)
        const offset = signedLabel.exec(text.value)?.[0].length ?? 0
        // (or what the person is, written small, and maybe where: `Marieke de Wit, hoofdredacteur De Kempenbode`)
        const rest = text.value.slice(offset)
        const signed = /^([^,\n]+?)(?:,\s*\p{Lu}[^,\n]{1,29}?){0,2}[.,]?$/u.exec(rest) ?? roleAfter(rest)
        // (in Vietnamese and Indonesian the reporters sign together, a dash between: `Thu Trang - Văn Khải`)
        const parts = signed ? [...signed[1].matchAll(capitals ? /(.+?)(?:\s+[-–]\s+|$)/gu : /(.+)$/gu)] : []
        if (!signed || parts.length > 3 || !parts.every((part) => isPersonName(part[1], capitals))) return undefined
        return {text, offset, parts}
      }
      for (const index of new Set([last, last - 1, last - 2, ...(underProse > 0 ? [underProse] : []), ...(letter > 0 ? [letter] : [])])) {
        // (one or two lines of place under the name: `Bumayong` / `Lae, Morobe`)
        if (index < 1 || (index !== underProse && index !== letter && tree.children.slice(index + 1).some((node) => !place(textOf(node))))) continue
        const found = signers(index)
        if (!found) continue
        // A page of several letters, each signed under its own (`Derek Omondi, Harbour Lane` … `M. Ferreira, Eastbridge`),
        // has no one author.
        if (tree.children.some((node, other) => other !== index && signers(other))) return undefined
        const {text, offset, parts} = found
        setField(
          file,
          'author',
          field<string[]>(
            parts.map((part) => part[1]),
            parts.map((part) => cite(file, 'signature', textSpan(text, offset + part.index, offset + part.index + part[1].length)))
          )
        )
        return undefined
      }
      return undefined
    }
  }
}

/** A signature whose name is followed by what the person is, written small (`Marieke de Wit, hoofdredacteur De Kempenbode`): the name first. */
function roleAfter(value: string): RegExpExecArray | null {
  const match = /^([^,\n]+?),\s*(\p{Ll}[^,\n.!?]{2,60})$/u.exec(value)
  return match && isRole(match[2]) ? match : null
}

/** A label over the authors' names (`Author(s)`, `Auteurs`, `Autoren`). */
const authorsLabel = /^(?:authors?|author\(s\)|auteur(?:e|s|es)?|auteur\(s\)|autor(?:es|en|in|innen|a|as|i|zy)?|autore|autori|yazarlar|yazar|penulis)\s*:?$/iu

/** Where the name ends in a line of a name and its role (`Chidinma Eze, Personal Finance Editor`, `Sarah Ortiz | Staff Writer`), if it is one. */
function withRole(value: string): number | undefined {
  return nameBefore(value, /, | \| /u, isRole)
}

/**
 * Where the name ends in a line of a name, then after ` · `, a dash or a bar an outlet or place of a few words (`Claire
 * Doucette · The Canadian Press`, `Camila Ferraz — Belo Horizonte`, `María José Ibarra | Teruel`), if it is one.
 */
function withSuffix(value: string): number | undefined {
  return nameBefore(value, / · | [—–|] /u, (rest) => rest.split(' ').length <= 5 && /^\p{Lu}/u.test(rest) && !/[.!?:;]/u.test(rest))
}

/** Where a person's name ends before the first `separator`, when what follows it passes `rest`. */
function nameBefore(value: string, separator: RegExp, rest: (value: string) => boolean): number | undefined {
  const found = separator.exec(value)
  if (!found || found.index <= 0) return undefined
  return isPersonName(value.slice(0, found.index)) && rest(value.slice(found.index + found[0].length)) ? found.index : undefined
}

/** A credit line whose name, on the next line, is an organisation's (`News provided by`, `Sponsored by:`, `Powered by`). */
const organisationCredit = /\b(?:provided|distributed|issued|presented|sponsored|powered|supported|funded|brought to you) by\s*:?$/iu

/** A byline's one-word label before a signature's name (`Por Hugo Ferreyra`, `By Ann Lee`). */
const signedLabel = new RegExp(String.raw`^${shortBylineLabel}\s+(?=\p{Lu})`, 'iu')

/** A letter's closing on a line of its own, in the languages docprov reads. */
const closing =
  /^(?:yours (?:faithfully|sincerely|truly)|sincerely(?: yours)?|(?:yours )?in christ|in christ(?:['’]s)? (?:peace|love)|(?:many |with )?blessings|god bless|with (?:love and )?prayers|warmly|warm wishes|best wishes|all the best|cheers|with gratitude|until next time|(?:best |kind |warm )?regards|with (?:best |kind )?regards|cordialement|bien cordialement|mit freundlichen grüßen|freundliche grüße|atentamente|saludos cordiales|cordiali saluti|distinti saluti|atenciosamente|cordialmente|met vriendelijke groet(?:en)?|(?:med )?vänliga hälsningar|med venlig hilsen|med vennlig hilsen|z poważaniem|s pozdravem|saygılarımla|hormat (?:kami|saya)|с уважением|з повагою|בברכה|مع (?:خالص )?التحية)[,.!]?$/iu

/**
 * Where the signer's name starts in a line under a closing: the whole line when it is a name, else its last two or
 * three words after a role (`Міський голова Олександр ГРИЦЕНКО`), a surname in capitals allowed; in a script without
 * capitals, two or three words of letters (`דנה אלוני`). None when the line is no name.
 */
function signedName(value: string): number | undefined {
  if (/^\p{Lo}+(?:\s\p{Lo}+){1,2}$/u.test(value)) return 0
  const words = value.split(' ')
  for (let count = Math.min(4, words.length); count >= 2; count--) {
    const name = words.slice(-count).join(' ')
    if (isPersonName(name, true)) return value.length - name.length
  }
  return undefined
}
