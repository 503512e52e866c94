/** Plugin: read bylines (`By A, B and C`) near the top into `author`, and take them out of the body. */
import type {Root, RootContent, Text} from 'mdast'
import type {VFile} from 'vfile'
import {sameOutlet} from './extract-source.js'
import {cite, field, hasField, plainText, removeChild, setField, textSpan} from './support/evidence.js'
import {cjkCredit, gluedDate, isWebAddress, outletEnd, postedByLabel, postedOnBy, postedOnLine, postFooterLine, sections, shortBylineLabel, startsSmall, wordCount} from './support/shapes.js'
import {isProse, topZone} from './support/zones.js'
import {isPersonName, personNames, withoutHonorific} from './support/person.js'
import {bioWord, isAgency, isRole, role} from './support/roles.js'
import type {Evidence} from './types.js'

/**
 * A byline's one-word label that is a common word of its language, read only in that language and before a capital:
 * Romanian `de Andrei Popescu`, Tagalog `Ni Jose Miguel Santos`, Swahili `Na Halima Juma, Tanga`.
 */
const languageLabels: Record<string, RegExp> = {ro: /^[Dd]e\s+(?=\p{Lu})/u, tl: /^[Nn]i\s+(?=\p{Lu})/u, sw: /^[Nn]a\s+(?=\p{Lu})/u}

// The label is a whole word (`PORTUALITÀ` is no `Por` byline).
const label = /^(?:by\s+(?=by\s))?(?:by\s*[-–]\s+|(?:by|written by|posted by|words by|text by|photo (?:essay|story) by|(?:text|words|story) and (?:photos|photographs|pictures|images) by|(?:photos|photographs|pictures|images) and (?:text|words|story) by|editorial by|column by|commentary by|analysis by|review by|story by|report from|von|geschrieben von|par|écrit par|por|escrito por|door|geschreven door|di|scritto da|av|af|tekst af|indsendt af|innsendt av|insänt av|submitted by|sent in by|oleh|ditulis oleh|curated by|compiled by|reviewed by|interview(?:ed)? by|беседовал[аи]?|a cura di|(?:el|la) periodista|(?:le|la) journaliste|(?:il|la) giornalista|(?:o|a) jornalista|โดย)(?:\s*:\s*|\s+)|(?:เรื่อง|ผู้เขียน|เขียน|รายงาน)\s*:\s*|authors?\s*:|words\s*:|(?:text|words|story) and (?:photos|photographs|pictures)\s*:|(?:photos|photographs|pictures) and (?:text|words)\s*:|columnist\s*:|(?:text|texte|texto|testo|tekst|текст)\s*:|autor(?:in)?\s*:|auteur\s*:|autore\s*:|penulis\s*:|pewarta\s*:|kontributor\s*:|wartawan\s*:|yazar\s*:|muhabir\s*:|tác giả\s*:|συντάκτης\s*:|автор\s*:|(?:रिपोर्ट|लेखक|संवाददाता)\s*:|(?:teksti|kirjoittaja|(?:yhdessä )?kirjoittaneet|piše|napisao|napisala|napsal|napsala|avtor|avtorica|szerző|írta|প্রতিবেদক|লেখক)\s*:|เขียนโดย\s*|بقلم\s*:?|(?:تحریر|نویسنده|كتب|كتبت)\s*:|מאת\s*:?|(?:作者|记者|記者)(?:\s*[:：]|\s)|(?:取材・)?文(?:・写真)?\s*[:：／]|写真・文\s*[:：]|撰文\s*[:：／])\s*/iu
const particle = String.raw`(?:de|da|das|do|dos|del|della|der|den|di|du|la|las|le|les|los|van|von|bin|ibn|al|el|y|ter|te|wa)`
const namePattern = new RegExp(
  String.raw`^\p{Lu}[\p{L}'’.-]*(?:\s+(?:${particle}\s+){0,2}(?:\p{Lu}[\p{L}'’.-]*|al-\p{Lu}[\p{L}'’-]*))*$`,
  'u'
)

/**
 * Find a byline in the top of the article (before the second paragraph of
 * prose): `By A`, `By A and B`, `By A & B`, `By A, B and C`, `Author: A`, in some
 * other languages (`Von`, `Par`, `Por`), with an outlet, role or date after `|`,
 * `–` or a comma dropped. Also a Medium-style name line followed by `Follow`,
 * and a label alone with the name on the next line (`Autor` / `Marina
 * Petrović`, at the top or among the last paragraphs).
 * Each name is cited; the byline leaves the body. Without a byline: a
 * headline that ends with one (`…, By Femi Adeyemi`), a wire story's closing
 * credit (`Reporting by A; Editing by B`: rule `wire-credit`, the reporters, not
 * the editors), a blog's post footer (`Posted by A at 9:14 PM`: rule
 * `post-footer`), a labelled byline at the end (`Tác giả: Minh Tâm`), or a closing bio (`Dana Whitcombe is a … teacher.`: rule
 * `author-bio`). Listings claim no author.
 * Sets `author` (always).
 */
export default function extractByline() {
  return function (tree: Root, file: VFile): undefined {
    const ownLabel = languageLabels[file.data.meta?.lang?.value ?? '']
    const languageLabel = (value: string) => (ownLabel ? ownLabel.exec(value) : null)
    // A listing’s bylines belong to its teasers, not to the page.
    const zone = file.data.meta?.kind?.value === 'listing' ? [] : topZone(tree)
    const agency = file.data.meta?.source?.evidence.find((evidence) => evidence.rule === 'agency-byline')
    const source = file.data.meta?.source?.value ?? undefined
    for (const index of zone) {
      const text = plainText(tree.children[index])
      if (!text || text.value.length > 120 || text.value.includes('\n')) continue
      // (a sentence's first words in capitals, split from the rest by a drop cap, are no byline: `DI TENGAH` / `hiruk-pikuk …`)
      const next = plainText(tree.children[index + 1])?.value ?? ''
      if (!/\p{Ll}/u.test(text.value) && startsSmall(next)) continue
      // (after its section and a bar: `Opinion|By Gordon Achterberg`)
      const section = /^(\p{L}[\p{L} -]{1,30}?)\s*[|•·]\s*(?=\S)/u.exec(text.value)
      const skip = section && sections.has(section[1].toLowerCase()) ? section[0].length : 0
      const labelled = label.exec(text.value.slice(skip)) ?? languageLabel(text.value.slice(skip))
      // (or after the date: `Posted on March 2, 2021 by A`, `December 9 2025, by A`)
      const match = labelled ? [text.value.slice(0, skip + labelled[0].length)] : (postedOnBy.exec(text.value) ?? /^[^|]{4,40}?\p{Nd}{4},?\s+[Bb]y\s+(?=\p{Lu})/u.exec(text.value))
      let names: Array<{value: string; evidence: Evidence}> | undefined
      let glued: number | undefined
      // (the name's own line, when it is not this one: it leaves the body too)
      let nameLine: number | undefined
      // A Korean byline: the name, then 기자 (reporter), maybe an address (`• 고은비 기자`, `고은비 기자 ebko@…`, `고은비 기자 | ebko@…`).
      // (printed twice, glued: `• 박진우 기자박진우 기자`)
      // (or another title after a space: `• 한지석 책임연구원`, `박서윤 특파원`)
      const korean = match
        ? null
        : /^(?:[•·]\s*)?(\p{Script=Hangul}{2,4})(?:\s?기자(?:\1\s?기자)?|\s(?:특파원|선임기자|객원기자|전문기자|논설위원|책임연구원|선임연구원|수석연구원|연구위원|칼럼니스트))(?:\s+(?:[|·]\s*)?\S+@\S+)?$/u.exec(text.value)
      // An academic's line over the story: the name and the institution (`Rohan Matheson, Murray Coast University`).
      const academic = match || korean ? null : /^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}),\s+(?=.{0,60}(?<!\p{L})(?:university|universit[éäy]|universidad|università|universidade|universiteit|institute|college)(?!\p{L}))[^,]{3,70}$/iu.exec(text.value)
      // A correspondent's line over the story: the name, the place and a colon (`Rafiq Alam, Kaunia (Rangpur):`), then prose.
      const correspondent =
        match || korean ? null : /^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}),\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}(?:\s+\([\p{L} ]{2,30}\))?\s*:$/u.exec(text.value)
      if (korean) {
        const from = korean[0].indexOf(korean[1])
        names = [{value: korean[1], evidence: cite(file, 'byline', textSpan(text, from, from + korean[1].length))}]
      } else if (academic && namePattern.test(academic[1]) && !role.test(academic[1]) && !organisation.test(academic[1])) {
        names = [{value: academic[1], evidence: cite(file, 'byline', textSpan(text, 0, academic[1].length))}]
      } else if (correspondent && isProse(plainText(tree.children[index + 1])?.value ?? '') && !role.test(correspondent[1]) && !organisation.test(correspondent[1])) {
        names = [{value: correspondent[1], evidence: cite(file, 'byline', textSpan(text, 0, correspondent[1].length))}]
      } else if (match) names = namesIn(file, text, match[0].length)
      else if ((glued = nameBeforeLabel(text.value)) !== undefined) names = namesIn(file, text, glued)
      else if (nameThenDate.test(text.value)) names = namesIn(file, text, 0)
      // (not the outlet a portal follows: `Lakeside Courier` / `Follow` … `Provided by Lakeside Courier`)
      else if (/^follow$/iu.test(plainText(tree.children[index + 1])?.value ?? '') && namePattern.test(text.value) && text.value.split(' ').length <= 4 && !(source && sameOutlet(source, text.value))) {
        // (a role between the name and `Follow` is not the name: `Margaret Oduya` / `Senior Columnist` / `Follow`)
        const named = role.test(text.value) ? plainText(tree.children[index - 1]) : text
        if (named && namePattern.test(named.value) && named.value.split(' ').length <= 4 && !role.test(named.value)) {
          names = [{value: named.value, evidence: cite(file, 'author-follow', textSpan(named, 0, named.value.length))}]
          if (named !== text) nameLine = index - 1
        }
      } else if (
        // (or under `Click to follow`, as some portals print the button over the name: `Click to follow` / `Marcus Pendle`)
        /^click to follow$/iu.test(plainText(tree.children[index - 1])?.value ?? '') &&
        // (not the outlet's name there: `Click to follow` / `The Sentinel Online`)
        isPersonName(text.value) &&
        namePattern.test(text.value) &&
        !role.test(text.value) &&
        !(source && sameOutlet(source, text.value))
      ) {
        names = [{value: text.value, evidence: cite(file, 'author-follow', textSpan(text, 0, text.value.length))}]
        nameLine = index - 1
      } else if (file.data.namedDates?.has(text)) {
        // (names with the date after them, which `extractDate` read: `Léa Marchetti, Thomas Gendron le samedi 9 mars 2024`)
        const value = text.value.slice(0, file.data.namedDates.get(text))
        names = (personNames(value) ?? [{start: 0, end: value.length}]).map(({start, end}) => ({value: value.slice(start, end), evidence: cite(file, 'byline', textSpan(text, start, end))}))
      } else if (file.data.datedNames?.has(text)) {
        // (a dateline that ends with its author's name after a slash, which `extractDate` read: `… 19:27 WIB / Andi Rahmat`)
        const from = file.data.datedNames.get(text)!
        const value = text.value.slice(from).trimEnd()
        names = [{value, evidence: cite(file, 'byline', textSpan(text, from, from + value.length))}]
      } else names = metaBar(text)
      if (!names || names.length === 0) continue
      // A wire service read as the source from this byline (`By AFP`, `By Dana Roe and AFP`) is no author.
      const authors = agency === undefined ? names : names.filter((name) => name.evidence.start !== agency.start || name.evidence.end !== agency.end)
      if (authors.length > 0) setAuthors(file, authors)
      removeChild(file, tree, index, 'byline')
      if (nameLine !== undefined) removeChild(file, tree, nameLine, 'byline')
      break
    }
    if (file.data.meta?.kind?.value !== 'listing' && !hasField(file, 'author')) cjkCredits(tree, file) || avatarCard(tree, file, zone) || labelAbove(tree, file, zone) || labelBelow(tree, file, zone) || gluedToCredit(tree, file, zone) || guestPost(tree, file) || bylineInHeadline(zone.slice(0, 4)) || writesIn(zone) || wireCredit(tree, file) || liveCredit(tree, file) || interviewCredit(tree, file) || postFooter(tree, file) || closingLabel(tree, file) || authorBio(tree, file) || signedAbove(tree, file) || signedWithRole(tree, file) || letterSignatures(tree, file)
    setField(file, 'author', field<string[]>([]))
    return undefined

    /**
     * A meta bar of fields between bars, one of them people's names, alone or before the date, and a date in it
     * (`Local | Vivian Lok and Tommy Szeto 3 Jan 2019`, `Marta Wieczorek, (ab) | Utworzono: 12.05.2010, 18:40 | …`).
     */
    function metaBar(text: Text): Array<{value: string; evidence: Evidence}> | undefined {
      const fields = text.value.split(/\s+\|\s+/u)
      if (fields.length < 2 || fields.length > 4 || !fields.some((value) => /\p{Nd}{4}/u.test(value))) return undefined
      let at = 0
      for (const value of fields) {
        const from = text.value.indexOf(value, at)
        at = from + value.length
        // (the names without a date after them, or initials in brackets: `… Szeto 3 Jan 2019`, `…, (ab)`)
        const names = value.replace(/\s+(?:\p{Nd}{1,2}\s+\p{L}{3,}\.?,?\s+\p{Nd}{4}|\p{L}{3,}\.?\s+\p{Nd}{1,2},?\s+\p{Nd}{4}|\p{Nd}{1,2}[./-]\p{Nd}{1,2}[./-]\p{Nd}{2,4})(?:,?\s+\p{Nd}{1,2}:\p{Nd}{2})?$/u, '').replace(/,?\s*\([\p{Ll}\p{Lu}]{1,4}\)$/u, '')
        const spans = personNames(names) ?? (isPersonName(names) ? [{start: 0, end: names.length}] : undefined)
        if (!spans) continue
        return spans.map(({start, end}) => ({value: names.slice(start, end), evidence: cite(file, 'byline', textSpan(text, from + start, from + end))}))
      }
      return undefined
    }

    /**
     * A standfirst or lead that ends by naming its writer (`…, Powys has the most, writes Gwenllian Price-Ellis.`):
     * the name is read (rule `writes`) and the paragraph stays.
     */
    function writesIn(indexes: number[]): boolean {
      for (const index of [...indexes, indexes.length > 0 ? indexes[indexes.length - 1] + 1 : 0]) {
        const text = plainText(tree.children[index])
        if (!text || text.value.length > 600) continue
        const match = /,\s+writes\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})\.?$/u.exec(text.value)
        // (the full stop ends the sentence, not the name)
        const name = match?.[1].replace(/(?<=\p{L}{3,})\.$/u, '')
        if (!match || !name || !namePattern.test(name) || role.test(name) || organisation.test(name)) continue
        const from = match.index + match[0].indexOf(name, 1)
        setAuthors(file, [{value: name, evidence: cite(file, 'writes', textSpan(text, from, from + name.length))}])
        return true
      }
      return false
    }

    /** `Why the float needs a second look, By Femi Adeyemi`: the names are read, and the headline is left for `extractTitle` to cut. */
    function bylineInHeadline(indexes: number[]): boolean {
      for (const index of indexes) {
        const text = plainText(tree.children[index])
        if (!text || text.value.length > 200 || text.value.includes('\n')) continue
        const match = /,\s+by\s+(?=\p{Lu})/iu.exec(text.value)
        if (!match || text.value.slice(0, match.index).split(' ').length < 4) continue
        const names = namesIn(file, text, match.index + match[0].length)
        // A person's name has two words at least (`…, By Design` is the headline's own).
        if (!names || names.length === 0 || names.some((name) => !name.value.includes(' '))) continue
        setAuthors(file, names)
        file.data.titleByline = {text, at: match.index}
        return true
      }
      return false
    }
  }
}

/**
 * The reporters of a credit in Chinese, Japanese or Korean news among the first paragraphs (`华讯社上海1月1日电(记者陈晓岚、吴立恒)`,
 * `〔記者林秀娟/台中報導〕`, `(서울=한빛뉴스) 김도현 기자 =`, `文・写真　木村早苗記者`): rule `cjk-credit`; the paragraph stays.
 */
function cjkCredits(tree: Root, file: VFile): boolean {
  for (const node of tree.children.slice(0, 30)) {
    const text = plainText(node)
    const credit = text ? cjkCredit(text.value) : undefined
    if (!text || !credit || credit.names.length === 0) continue
    setAuthors(file, credit.names.map(({start, end}) => ({value: text.value.slice(start, end), evidence: cite(file, 'cjk-credit', textSpan(text, start, end))})))
    // (a name alone in brackets, `（森田 春香）`, is the whole line: it leaves the body)
    if (/^[（(][^（()）]+[）)]$/u.test(text.value)) removeChild(file, tree, tree.children.indexOf(node), 'byline')
    return true
  }
  return false
}

/** Set `author` to these names, each with its evidence. */
function setAuthors(file: VFile, names: Array<{value: string; evidence: Evidence}>): void {
  // (a news agency or a desk is no author: `By Reuters`, `Haber Merkezi`, `by Heartland Wire Service`; the agency is the source's business)
  const people = names.filter((name) => !isAgency(name.value))
  if (people.length === 0) return
  setField(file, 'author', field<string[]>(people.map((name) => name.value), people.map((name) => name.evidence)))
}


/** A wire story's closing credit: `Reporting by A and B; Editing by C` (editors are not authors). */
const credit = /^\(?(?:\p{L}+\s+)?(?:reporting|writing) by\s+/iu

/**
 * The author from a closing bio among the last six paragraphs, or the last of prose and the three after it (furniture may
 * follow it): a name of two to four words, then `is a`/`is an`/`is the` and
 * what the person does (`Dana Whitcombe is a Riverton resident and retired
 * teacher.`: `writer`, `professor`, `resident`, `based in`…), or what the
 * person covers for an outlet (`Dana Whitcombe covers county government for
 * the Ledger.`). The bio stays in the body.
 */
function authorBio(tree: Root, file: VFile): boolean {
  const firstProse = tree.children.findIndex((node) => isProse(plainText(node)?.value ?? ''))
  for (const index of closingIndexes(tree, 6)) {
    const text = plainText(tree.children[index])
    if (!text || text.value.length > 300 || text.value.includes('\n')) continue
    // (or says what the person covers: `Dana Whitcombe covers county government for the Ledger.`; or where the
    // person is from and what they have done: `Dale Furtado of Attleford has served on the finance committee.`)
    // (or opens with what the person is: `A former newspaper designer turned community archivist, Marguerite Vance writes about …`)
    // (after a dash, as some papers set a bio in italics: `— Marcy Delacroix is the Courier's restaurant critic.`)
    const match =
      /^(?:[—–]\s*)?(?:[Tt]he (?:writer|author|columnist),\s+|[Aa]bout the (?:author|writer)\s*:\s*|(?:An?|The) [^,]{3,80}, (?=\p{Lu}[^,]{3,40} (?:writes|is|has|covers|lives|teaches|works) ))?(\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|van|von|der|den|da|di|du|del|della|dos|das|do|la|le|ter|te|ten)\s+){0,2}\p{Lu}[\p{L}'’.-]*){1,3})(?:,? of \p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*)?)?,? (?:(?:is|was) (?:a|an|the)\s(?!(?:\p{Ll}+\s){0,2}(?:column|series|feature|section|newsletter|podcast|blog|project|programme|program|initiative|partnership|publication|website|site|organi[sz]ation|nonprofit|company|charity|group|trademark|trade mark|brand)\b)|(?:est|es|è|é|ist) (?:(?:un|une|una|uno|um|uma|ein|eine)\s)?(?=\p{Ll})|(?<trade>is) (?=(?:\p{Ll}+\s){0,2}(?:voorzitter|directeur|wethouder|burgemeester|hoogleraar|docent|onderzoeker|journalist|schrijver|schrijfster|columnist|econoom|advocaat|huisarts|predikant|bestuurder|bestuurslid|politicoloog|historicus|oud-\p{Ll}+)(?!\p{L}))|has (?:served|worked|written|taught|covered|reported|volunteered|lived|spent|been)\s|(?<covers>covers|reports on|writes about) .{3,80}\bfor (?:the )?\p{Lu}|(?<dashed>[–—] (?=\p{Ll}))|(?<soft>writes about|lives in|teaches|works as|owns|runs|founded|co-founded|serves on|chairs|directs|manages|farms|practi[cs]es)\s)/u.exec(
        text.value
      )
    // A bio says what the person does (a news story's last line about its subject rarely does so), names a
    // person (not `Harbour Books`), and the name is nowhere else in the text (else the article is about them).
    if (!match || !namePattern.test(match[1]) || role.test(match[1]) || organisation.test(match[1])) continue
    // (a line that is the name alone is a byline: `Noa Ben-Haim` above the headline, `About the Author` / `Noa Ben-Haim is …`;
    // with one, the bio needs no word of a trade: `… is a transport planner`, `… owns Kallstrom Hardware`)
    const alone = (node: RootContent) => plainText(node)?.value.trim() === match[1]
    // (what the person does in other words, `… owns Kallstrom Hardware`, only with the name alone on a line, or a word of a
    // trade, or a bio that opens with what the person is)
    // (a Dutch bio says the trade itself: `… is voorzitter van …`)
    const soft = match.groups?.soft !== undefined
    // (a name, a dash and what the person does, as Polish and Czech bios write it, only with a word of a trade:
    // `Piotr Zawadzki – analityk Forum Wspólnoty, zajmuje się …`)
    if (match.groups?.dashed && !bioWord.test(text.value.slice(match[0].length, match[0].length + 80))) continue
    if (!(match.groups?.covers || match.groups?.trade || bioWord.test(text.value) || tree.children.some(alone) || (soft && /^(?:An?|The) [^,]{3,80}, /u.test(match[0])))) continue
    // (above the article's first paragraph of prose, and in it, the name is the byline's or the standfirst's:
    // `Harriet Mossop asks why …`)
    if (tree.children.some((node, other) => other !== index && other > firstProse && (plainText(node)?.value ?? '').includes(match[1]) && !alone(node))) continue
    // (after `The writer, ` maybe: `The writer, Efua Mensah-Bonsu, is a lecturer …`)
    const at = match[0].indexOf(match[1])
    const authors = [{value: match[1], evidence: cite(file, 'author-bio', textSpan(text, at, at + match[1].length))}]
    // (a co-author's bio may follow in the same paragraph: `A is a senior fellow … . B is a research associate …`)
    for (const next of text.value.matchAll(/(?<=[.!?]\s+)(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}) (?:is|was) (?:a|an|the)\s/gu)) {
      const name = next[1]
      if (!namePattern.test(name) || role.test(name) || organisation.test(name) || authors.some((author) => author.value === name)) continue
      if (tree.children.some((node, other) => other !== index && other > firstProse && (plainText(node)?.value ?? '').includes(name))) continue
      authors.push({value: name, evidence: cite(file, 'author-bio', textSpan(text, next.index, next.index + name.length))})
    }
    setAuthors(file, authors)
    // Such lines above the article's first paragraph of prose leave the body as its byline (the names alone, or all of them: `A and B`).
    const names = authors.map((author) => author.value).sort().join('\n')
    const all = (node: RootContent) => {
      const value = plainText(node)?.value.trim() ?? ''
      const found = authors.length > 1 ? personNames(value) : undefined
      return found !== undefined && found.map(({start, end}) => value.slice(start, end)).sort().join('\n') === names
    }
    for (let other = firstProse - 1; other >= 0; other--) if (alone(tree.children[other]) || all(tree.children[other])) removeChild(file, tree, other, 'byline')
    return true
  }
  return false
}

/** The text of an author's picture (`Picture of LedgerLeaf Editorial Team`, `Avatar for Dana Roe`, `Dana Roe's avatar`). */
const avatar = /^(?:(?:picture|photo|image|avatar|portrait|headshot|profile (?:picture|photo|image))\s+(?:of|for)\s+(\S.{1,58}\S)|(\S.{1,58}\S)['’]s? (?:avatar|profile picture|headshot))$/iu

/**
 * An author's card above the article's first paragraph of prose: the picture's text, then the name alone on one of the
 * next two lines (`Picture of LedgerLeaf Editorial Team` / `LedgerLeaf Editorial Team`): the name (rule `author-card`; a
 * team's name too), and both lines leave as `byline`.
 */
function avatarCard(tree: Root, file: VFile, zone: number[]): boolean {
  for (const index of zone) {
    const picture = avatar.exec(plainText(tree.children[index])?.value ?? '')
    const name = picture?.[1] ?? picture?.[2]
    if (!name || /\d/u.test(name) || wordCount(name) > 6) continue
    const at = [index + 1, index + 2].find((other) => zone.includes(other) && plainText(tree.children[other])?.value === name)
    if (at === undefined) continue
    const text = plainText(tree.children[at])!
    setAuthors(file, [{value: name, evidence: cite(file, 'author-card', textSpan(text, 0, name.length))}])
    removeChild(file, tree, at, 'byline')
    removeChild(file, tree, index, 'byline')
    return true
  }
  return false
}

/** A note that says who the author is (`The author is a lawyer …`, `Autor je advokát …`, `L’auteur est …`). */
const authorNote =
  /^(?:the (?:author|writer) (?:is|was)|(?:autor|autorka) (?:je|jest|on)|l['’]aut(?:eur|rice)e? est|der autor ist|die autorin ist|(?:el autor|la autora) es|(?:o autor|a autora) é|l['’]autore è|avtor(?:ica)? je|a szerző|autorius yra|autors ir|forfatteren er|författaren är|skribenten är|skribenten er|kirjoittaja on|kirjoittaja toimii|de auteur is|yazar)\s/iu
/** What a signatory is, on the line under the name (`Parish Clerk`, `Commissioner for Information`, `Volikogu esimees`). */
const signatoryRole =
  /(?<!\p{L})(?:clerk|chair(?:man|woman|person)?|mayor|secretary|director|diretora?(?:-adjunt[oa])?|directeur|directrice|direttore|direttrice|directora|subdirectora?|redaktor(?:ka)?(?: naczelny| naczelna)?|chefredakteur(?:in)?|rédacteur en chef|rédactrice en chef|editor(?:a)?(?:[- ]in[- ]chief| jefe| chefe)?|caporedattore|caporedattrice|president|minister|commissioner|spokes(?:man|woman|person)|officer|manager|chief executive|head|councillor|council member|governor|principal|rector|dean|bürgermeister(?:in)?|maire|alcalde(?:sa)?|sindaco|burmistrz|wójt|starosta|polgármester|župan|gradonačelnik(?:ica)?|načelnik|esimees|vallavanem|linnapea|pormestari|ordfører|borgmester|kommunstyrelsens ordförande|прес-служба|міський голова|глава|председатель|пресс-секретарь)(?!\p{L})/iu

/** A press release's contact label (`Media Contact`, `Press contacts:`, `For more information, contact:`, `Pressekontakt`). */
const contactLabel =
  /^(?:(?:media|press|investor|news|public) (?:contacts?|relations|inquiries|enquiries)|contacts?|for (?:more|further) information(?:,? (?:please )?contact)?|kontakt|pressekontakt|medienkontakt|contact (?:presse|média)|contacto(?: de prensa| para medios)?|contato(?: para imprensa)?|contatti stampa|perskontakt|kontakt för media|mediakontakt|lisätietoja)\s*:?$/iu

/**
 * A signatory among the last twelve paragraphs: a name alone on a line (two to four words), the next line saying what the
 * person is (`Margaret Tilney` / `Parish Clerk`, `Rein Laanemets` / `Volikogu esimees`): the name (rule `signature`);
 * both stay.
 */
function signedWithRole(tree: Root, file: VFile): boolean {
  // (a name with a line under it: not the last paragraph)
  for (const index of closingIndexes(tree, 12, tree.children.length - 2)) {
    const text = plainText(tree.children[index])
    const next = plainText(tree.children[index + 1])?.value ?? ''
    // (a letter's salutation is none: `Dear Editor:` under the last letter's signature)
    if (!text || text.value.length > 50 || next.length > 60 || wordCount(next) > 6 || !signatoryRole.test(next) || /[:：]$/u.test(next)) continue
    // (a press release's contact under its label is whom to call, not who wrote it: `Media Contact` / `Dana Whitcombe` /
    // `Director, Corporate Communications`)
    if (contactLabel.test(plainText(tree.children[index - 1])?.value ?? '')) continue
    const name = text.value.trim()
    if (!isPersonName(name) || !namePattern.test(name) || role.test(name) || organisation.test(name) || signatoryRole.test(name)) continue
    setAuthors(file, [{value: name, evidence: cite(file, 'signature', textSpan(text, 0, name.length))}])
    return true
  }
  return false
}

/**
 * Where a closing line may stand, in the order to look: the last `count` paragraphs up to `end`, from the end, then
 * the article's last paragraph of prose and the three after it, when the links that follow it push them out of those,
 * then the three before it (a pitch for submissions after the bio reads as prose).
 */
function closingIndexes(tree: Root, count: number, end = tree.children.length - 1): number[] {
  const last = Array.from({length: Math.max(0, Math.min(count, end + 1))}, (_, step) => end - step)
  const lastProse = tree.children.findLastIndex((node) => isProse(plainText(node)?.value ?? ''))
  // (or up to three before it: a disclaimer and a pitch for submissions may follow a bio, and a pitch reads as prose)
  const near = lastProse === -1 ? [] : [0, 1, 2, 3, -1, -2, -3].map((step) => lastProse + step).filter((index) => index >= 0 && index <= end && !last.includes(index))
  return [...last, ...near]
}

/** Academic and professional titles before a name, not part of it (`JUDr.`, `Dr.`, `Prof.`, `Mgr.`, `Ing.`). */
const titlePrefix = /^(?:(?:prof|doc|dr|judr|mudr|phdr|rndr|mgr|ing|bc|dipl|mag)\.\s*)+/iu

/**
 * Readers' letters, each signed under its last paragraph with the writer's name and town on the next line (`Eleanor Voss`
 * / `Pine Hollow`, `Gertrud Albrecht` / `97346 Iphofen`): every writer is an author (rule `letter-signature`) and the
 * lines stay. A name counts when it is nowhere else in the text, and not in a list (two more such lines under the
 * town).
 */
function letterSignatures(tree: Root, file: VFile): boolean {
  const town = /^(?:\p{Nd}{4,5}\s+)?\p{Lu}[\p{L}'’.-]+(?:[\s-]\p{Lu}[\p{L}'’.-]+){0,2}(?:,\s+\p{Lu}[\p{L}.]+)?$/u
  const values = tree.children.map((node) => plainText(node)?.value ?? '')
  const firstProse = values.findIndex((value) => isProse(value))
  const lastProse = values.findLastIndex((value) => isProse(value))
  const names: Array<{value: string; evidence: Evidence}> = []
  for (let index = 1; index + 1 < tree.children.length; index++) {
    const text = plainText(tree.children[index])
    const name = text?.value.trim() ?? ''
    // (under a paragraph of prose, or a sentence that ends one: `Surely the developers can spare a wall for the town's memory.`)
    // (below the first paragraph of prose: a name over the date under the headline is a byline)
    const signs = isProse(values[index - 1]) || (index - 1 > firstProse && /[.!?…"”»]$/u.test(values[index - 1]) && wordCount(values[index - 1]) >= 6)
    // (the line under it is a place, not a role: `State Health Reporter`)
    const place = values[index + 1]
    // (or the name and the place on one line after a dash: `— Dale Prewitt, Lake Havasu City`)
    // (after the last paragraph of prose: not a quotation's source in the text, `— Mark Twain, Roughing It`)
    const dashed = text && signs && index > lastProse && firstProse !== -1 ? /^[—–-]\s*([^,]{4,40}),\s+(.{3,40})$/u.exec(text.value) : null
    if (dashed && town.test(dashed[2]) && !role.test(dashed[2]) && !isRole(dashed[2]) && isPersonName(dashed[1]) && namePattern.test(dashed[1]) && !role.test(dashed[1]) && !organisation.test(dashed[1])) {
      const from = text!.value.indexOf(dashed[1])
      names.push({value: dashed[1], evidence: cite(file, 'letter-signature', textSpan(text!, from, from + dashed[1].length))})
      continue
    }
    if (!text || firstProse === -1 || index < firstProse || !signs || !town.test(place) || signatoryRole.test(place) || role.test(place) || isRole(place)) continue
    if (!isPersonName(name) || !namePattern.test(name) || role.test(name) || organisation.test(name)) continue
    if (town.test(values[index + 2] ?? '') && town.test(values[index + 3] ?? '')) continue
    if (values.some((value, other) => other !== index && value.includes(name))) continue
    names.push({value: name, evidence: cite(file, 'letter-signature', textSpan(text, 0, name.length))})
  }
  if (names.length === 0) return false
  setAuthors(file, names)
  return true
}

/**
 * A name alone on a line over a note that says who the author is (`JUDr. Martin Hrabovský` / `Autor je advokát …`,
 * `Kirsi Mäntylä` / `Kirjoittaja on …`), among the last paragraphs: the name, without its titles (rule `author-note`); both stay.
 */
function signedAbove(tree: Root, file: VFile): boolean {
  for (let index = tree.children.length - 2; index >= Math.max(0, tree.children.length - 10); index--) {
    const text = plainText(tree.children[index])
    if (!text || text.value.length > 60 || !authorNote.test(plainText(tree.children[index + 1])?.value ?? '')) continue
    const from = titlePrefix.exec(text.value)?.[0].length ?? 0
    const name = text.value.slice(from).trim()
    if (!namePattern.test(name) || name.split(' ').length < 2 || name.split(' ').length > 4 || role.test(name) || organisation.test(name)) continue
    setAuthors(file, [{value: name, evidence: cite(file, 'author-note', textSpan(text, from, from + name.length))}])
    return true
  }
  return false
}

const organisation = /\b(?:books|bookshop|ltd|inc|company|council|group|shop|store|press|media|university|college|school|museum|library|society|association|foundation|trust|bank|news|club|centre|center|institute)\b/iu

/** Authors from a wire credit among the last paragraphs, which then leaves the body. */
function wireCredit(tree: Root, file: VFile): boolean {
  return closingNames(tree, file, 6, 200, (value) => credit.exec(value)?.[0].length, 'wire-credit', 'wire-credit')
}

/** Who conducted an interview, said at its end (`Das Gespräch führten A und B.`, `Propos recueillis par A`, `Interview by A`). */
const interviewer =
  /^(?:(?:das (?:gespräch|interview) führten?|interview(?:t)?\s*:|(?:the )?interview (?:was )?(?:conducted )?by|interviewed by|propos recueillis par|entrevista (?:realizada )?por|entrevista de|intervista (?:a cura )?di|(?:het )?interview (?:werd afgenomen )?door|wywiad przeprowadził(?:a|y|i)?)\s+)/iu

/** The interviewers of an interview, from its closing credit among the last paragraphs; the credit then leaves the body. */
function interviewCredit(tree: Root, file: VFile): boolean {
  return closingNames(tree, file, 10, 160, (value) => interviewer.exec(value)?.[0].length, 'interview-credit', 'interview-credit')
}

/**
 * A picture's credit with the byline run into it, as some crawls glue neighbouring boxes (`© Kit Harrow/PAHelen Oduya`,
 * `© Ana Ruiz/Getty ImagesTom Pratt`): the agency's capitals or last small letter, then a person's name to the end.
 */
const creditThenName = /^(?:©|\(c\)|copyright)\s*[^©/\n]{2,40}\/\s*(?:\p{Lu}{2,}(?=\p{Lu}\p{Ll})|[\p{L} ]*?\p{Ll}(?=\p{Lu}))(\p{Lu}\p{Ll}+(?:[\s-]\p{Lu}[\p{L}'’-]+){1,3})$/u

/** The name run into a picture's credit in the top `zone` (rule `byline`); the line leaves the body. */
function gluedToCredit(tree: Root, file: VFile, zone: number[]): boolean {
  for (const index of zone) {
    const text = plainText(tree.children[index])
    const match = text && !text.value.includes('\n') ? creditThenName.exec(text.value) : null
    if (!text || !match || !isPersonName(match[1])) continue
    const from = text.value.length - match[1].length
    setAuthors(file, [{value: match[1], evidence: cite(file, 'byline', textSpan(text, from, text.value.length))}])
    removeChild(file, tree, index, 'byline')
    return true
  }
  return false
}

/**
 * A live page's credit of its writers (`These updates were written by A, B and C.`, `Today's live page was brought to you
 * by A and B.`), where its last entry stands: at the top when the newest entry comes first, else at the end.
 */
const liveCreditStart =
  /^(?:(?:today['’]s|these|this|our)\s+(?:live\s+)?(?:updates|coverage|live page|page|blog|live blog|posts|reporting)\s+(?:(?:has|have)\s+been|was|were)\s+(?:written|compiled|brought to you|put together|reported|written and edited)(?:\s+(?:today|tonight))?\s+by\s+)(?=\p{Lu})/iu

/** The writers of a live page, from its credit anywhere on the page (rule `live-credit`); the credit stays. */
function liveCredit(tree: Root, file: VFile): boolean {
  for (const node of tree.children) {
    const text = plainText(node)
    const start = text && text.value.length <= 200 ? liveCreditStart.exec(text.value) : null
    if (!text || !start) continue
    const names = namesIn(file, text, start[0].length, 'live-credit')
    if (!names || names.length === 0) continue
    setAuthors(file, names)
    return true
  }
  return false
}

/** A blog post's footer among the last paragraphs: `Posted by A at 9:14 PM` (Blogger); it then leaves the body. */
function postFooter(tree: Root, file: VFile): boolean {
  // (Blogger's `Posted by A at 9:14 PM`, WordPress's `Posted by A on October 11, 2022 in Reviews` or `Publié le 12 avril 2021 par A`)
  return closingNames(tree, file, 10, 120, (value) => (postFooterLine.test(value) || postedOnLine.test(value) ? postedByLabel.exec(value)![0].length : postedOnBy.exec(value)?.[0].length), 'post-footer', 'post-footer')
}

/** A label of the author alone on a line (`Author`, `Autor`, `Tác giả:`, `Review by`), the name on the next. */
const labelAlone = new RegExp(String.raw`^(?:authors?|autor(?:in)?|auteur|autore|penulis|yazar|tác giả|συντάκτης|автор|(?:written|review|reviewed|story|words|text|report|interview) by|${shortBylineLabel})\s*:?$`, 'iu')

/** A label alone, the name on the next line (`Autor` / `Marina Petrović`), in the top `zone` or among the last paragraphs; both lines leave the body. */
function labelAbove(tree: Root, file: VFile, zone: number[]): boolean {
  const last = tree.children.length
  for (const index of [...zone, ...Array.from({length: Math.min(12, last)}, (_, step) => last - 1 - step)]) {
    if (!labelAlone.test(plainText(tree.children[index])?.value ?? '')) continue
    const text = plainText(tree.children[index + 1])
    const names = text && text.value.length <= 120 && !text.value.includes('\n') ? namesIn(file, text, 0) : undefined
    if (!names || names.length === 0) continue
    setAuthors(file, names)
    removeChild(file, tree, index + 1, 'byline')
    removeChild(file, tree, index, 'byline')
    return true
  }
  return false
}

/** A blog's note that a guest wrote the post, opening one of its first paragraphs (`This is a guest post by Renata Solís.`). */
const guestNote = /^(?:this is a )?guest (?:post|blog|column|article) (?:is )?(?:by|from)\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})(?=[.,:;]|\s+\(|$)/iu

/** The guest's name from such a note among the first twelve paragraphs (rule `guest-post`); the paragraph stays. */
function guestPost(tree: Root, file: VFile): boolean {
  for (const node of tree.children.slice(0, 12)) {
    const text = plainText(node)
    const match = text ? guestNote.exec(text.value) : null
    if (!text || !match || !namePattern.test(match[1]) || role.test(match[1]) || organisation.test(match[1])) continue
    const from = match[0].length - match[1].length
    setAuthors(file, [{value: match[1], evidence: cite(file, 'guest-post', textSpan(text, from, from + match[1].length))}])
    return true
  }
  return false
}

/**
 * Where the name starts again in a line that is a name, a byline label and the same name (`Μαρίνα Κουτσουράδη Συντάκτης:
 * Μαρίνα Κουτσουράδη`: a site's author box run into its byline), or none.
 */
function nameBeforeLabel(value: string): number | undefined {
  // (such a line has its last word twice: most lines are told at once)
  const last = value.slice(value.lastIndexOf(' ') + 1)
  if (last.length === 0 || value.indexOf(last) === value.length - last.length) return undefined
  for (let space = value.indexOf(' '); space !== -1 && space <= 60; space = value.indexOf(' ', space + 1)) {
    const found = label.exec(value.slice(space + 1))
    if (found && value.slice(space + 1 + found[0].length).trim() === value.slice(0, space).trim()) return space + 1 + found[0].length
  }
  return undefined
}

/** A name, then the date it was published, with no label before it (`Farrukh Siddiqui Published March 2, 2023`). */
const nameThenDate = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}\s+(?:Published|Updated|Posted|PUBLISHED|UPDATED|POSTED)(?:\s+on)?[\s:]+(?=\S*\p{Nd}|\p{L}{3,}\.?\s+\p{Nd})\S.{3,40}$/u

/** A name, then a bar or slash and the word for author after it (`Andrei Costache / Autor`, `林小舟 | 作者`). */
const labelBehind = /^[^\n|/]{2,60}?\s*[/|]\s*(?:autor(?:ul|ka|in)?|author|auteur|autore|yazar|συντάκτης|автор|作者|撰文|著者|글쓴이)\s*$/iu

/**
 * A name with the word for author behind it (`Andrei Costache / Autor`, `林小舟 | 作者`) on a paragraph's first line, in
 * the top `zone` or among the closing paragraphs (a bio may go on below it); a line alone leaves the body.
 */
function labelBelow(tree: Root, file: VFile, zone: number[]): boolean {
  for (const index of [...zone, ...closingIndexes(tree, 12)]) {
    const text = plainText(tree.children[index])
    if (!text || !labelBehind.test(text.value.split('\n')[0])) continue
    const names = namesIn(file, text, 0)
    if (!names || names.length === 0) continue
    setAuthors(file, names)
    if (!text.value.includes('\n')) removeChild(file, tree, index, 'byline')
    return true
  }
  return false
}

/**
 * A labelled byline among the last paragraphs (`Tác giả: Minh Tâm`, `Author: A`, `By- A`; a label with a colon or dash,
 * or `By` alone when a person's name fills the rest of its line: `Von Thomas Brügmann` over `Veröffentlicht: …`); it then
 * leaves the body.
 */
function closingLabel(tree: Root, file: VFile): boolean {
  return closingNames(tree, file, 10, 120, (value, index) => {
    const match = label.exec(value)
    if (!match) return undefined
    if (/[:：\-–]\s*$/u.test(match[0])) return match[0].length
    // (the name before a comma: `Written by Pastor A, Trinity Lutheran Church, Fargo`)
    const line = withoutHonorific(value.slice(match[0].length).split('\n')[0].split(/,\s/u)[0].trim())
    // (not among a show's credits: `Written by A` / `Directed by B`)
    const credits = [index - 1, index + 1].some((other) => creditLine.test(plainText(tree.children[other])?.value ?? ''))
    return (isPersonName(line) || personNames(line)) && !credits ? match[0].length : undefined
  }, 'byline', 'byline')
}

/** A line of a show's or a book's credits (`Directed by A`, `Music by B`). */
const creditLine = /^(?:directed|produced|designed|choreographed|composed|music|lyrics|lighting|costumes?|set|sound|photography|cinematography|starring|translated|adapted|illustrated|edited|cast)(?: design)? by\s/iu

/**
 * Authors from a line among the last `reach` paragraphs or next to the last of prose (see `closingIndexes`; at most `longest` characters; the first of a paragraph's
 * lines: `Von A` / `Veröffentlicht: …`) whose names start where `start` says; a paragraph of one line then leaves the
 * body for `reason`.
 */
function closingNames(tree: Root, file: VFile, reach: number, longest: number, start: (value: string, index: number) => number | undefined, rule: string, reason: string): boolean {
  for (const index of closingIndexes(tree, reach)) {
    const text = plainText(tree.children[index])
    const end = text?.value.indexOf('\n') ?? -1
    if (!text || (end === -1 ? text.value.length : end) > longest) continue
    const from = start(text.value, index)
    const names = from === undefined || (end !== -1 && from >= end) ? undefined : namesIn(file, text, from, rule)
    if (!names || names.length === 0) continue
    setAuthors(file, names)
    if (end === -1) removeChild(file, tree, index, reason)
    return true
  }
  return false
}

/** A byline's names printed twice, glued after the label (`Lise Vandormaelpar Lise Vandormael`): the first. */
const printedTwice = new RegExp(String.raw`^(.{3,60}?)${shortBylineLabel}\s+\1$`, 'iu')

function namesIn(file: VFile, text: Text, from: number, rule = 'byline'): Array<{value: string; evidence: Evidence}> | undefined {
  // (a byline printed twice, glued: `par Lise Vandormaelpar Lise Vandormael`)
  // (and a footnote's number after the last name: `By Dr Malik Osei and Professor Helen Varga.1`, or its mark before the
  // first: `Oleh : *) Rudi Hartono`, the note `*) Penulis adalah …` at the foot)
  from += /^\s*\*{1,3}\)\s*/u.exec(text.value.slice(from))?.[0].length ?? 0
  let rest = text.value.slice(from).replace(printedTwice, '$1').replace(/(?<=\p{L}{2})\.?\p{Nd}$/u, '')
  // (and a date run into the last name: `by Nadia Ferreira-LoweMarch 3rd, 2021`)
  const glued = gluedDate.exec(rest)
  if (glued) rest = rest.slice(0, glued.index)
  // What follows a separator is an outlet, a date or a role, not a name.
  // (a date label too: `By Deccan Ledger Published Date - 07:45 PM`)
  // (and an address: `Tekst af Jonas Holm, jvh@byraadsnyt.dk`)
  // (and a bar glued to the name, as some site builders print it: `By Janelle Ortiz| April 18, 2023`)
  // (and what the person is, or whom the byline writes for: `By A, a Travel Enthusiast`, `Reporting by A for Bourseline.com`, `Por A, para o TecnoVida`)
  const cut = /\s*\n|,\s+(?:a|an)\s+(?=\S)|,?\s+(?:for|para|pour|für)(?:\s+(?:o|a|el|la|le|the))?\s+(?=\p{Lu})|\s+[|–—·•/]\s*|(?<=\p{L})\|\s+|\s+-\s+|\s*[()]|\s+(?:on|at|On)\s+(?=\p{Lu}|\d)|;|,?\s+\S+@\S+|\s+(?:[Pp]ublished|[Uu]pdated|[Pp]osted|PUBLISHED|UPDATED|POSTED|diperbarui|diperbaharui|dipublikasikan|diterbitkan|aktualisiert|actualizado|atualizado|aggiornato)(?=[\s:]|$)/u.exec(rest)
  if (cut) rest = rest.slice(0, cut.index)
  const names: Array<{value: string; evidence: Evidence}> = []
  const parts = /([^,&]+?)(?:\s*,\s*(?:and\s+)?|\s+(?:and|&|und|et|y|e|en|och|og|ve|és)\s+|\s*&\s*|$)/gu
  let joined = false
  let afterComma = false
  // (whether the part before was a person's role, skipped: what follows it need not be a name)
  let afterRole = false
  for (const part of rest.matchAll(parts)) {
    // A full stop ending the byline is not the name's (`Par Sophie Lambrechts.`), an initial's is (`Jr.`).
    // (an honorific before the name is not the name's: `Dr Malik Osei`, `Professor Helen Varga`)
    const value = nameOf(withoutHonorific(part[1].trim()).replace(/(?<=\p{L}{3,})(?<!\b(?:Jr|Sr|Snr|Jnr))\.$/u, ''))
    if (!value) continue
    // `By A and B, The Courier`: after names joined by `and`, a comma leads to the outlet.
    if (joined && afterComma) break
    const commaBefore = afterComma
    const separator = part[0].slice(part[0].indexOf(part[1]) + part[1].length)
    afterComma = separator.includes(',') && !/,\s*and\s/u.test(separator)
    joined ||= conjunction.test(separator) || /,\s*and\s/u.test(separator)
    // A role, or a date (`By A, March 3, 2020`), ends the names; lower-case words
    // go on a sentence (`By Friday, the council had spent …`): no byline.
    // (but a role after a name and a comma, then `and`, is that person's, and another name follows: `By A, Health
    // Reporter, and B, Data Editor`)
    if (role.test(value) && commaBefore && names.length > 0 && /^,?\s*(?:and|&)\s/u.test(separator)) {
      afterRole = true
      continue
    }
    // (a sentence's lower-case words may hold a number: `By March, it had an outbreak that would infect 63 people`)
    if (role.test(value) || (/\d/u.test(value) && !/^\p{Ll}/u.test(value))) break
    // (but after full names and a comma, lower-case words say what the person is: `Par Hélène Marchadier, géographe, …`)
    if (!/^[\p{Lu}\p{Lo}]/u.test(value)) {
      if (afterRole || (commaBefore && names.length > 0 && names.every((name) => name.value.includes(' ')) && !/[.!?]\s/u.test(rest))) break
      return undefined
    }
    // (a web address is the outlet, not a person: `Author: Suarakita.id`)
    if (!(namePattern.test(value) || caselessName.test(value)) || value.split(' ').length > 5 || isWebAddress(value)) {
      if (afterRole) break
      return undefined
    }
    afterRole = false
    const start = from + part.index + part[0].indexOf(value)
    names.push({value, evidence: cite(file, rule, textSpan(text, start, start + value.length))})
  }
  // `By A, Reuters`: a comma with no `and` before a last name joins a name to its outlet or place, not to another name.
  // (but after a label with a colon, or as three names or more, people's names are a list: `Penulis: Rina Kartika, Dedi
  // Santoso`, `By Ana Soto, Luis Vega, Rosa Díaz`)
  const list = (/:\s*$/u.test(text.value.slice(0, from)) || names.length > 2) && names.every((name) => isPersonName(name.value))
  if (names.length > 1 && !conjunction.test(rest) && !list) names.length = 1
  return names
}

/** A name in a script without capitals (Arabic, Hebrew, Chinese…): one to four words of letters. */
const caselessName = /^\p{Lo}[\p{Lo}\p{M}'’.-]*(?:\s+\p{Lo}[\p{Lo}\p{M}'’.-]*){0,3}$/u

/** A conjunction between two names (`A and B`, `A & B`, `A und B`…). */
const conjunction = /\s(?:and|&|und|et|y|e|en|och|og|ve|és)\s|&/u

/**
 * A name as written, less an outlet run on after it: in a capitalised byline
 * (`DAVID OKAFOR Associated Press`: the name is in capitals, the outlet not), or
 * two to four words ending like an outlet's name after a name of two words.
 */
function nameOf(value: string): string {
  const words = value.split(' ')
  // (or, in any case, an outlet after a two-word name: `Danielle Okafor Prairie Global News`)
  if (words.length >= 4 && words.length <= 6 && outletEnd.test(value) && words.every((word) => /^\p{Lu}/u.test(word))) return words.slice(0, 2).join(' ')
  if (words.length < 3 || !isCapitals(words[0]) || !isCapitals(words[1])) return value
  const end = words.findIndex((word) => !isCapitals(word))
  return end === -1 ? value : words.slice(0, end).join(' ')
}

function isCapitals(word: string): boolean {
  return /\p{Lu}{2}/u.test(word) && word === word.toUpperCase()
}
