/** Plugin: take the headline as `title` and the standfirst or first sentence as `description`. */
import type {Heading, Root, RootContent, Text} from 'mdast'
import type {VFile} from 'vfile'
import type {Removal} from './types.js'
import {toString} from 'mdast-util-to-string'
import {cite, field, hasField, nodeSpan, plainText, removeChild, setField, textSpan} from './support/evidence.js'
import {capitalisedNouns, isPersonName} from './support/person.js'
import {isAgency, isRole} from './support/roles.js'
import {splitSentences} from './support/sentences.js'
import {calendarWords} from './support/months.js'
import {bylineStart, eventHours, isMenuEntry, isServicePage, listingLabel, outletEnd, postedOnBy, shortBylineLabel, pictureExtension, pictureSize, rightsReserved, sections, startsSmall, subscribeWords, unspaced, wordCount, writtenDate} from './support/shapes.js'
import {isProse, menuItem} from './support/zones.js'

/** Options of `extractTitle`. */
export interface Options {
  /** Longest headline, in words (default: 20). */
  maxTitleWords?: number
  /** Longest description, in characters (default: 320). */
  maxDescription?: number
}

const emptyOptions: Options = {}
/** A breadcrumb trail (`Home > News > Local`, `News › World`, `Home >> News`): navigation, never a headline. */
// Each crumb is at most three words.
const breadcrumb = /^[^>›»→＞\s]+(?:\s[^>›»→＞\s]+){0,2}(?:\s(?:[>›»→＞]|->|>>)\s[^>›»→＞\s]+(?:\s[^>›»→＞\s]+){0,2})+$/u
/**
 * A trail with slashes (`Destinos / Portugal / Alentejo`; of two crumbs, the first a menu entry or section:
 * `Football / League Two`), each crumb at most three words.
 */
function isSlashTrail(value: string): boolean {
  const crumbs = value.split(' / ')
  if (crumbs.length < 2 || crumbs.length > 6 || !crumbs.every((crumb) => /^[^\s/.!?:;,]+(?:\s[^\s/.!?:;,]+){0,3}$/u.test(crumb))) return false
  // (crumbs of four words only after a menu entry: `Blog / Stories from our volunteers`)
  return (crumbs.length >= 3 && crumbs.every((crumb) => crumb.split(' ').length <= 3)) || isMenuEntry(crumbs[0])
}
/** Words as `wordCount` counts them, less those without a letter or digit (`News & press releases` has three). */
function namedWords(value: string): number {
  return wordCount(value.replace(/(?<=^|\s)[^\p{L}\p{N}\s]+(?=\s|$)/gu, ' ').replace(/\s+/gu, ' ').trim())
}

/**
 * A label of the page's kind or sponsor over the headline, never the headline: `Press release`, `News & press releases`,
 * `Pressemitteilung`, `Partner content`, `Sponsored by Alder & Pine`, `Brought to you by …`.
 */
const pageLabel =
  /^(?:(?:news (?:&|and) )?(?:press|news|media) releases?|(?:latest )?news (?:&|and) (?:press releases|media|events|updates)|pressemitteilung(?:en)?|communiqués? de presse|comunicados? de prensa|comunicados? de imprensa|comunicati? stampa|persberichten?|informacja prasowa|basın bülteni|pressmeddelande|tiedote|partner content|paid (?:post|content)|sponsored (?:content|post)|advertorial|branded content|conteúdo (?:de marca|patrocinado)|contenido (?:de marca|patrocinado)|contenu (?:de marque|sponsorisé)|contenuto sponsorizzato|gesponserte[rn]? (?:inhalt|beitrag)|publireportage|publirreportaje|(?:sponsored|presented|brought to you|supported|funded) by\s.{2,60}|in (?:paid )?partnership with\s.{2,60})$/iu
/** A trail that ends with the headline itself, two short crumbs or more before it (`Αρχική » Κοινωνία » Μετρό: Κλειστοί …`). */
const trailToHeadline = /^(?:[^>›»→＞\s]+(?:\s[^>›»→＞\s]+){0,2}\s(?:[>›»→＞]|->|>>)\s){2,}\S/u

/** The last crumb of a trail of two short crumbs or more (`Home > Reading > Daily Reading – March 2, 2023`), if `value` is one. */
export function trailEnd(value: string): string | undefined {
  if (!trailToHeadline.test(value)) return undefined
  return value.split(/\s(?:->|>>|[>›»→＞])\s/u).at(-1)!.trim()
}
const editorialNote = /^(?:editor[’']?s[’']? note|note|update|correction)(?:\s*,[^:：]{1,40})?\s*[:：]/iu

/**
 * A headline is the first paragraph when it is one short line that does not end
 * like a sentence (no closing full stop, comma, colon or semicolon); it becomes
 * `title` and leaves the body. In Markdown, a leading `#` heading is the title.
 * Without one, `no-title` is warned and no title is invented. `description` is
 * the first body paragraph (skipping editorial notes and datelines whose date
 * was not used) when it is short enough to
 * be a standfirst, else that paragraph's first sentence; it stays in the body.
 */
export default function extractTitle(options: Options | null | undefined = emptyOptions) {
  const settings = options ?? emptyOptions
  const maxWords = settings.maxTitleWords ?? 20
  const maxDescription = settings.maxDescription ?? 320
  if (!Number.isInteger(maxWords) || maxWords < 1) {
    throw new TypeError('Invalid `maxTitleWords` in `options`, expected a positive integer')
  }
  if (!Number.isInteger(maxDescription) || maxDescription < 1) {
    throw new TypeError('Invalid `maxDescription` in `options`, expected a positive integer')
  }

  return function (tree: Root, file: VFile): undefined {
    if (file.data.meta?.kind?.value === 'listing') {
      for (const name of ['title', 'description', 'section'] as const) setField(file, name, field<string | null>(null))
      return undefined
    }
    // The headline is the first headline-like line of four words or more among the
    // short lines above the prose (else the first headline-like line). Short lines
    // above it are navigation, the one right above it a kicker (the section).
    let at = -1
    let title: ReturnType<typeof headline>
    // Datelines whose date was not used (a relative or ambiguous date) are neither title nor description.
    const datelines = file.data.datelines
    const isDateline = (node: RootContent | undefined) => {
      const text = datelines && plainText(node)
      return text !== undefined && datelines!.has(text)
    }
    let menuEnd = -1
    // A note over the headline is no headline, does not end the header and stays in the body: an editor's note or
    // correction (`Correction: An earlier version …`), or the line `source` came from (`This story originally appeared
    // in … and is republished here with permission.`).
    const sourceLine = file.data.meta?.source?.evidence[0]?.line
    const isNote = (node: RootContent | undefined) => {
      const value = plainText(node)?.value
      return value !== undefined && (editorialNote.test(value) || (sourceLine !== undefined && node!.position?.start.line === sourceLine))
    }
    if (!hasField(file, 'title')) {
      // The lines above a headline are taken out as navigation: only short ones may stand there, and
      // hard-wrapped prose (a line going on in lower case below it) starts the article.
      const header = tree.children[0]?.type === 'heading' ? [0] : headerLines(tree, isNote)
      // (the raw lines already taken out as navigation)
      const navigation = new Set((file.data.removed ?? []).filter((removal) => removal.reason === 'navigation').map((removal) => removal.line))
      const prose = header.findIndex((index) => wrapsOn(tree, index))
      // A site's menu of one entry to a line (`Home` / `About` / `Blog`, two at least) ends its masthead: the site's
      // name and tagline above it are no headline, and a tagline is no long line, when a headline stands below it.
      menuEnd = menuRunEnd(tree, header, navigation)
      // (or a menu run into one line, or a trail, among the first five lines, with a line of four words under it: `Kāpiti
      // Coast Chronicle` / `Your local, free, every Thursday` / `Home / Community / Environment` / … / the headline)
      // (the menu may have left as navigation already: the header line above it ends the masthead)
      if (menuEnd === -1) {
        const bar = header.slice(0, 5).find((index) => {
          const value = plainText(tree.children[index])?.value ?? ''
          return isMenuBar(value) || breadcrumb.test(value) || isSlashTrail(value) || isSiteLine(value)
        })
        const lineOf = (index: number) => tree.children[index].position?.start.line ?? 0
        // (or a post's category or tags over its headline, under the blog's name and tagline: `Catégorie : Légumes`)
        const removedBar = (file.data.removed ?? []).find((removal) => (removal.reason === 'navigation' || removal.reason === 'post-taxonomy') && header.length > 1 && removal.line > lineOf(header[0]) && removal.line < lineOf(header[Math.min(4, header.length - 1)]))
        const end = bar ?? (removedBar ? header.findLast((index) => lineOf(index) < removedBar.line) : undefined)
        const below = (index: number) => header.some((other) => other > index && wordCount(plainText(tree.children[other])?.value ?? '') >= 4 && isHeadline(plainText(tree.children[other])?.value ?? '', maxWords))
        if (end !== undefined && end > 0 && below(end)) menuEnd = end
      }
      // The first line of more than eight words (not a dateline, a banner, a trail, a ticker, a caption or a menu): no headline below it.
      const isLong = (node: RootContent | undefined, index: number) => {
        const value = plainText(node)?.value
        return (
          value !== undefined &&
          index >= menuEnd &&
          wordCount(value) > 8 &&
          !isNote(node) &&
          !isDateline(node) &&
          !isDateLine(value) &&
          !promo.test(value) &&
          !subscribePitch.test(value) &&
          !isSiteLine(value) &&
          !ticker.test(value) &&
          !pictureNote.test(value) &&
          !capitalCredit.test(value) &&
          !isMenuBar(value) &&
          !widgetLine.test(value) &&
          !breadcrumb.test(value) &&
          !trailToHeadline.test(value)
        )
      }
      // When no line of four words or more stands above it, the first long line that starts the text instead: prose, two
      // sentences, or prose or another long line that is no headline right after it (a long line alone among short ones
      // is a notice above the article, `There were 412 press releases posted in the last 24 hours …`).
      const valueAt = (index: number) => plainText(tree.children[index])?.value ?? ''
      const firstLong = tree.children.findIndex((node, index) => isLong(node, index))
      // (looked for only when needed, from the first long line on: it is one too)
      const startLong = () =>
        tree.children.findIndex(
          (node, index) =>
            index >= firstLong &&
            isLong(node, index) &&
            (isProse(valueAt(index)) ||
              /[\p{Ll}\d)"”][.!?]["”’]?\s+["“‘]?\p{Lu}/u.test(valueAt(index)) ||
              isProse(valueAt(index + 1)) ||
              (isLong(tree.children[index + 1], index + 1) && !isHeadline(valueAt(index + 1), maxWords)))
        )
      // The site's name, as its copyright line at the end gives it, is its masthead, not the headline (`Cetinski portal` / … /
      // `© Cetinski portal 2009. Sva prava pridržana.`).
      // (the line may have left the body as boilerplate already)
      const notices = [...tree.children.slice(-15).map((node) => plainText(node)?.value ?? ''), ...(file.data.removed ?? []).filter((removal) => removal.reason === 'copyright').map((removal) => removal.text)]
        .filter((value) => value.length <= 300 && copyrightLine.test(value))
        .map((value) => value.toLowerCase())
      // (or as the page names its source: `Department for Coastal Communities` over the headline, `From: Department for …` under it)
      const source = file.data.meta?.source?.value
      // (or as a pitch to subscribe names the newsletter: `Notes from the Garden Gate` over the post's headline, `Subscribe to
      // Notes from the Garden Gate` or `Thanks for reading Notes from the Garden Gate!` at the end)
      const pitches = (file.data.removed ?? []).filter((removal) => removal.reason === 'newsletter-prompt' || removal.reason === 'paywall').map((removal) => removal.text.toLowerCase())
      const isSiteName = (value: string) =>
        wordCount(value) <= 5 &&
        (value === source || [...notices, ...pitches].some((notice) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(value.toLowerCase())}(?![\\p{L}\\p{N}])`, 'u').test(notice)))
      // (when one stands below the menu)
      const belowMenu = (list: Array<{index: number; found: NonNullable<ReturnType<typeof headline>>}>) =>
        menuEnd !== -1 && list.some(({index, found}) => index > menuEnd && wordCount(found.value) >= 2) ? list.filter(({index}) => index > menuEnd) : list
      const broken = header.find((index) => brokenLine(tree, index)) ?? -1
      const above = (long: number) =>
        (prose === -1 ? header : header.slice(0, prose)).flatMap((index) => {
          // (nor below a sentence broken over lines: the article's text starts there)
          if (isDateline(tree.children[index]) || (long !== -1 && long < index) || (broken !== -1 && broken <= index)) return []
          const found = headline(tree.children[index], maxWords, file.data.titleByline)
          // (a site's tagline on the page's first lines is no headline: `Prairie Now` / `Regional news from across the plains`;
          // nor an event's name over its day and hours in an events box: `Lenten Fish Fry` / `Friday, 03/15/2024 at 5:00 PM - 8:00 PM`)
          const event = eventHours.test(plainText(tree.children[index + 1])?.value ?? '')
          return found && !event && !isSiteName(found.value) && !(index >= 1 && index <= 2 && tagline.test(found.value)) && !numberedItem(tree, index) && !inFactBox(tree, index) ? [{index, found}] : []
        })
      let long = firstLong
      let candidates = belowMenu(above(long))
      if (firstLong !== -1 && !candidates.some(({found}) => wordCount(found.value) >= 4)) {
        const start = startLong()
        if (start !== -1 && start !== firstLong) {
          long = start
          candidates = belowMenu(above(long))
        }
      }
      // Else the first of two words or more, or a lone word that does not read as a kicker (`Edito` above a byline is one).
      // A headline stands above its byline: lines below it (a score, a deck) only when none is above.
      const byline = file.data.meta?.author?.evidence.find((evidence) => evidence.rule === 'byline')?.line
      const overByline = candidates.filter(({index}) => byline === undefined || (tree.children[index].position?.start.line ?? 0) < byline)
      // (a line of four words amid a menu, two short lines over it and two under it, one to a raw line, is a menu entry:
      // `Mato Grosso` / `Mato Grosso do Sul` / `Agro`, where the menu's words are not known ones)
      const short = (index: number) => {
        const value = valueAt(index)
        return value !== '' && !value.includes('\n') && wordCount(value) <= 3 && !/[\d.!?:]$|\d/u.test(value)
      }
      // (a line taken out as navigation counts as a short line of the menu: `Menu` / `Home` / `Housing and local services` /
      // `Local councils` / `Guidance`)
      const byLine = new Map(tree.children.map((node, index) => [node.position?.start.line, index]))
      const shortLine = (line: number) => navigation.has(line) || (byLine.has(line) && short(byLine.get(line)!))
      const amidMenu = (index: number) => {
        const node = tree.children[index]
        const line = node.position?.start.line
        return line !== undefined && node.position?.end.line === line && [line - 2, line - 1, line + 1, line + 2].every(shortLine)
      }
      // (a line over a menu of three short lines or more, one of them a known entry, is the site's name when a line of four
      // words stands below the menu: `Ministerstwo Rozwoju Wsi i Środowiska` / `Aktualności` / `Komunikaty` / `Kontakt`)
      const overMenu = (index: number, list: typeof candidates) => {
        let end = index + 1
        while (short(end) && tree.children[end].position?.start.line === (tree.children[end - 1].position?.end.line ?? 0) + 1) end++
        return (
          end - index - 1 >= 3 &&
          Array.from({length: end - index - 1}, (_, step) => index + 1 + step).some((at) => isMenuEntry(valueAt(at))) &&
          list.some((other) => other.index >= end && wordCount(other.found.value) >= 4)
        )
      }
      const pick = (list: typeof candidates) =>
        list.find(({found, index}) => namedWords(found.value) >= 4 && !amidMenu(index) && !overMenu(index, list)) ?? list.find(({found}) => found.value.includes(' ') || !isKicker(found.value))
      const dated = file.data.meta?.date?.evidence.find((evidence) => evidence.rule !== 'crawl-date-header')?.line
      // (a masthead on the page's first line, `The Ballan Plains News`, is no headline when another line of four words is one)
      const masthead = overByline[0]?.index === 0 && isMasthead(overByline[0].found.value) && overByline.slice(1).some(({found}) => wordCount(found.value) >= 4)
      const first = pick(masthead ? overByline.slice(1) : overByline)
      // (a headline printed twice is taken over a line of fewer than four words, or under a notice, not over another headline)
      const twice = first && wordCount(first.found.value) >= 4 ? undefined : printedTwice(tree, long, maxWords, file.data.removed ?? [])
      // (with no line of four words, two short sentences right over the byline or the date are the headline: `Our cities
      // built parking for cars. Now they need charging for people who rent.` / `By A, June 18, 2021`)
      const sentences = first && wordCount(first.found.value) >= 4 ? undefined : twoSentences(tree, header, [byline, dated], maxWords)
      // (an obituary's headline is the person's name, over their life's span: `Eleanor R. Duszynski` / `March 2, 1934 - January 18, 2022`)
      // (the name may be printed twice over it: `Harold Eugene Lindgren` / `Harold Eugene Lindgren` / `March 3, 1941 - …`)
      const obituary = header
        .slice(0, 8)
        .find((index) => isPersonName(valueAt(index)) && !valueAt(index).includes('\n') && (lifeSpan.test(valueAt(index + 1)) || (valueAt(index + 1) === valueAt(index) && lifeSpan.test(valueAt(index + 2)))))
      const named = obituary === undefined ? undefined : headline(tree.children[obituary], maxWords, file.data.titleByline)
      const chosen = (named && {index: obituary!, found: named}) ?? twice ?? overPostedOn(tree, overByline, first, file.data.removed ?? []) ?? underBlogDate(tree, first, dated, file.data.removed ?? [], (index) => {
        const found = headline(tree.children[index], maxWords, file.data.titleByline)
        return found ? {index, found} : undefined
      }) ?? overDate(tree, overByline, first, dated, file.data.removed ?? []) ?? sentences ?? first ?? pick(candidates) ?? overBody()
      // A line that starts with the headline and runs on with its caption or standfirst gives way to the headline alone
      // on a line below (`Båtbrann i Hellesund skremte beboere Brannen: (Foto: NPT) Dette er …` / … / `Båtbrann i
      // Hellesund skremte beboere`); so does a line that ends with it after a trail of one to four words (`Haberler Gündem
      // "Dere yataklarından …"` / `"Dere yataklarından …"`), not after a label with a colon (`Læserbrev: Skal …` is the
      // headline as printed).
      const alone = chosen && header.find((index) => {
        const value = valueAt(index)
        if (index <= chosen.index || wordCount(value) < 3) return false
        // (a run of five words or more, with a sentence's or label's stop: `How to report a problem with a private landlord`
        // is no run-on of `How to report`)
        const rest = chosen.found.value.slice(value.length)
        const trail = chosen.found.value.slice(0, -value.length)
        return (chosen.found.value.startsWith(value + ' ') && wordCount(rest) >= 5 && /[.:!?]\s/u.test(rest)) || (chosen.found.value.endsWith(' ' + value) && wordCount(trail) <= 4 && !/[:：]\s*$/u.test(trail))
      })
      const found = alone !== undefined ? headline(tree.children[alone], maxWords, file.data.titleByline) : undefined
      if (alone !== undefined && found) {
        at = alone
        title = found
      } else if (chosen) ({index: at, found: title} = chosen)
    }

    /**
     * When the lines at the top gave no headline (a notice or help box of several lines stands over the article:
     * `Hakuohjeet` / `Kirjoita hakusanat …` / `AND = …`), a line of four words or more right over the article's body, its
     * first run of three paragraphs of prose, or with one short line between (a kicker); not with prose among the four
     * paragraphs above it.
     */
    function overBody(): {index: number; found: NonNullable<ReturnType<typeof headline>>} | undefined {
      const prose = (index: number) => isProse(plainText(tree.children[index])?.value ?? '')
      const start = tree.children.findIndex((_, index) => index < 60 && prose(index) && prose(index + 1) && prose(index + 2))
      for (const index of start > 0 ? [start - 1, start - 2] : []) {
        const found = index >= 0 ? headline(tree.children[index], maxWords, file.data.titleByline) : undefined
        // (a paragraph of prose close above it is the article's lead, and the line a subheading: `… Remontti alkaa keväällä
        // 2022 …` / `Kuva` / a caption / `Uimahallin peruskorjaus alkaa keväällä`)
        const lead = Array.from({length: 4}, (_, step) => index - 1 - step).some((other) => other >= 0 && prose(other))
        if (found && wordCount(found.value) >= 4 && !isDateline(tree.children[index]) && !lead) return {index, found}
        if (found || wordCount(plainText(tree.children[index])?.value ?? '') > 3) break
      }
      return undefined
    }
    /**
     * Whether `line` stands right over the article's dateline (which left the body), itself over the headline with at
     * most a blank line between: a columnist's name over the date, over the headline (`Wanjiru Kamau` / `May 27, 2023`).
     */
    const overDateline = (line: Text): boolean => {
      const headline = tree.children[at]?.position?.start.line
      const end = line.position?.end.line
      if (headline === undefined || end === undefined) return false
      const dateline = (file.data.removed ?? []).find((removal) => removal.reason === 'dateline' && removal.line === end + 1)
      return dateline !== undefined && headline - (dateline.line + dateline.text.split('\n').length - 1) <= 2
    }
    let kickerAt = -1
    const columnist = new Set<number>()
    if (at > 0) {
      const kicker = plainText(tree.children[at - 1])
      // The kicker sits on the line right above the headline, no blank line between.
      const adjacent = kicker?.position && tree.children[at].position && kicker.position.end.line + 1 === tree.children[at].position!.start.line
      // Across a blank line, only known section names (not a site's or columnist's name, or a menu item)
      // (and not the last of a run of short lines: a menu).
      const above = plainText(tree.children[at - 2])?.value
      // (or, under a longer line, one word in a script without capitals, where no site's name in capitals can be told
      // from a section's: `জাতীয়`, `ภูมิภาค`; not on the file's first line, where a button's label stands: `รีเซต`)
      const caseless = /^\p{Lo}[\p{Lo}\p{M}]*$/u.test(kicker?.value ?? '') && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(kicker?.value ?? '')
      const strong = (isSectionLabel(kicker?.value ?? '') && (above === undefined || above.split(' ').length > 3)) || (caseless && (above === undefined ? (kicker?.position?.start.line ?? 1) > 1 : wordCount(above) > 3))
      // What follows the crawl header on its line (` date 2023-01-08 INDIA`) is a kicker when it reads as one.
      const afterHeader =
        kicker?.position?.start.line === 1 && at - 1 === 0 && (file.data.removed ?? []).some((removal) => removal.reason === 'crawl-date-header' && removal.line === 1)
      // (a person's name where a kicker would stand is a columnist's, not a section: see `extractNameLine`)
      const kickerLike = kicker && (adjacent || afterHeader ? isKicker(kicker.value) : strong) && (strong || !isPersonName(kicker.value))
      // (not the last entry of the site's menu over the headline, unless a section's name: `Home` / `About` / `Contributors`)
      if (kicker && kickerLike && !hasField(file, 'section') && (at - 1 > menuEnd || sections.has(kicker.value.toLowerCase()))) {
        kickerAt = at - 1
        setField(file, 'section', field<string | null>(kicker.value, [cite(file, 'kicker', textSpan(kicker, 0, kicker.value.length))]))
      } else if (
        kicker &&
        (adjacent || overDateline(kicker)) &&
        isPersonName(kicker.value) &&
        !hasField(file, 'author') &&
        !capitalisedNouns.has(file.data.meta?.lang?.value ?? 'en') &&
        (!endsMenu(tree, at - 1) || underColumnLabel(tree, at - 1))
      ) {
        // A columnist's name where a kicker would stand, on the line right over the headline (`Lena Forsberg`), is the
        // author; across a blank line it may be a section's or a campaign's name (`Defend Truth`).
        columnist.add(at - 1)
        setField(file, 'author', field<string[]>([kicker.value], [cite(file, 'name-line', textSpan(kicker, 0, kicker.value.length))]))
      } else if (kicker && adjacent && !hasField(file, 'author') && !capitalisedNouns.has(file.data.meta?.lang?.value ?? 'en')) {
        // Or a columnist's card there: the name over its role, the role right over the headline (`Deniz Arıkan` /
        // `Ekonomi Yazarı` / `Zeytinyağı neden bu kadar pahalandı?`); both leave as a byline.
        const name = plainText(tree.children[at - 2])
        const touching = name?.position && kicker.position && name.position.end.line + 1 === kicker.position.start.line
        if (name && touching && wordCount(kicker.value) <= 6 && isRole(kicker.value) && isPersonName(name.value) && !isRole(name.value) && !isAgency(name.value)) {
          columnist.add(at - 1).add(at - 2)
          setField(file, 'author', field<string[]>([name.value], [cite(file, 'name-line', textSpan(name, 0, name.value.length))]))
        }
      }
    }
    // Without a kicker, a breadcrumb just above or below the headline ends with the section
    // (`Nieuws -> Politiek`); one below it leaves the body as navigation.
    let trail: number | undefined
    for (const index of at >= 0 ? [...Array.from({length: at}, (_, step) => at - 1 - step), at + 1, at + 2, at + 3] : []) {
      const crumbs = plainText(tree.children[index])
      if (!crumbs || !breadcrumb.test(crumbs.value)) continue
      if (index > at) trail = index
      const last = /[^>›»→＞\s-][^>›»→＞]*$/u.exec(crumbs.value)
      if (last && isKicker(last[0].trim()) && !hasField(file, 'section')) {
        const value = last[0].trim()
        setField(file, 'section', field<string | null>(value, [cite(file, 'breadcrumb', textSpan(crumbs, last.index, last.index + value.length))]))
      }
      break
    }
    if (trail !== undefined) removeChild(file, tree, trail, 'navigation')
    setField(file, 'section', field<string | null>(null))
    // Without another source, the site's name a page title ends with (`… | Farming | The Valley Post`).
    if (title?.site && !hasField(file, 'source')) {
      setField(file, 'source', field<string | null>(title.site.value, [cite(file, 'title-suffix', title.site.span)]))
    }
    if (title) {
      setField(file, 'title', field<string | null>(title.value, [cite(file, title.rule, title.span)]))
      removeChild(file, tree, at, 'title')
      // The headline printed twice (a page title, then the article's, maybe below the byline): the copy goes too.
      for (let index = at; index < Math.min(tree.children.length, at + 6); index++) {
        const copy = plainText(tree.children[index])
        if (copy?.value.length !== title.value.length || copy.value.toLowerCase() !== title.value.toLowerCase()) continue
        removeChild(file, tree, index, 'repeated-title')
        break
      }
      for (let index = at - 1; index >= 0; index--) {
        if (isNote(tree.children[index])) continue
        const reason = index === kickerAt ? 'kicker' : columnist.has(index) ? 'byline' : isDateline(tree.children[index]) ? 'dateline' : 'navigation'
        removeChild(file, tree, index, reason)
      }
    }
    const first = tree.children[0]
    // A Markdown `#` heading that repeats the frontmatter title would show it twice.
    if (first && hasField(file, 'title') && first.type === 'heading' && first.depth === 1 && toString(first).trim() === file.data.meta?.title?.value) {
      removeChild(file, tree, 0, 'title')
    }
    setField(file, 'title', field<string | null>(null))
    if (!hasField(file, 'title')) {
      file.message('Missing title, expected a short first line without a closing full stop', {
        place: tree.children[0]?.position?.start ?? {line: 1, column: 1},
        ruleId: 'no-title',
        source: 'docprov'
      })
    }

    if (!hasField(file, 'description')) {
      const lang = file.data.meta?.lang?.value ?? 'en'
      const title = file.data.meta?.title?.value
      // Not a line of hard-wrapped prose that goes on below it (a fragment).
      const body = tree.children.find(
        (node, index) =>
          node.type === 'paragraph' && !isDateline(node) && !wrapsOn(tree, index) && isDescription(toString(node), typeof title === 'string' ? title : undefined)
      )
      const text = plainText(body)
      if (text) {
        // (without the headline glued to its start: `… – UgandaThe new store was …`)
        const from = typeof title === 'string' && gluedTo(text.value, title, false) ? title.length : 0
        const value = text.value.slice(from)
        const sentence = firstSentence(value, lang)
        if (value.length <= maxDescription && splitSentences(value, lang, 3).length <= 2) {
          setField(file, 'description', field<string | null>(value, [cite(file, 'standfirst', textSpan(text, from, text.value.length))]))
        } else if (sentence.length <= maxDescription && sentence.length >= 20) {
          setField(file, 'description', field<string | null>(sentence, [cite(file, 'first-sentence', textSpan(text, from, from + sentence.length))]))
        }
      } else if (body) {
        // A Markdown paragraph with emphasis or links: only whole, short ones, citing the paragraph.
        const value = toString(body).replace(/\s+/gu, ' ').trim()
        if (value && value.length <= maxDescription && splitSentences(value, lang, 3).length <= 2) {
          setField(file, 'description', field<string | null>(value, [cite(file, 'standfirst', nodeSpan(body))]))
        }
      }
    }
    setField(file, 'description', field<string | null>(null))
    return undefined
  }
}

/**
 * Whether the paragraph at `index` is the first item of a numbered list, the next number starting one of the ten
 * paragraphs below (`1. ¿Qué libro lleva en la mesa de noche?` / an answer / `2. Si pudiera …`): no headline.
 */
function numberedItem(tree: Root, index: number): boolean {
  const number = /^(\d{1,2})[.)]\s/u.exec(plainText(tree.children[index])?.value ?? '')
  if (!number) return false
  const next = new RegExp(`^${Number(number[1]) + 1}[.)]\\s`, 'u')
  return tree.children.slice(index + 1, index + 11).some((node) => next.test(plainText(node)?.value ?? ''))
}

/** A life's span, birth to death (`March 2, 1934 - January 18, 2022`, `(1934–2022)`, `12.03.1934 – 18.01.2022`, `Jan. 5, 1940 – Feb. 3, 2024`). */
const lifeSpan = /^\(?(?:\p{L}+\.?\s+\d{1,2},?\s+|\d{1,2}\.?\s+\p{L}+\.?\s+|\d{1,2}[./]\d{1,2}[./])?(?:18|19|20)\d{2}\s*[-–—]\s*(?:\p{L}+\.?\s+\d{1,2},?\s+|\d{1,2}\.?\s+\p{L}+\.?\s+|\d{1,2}[./]\d{1,2}[./])?(?:19|20)\d{2}\)?$/u

/**
 * A headline printed twice, one line under the other (a page title, then the article's), among the first twelve
 * lines: the headline (even in lower case), even up to three lines under the first long one (a modal's text: `Kies je webmail` / `…
 * Geef eenmalig aan …`), or glued to the start of the paragraph under it. Not a caption printed twice, which has
 * sentences.
 */
function printedTwice(tree: Root, long: number, maxWords: number, removed: readonly Removal[]): {index: number; found: NonNullable<ReturnType<typeof headline>>} | undefined {
  const last = Math.min(tree.children.length - 1, 12, long === -1 ? 12 : long + 3)
  for (let index = 0; index < last; index++) {
    const first = plainText(tree.children[index])
    const second = plainText(tree.children[index + 1])
    // (or its copies, one to a line, left the body right under it as a repeated line: the headline printed three times)
    const end = first?.position?.end.line ?? 0
    const copies = first && removed.some((removal) => removal.reason === 'repeated-line' && removal.line > end && removal.line <= end + 3 && removal.text.split('\n')[0] === first.value)
    // (not a caption printed twice: it has sentences, `… southwest Queensland. Picture: AAP`)
    // (or glued to the start of the paragraph under it: `… – Malawi` / `… – MalawiThis project has been …`, or to a
    // picture's credit: `Małe szkoły …` / `Małe szkoły … Grafikę wykonał Tomasz Wielgosz`)
    if (!first || (!copies && (!second || (first.value !== second.value && !gluedTo(second.value, first.value, true)))) || wordCount(first.value) < 4 || /[.!?]\s/u.test(first.value)) continue
    // (in lower case too, as some sites print every headline: `les boulangeries de village résistent …` three times)
    const found = headline(tree.children[index], maxWords, undefined, true)
    if (found) return {index, found}
  }
  return undefined
}

/**
 * Whether `value` starts with `head` glued to what follows it, a capital or a digit with no space between (`…
 * MalawiThis project …`), or one space when `spaced` (`Małe szkoły … Grafikę wykonał …`).
 */
function gluedTo(value: string, head: string, spaced: boolean): boolean {
  return value.startsWith(head) && (spaced ? /^\s?[\p{Lu}\p{N}]/u : /^[\p{Lu}\p{N}]/u).test(value.slice(head.length))
}

/**
 * A blog post's title right over its meta line (`Posted on November 8, 2019 by Tobias Renner`, which left the body as
 * the byline), when the line first chosen stands higher up: the blog's name (`Notes from the Workbench` / `A Kettle That
 * Finally Behaves` / `Posted on …`), as blog themes print every post.
 */
function overPostedOn<T extends {index: number; found: {value: string}}>(tree: Root, candidates: T[], chosen: T | undefined, removed: readonly Removal[]): T | undefined {
  const meta = removed.find((removal) => removal.reason === 'byline' && postedOnBy.test(removal.text))
  if (!chosen || !meta) return undefined
  return candidates.find(({index, found}) => {
    const end = tree.children[index].position?.end.line ?? 0
    return index > chosen.index && end < meta.line && meta.line - end <= 2 && wordCount(found.value) >= 2
  })
}

/**
 * A blog post's title under its date header, when the line first chosen stands above that date: a blog's name and
 * description over the post (`Margaret Voss Books` / `Interviews with authors of fiction, …` / `Thursday, March 31,
 * 2022` / `Q&A with Elena Whitcombe`), as blog themes print every post. Only on a blog post: its footer left the body
 * (`Posted by A at 6:00 AM`, `Subscribe to: Post Comments (Atom)`).
 */
function underBlogDate<T extends {index: number; found: {value: string}}>(
  tree: Root,
  chosen: T | undefined,
  date: number | undefined,
  removed: ReadonlyArray<{line: number; reason: string}>,
  headlineAt: (index: number) => T | undefined
): T | undefined {
  if (!chosen || date === undefined || (tree.children[chosen.index].position?.end.line ?? Infinity) >= date) return undefined
  if (!removed.some((removal) => removal.reason === 'post-footer')) return undefined
  const index = tree.children.findIndex((node) => (node.position?.start.line ?? 0) > date)
  const start = tree.children[index]?.position?.start.line ?? Infinity
  const found = start - date <= 2 ? headlineAt(index) : undefined
  return found && found.found.value.includes(' ') ? found : undefined
}

/**
 * The headline standing right over the publication date (`Выпускников будут охранять 42 пеших патруля` /
 * `17/06/2013 - 11:20`), of four words or more, when the line first chosen is not right over it but up among
 * other short lines (a radio station's `Волна FM Слушать ONLINE` over its phone numbers).
 */
function overDate<T extends {index: number; found: {value: string}}>(
  tree: Root,
  candidates: T[],
  chosen: T | undefined,
  date: number | undefined,
  removed: ReadonlyArray<{line: number}>
): T | undefined {
  if (!chosen || date === undefined) return undefined
  return candidates.find(({index, found}) => {
    const start = tree.children[index].position?.start.line ?? 0
    const end = tree.children[index].position?.end.line ?? 0
    const next = tree.children[index + 1]?.position?.start.line
    // Nothing between it and the date line, a blank line at most; and a blank line above it (not a deck under its headline),
    // not a line that left the body (a role under its author's name: `Nomvula Dlamini` / `Senior Lecturer in Hydrology, …`).
    const before = tree.children[index - 1]?.position?.end.line
    return (
      index > chosen.index &&
      wordCount(found.value) >= 4 &&
      end < date &&
      date - end <= 2 &&
      (next === undefined || next >= date) &&
      before !== undefined &&
      start - before > 1 &&
      !removed.some((removal) => removal.line === start - 1)
    )
  })
}

function headline(
  node: RootContent,
  maxWords: number,
  byline?: {text: Text; at: number},
  lowerCase = false
): {value: string; rule: string; span: ReturnType<typeof nodeSpan>; site?: {value: string; span: ReturnType<typeof nodeSpan>}} | undefined {
  if (node.type === 'heading' && (node as Heading).depth === 1) {
    const value = (node as Heading).children.map((child) => ('value' in child ? child.value : '')).join('')
    return value.trim() ? {value: value.trim(), rule: 'markdown-heading', span: nodeSpan(node)} : undefined
  }
  const text: Text | undefined = plainText(node)
  if (!text || !isHeadline(text.value, maxWords, lowerCase)) return undefined
  // A page title's site and section after ` | ` (`Late Frost Threatens Orchards | The Valley Post`)
  // are not the headline's: cut when the headline before them has four words or
  // more, and more than any of them (not `Opinion | Why …`).
  const suffix = siteSuffix.exec(text.value)
  // A byline run on after the headline (`…, By Femi Adeyemi`) is the author's, not the title's.
  let end = byline?.text === text ? byline.at : text.value.length
  let site: {value: string; span: ReturnType<typeof nodeSpan>} | undefined
  if (suffix) {
    const head = wordCount(text.value.slice(0, suffix.index).trim())
    if (head >= 4 && suffix[0].split('|').every((segment) => wordCount(segment.trim()) < head)) {
      end = Math.min(end, suffix.index)
      // The site is the last segment that reads as a name (`L-Mag` in `… | L-Mag | il settimanale di Arcadia`).
      const segments = [...suffix[0].matchAll(/\|\s+([^|]+?)\s*(?=\||$)/gu)]
      // (not a rating: `Four Stars`, `8/10`)
      const named = segments
        .reverse()
        .find((segment) => /^\p{Lu}/u.test(segment[1]) && !/\d|\bstars?\b|★/iu.test(segment[1]) && !sections.has(segment[1].toLowerCase()))
      if (named) {
        const from = suffix.index + named.index + named[0].indexOf(named[1])
        site = {value: named[1], span: textSpan(text, from, from + named[1].length)}
      }
    }
  }
  // A section's name after a dash, as a page title ends (`Gmina … nowe połączenie autobusowe - Aktualności`), is not the headline's.
  const section = suffix ? null : /\s+[-–—]\s+(\p{L}+)$/u.exec(text.value.slice(0, end))
  if (section && sections.has(section[1].toLowerCase()) && wordCount(text.value.slice(0, section.index)) >= 4) end = section.index
  // A date stamp run on after a headline of four words or more (`… về rác thải 05/03/2024 09:15`) is the page's, not the title's.
  const stamp = trailingStamp.exec(text.value.slice(0, end))
  if (stamp && text.value.slice(0, stamp.index).trim().split(/\s+/u).length >= 4) end = stamp.index
  // A review's rating in stars after the headline (`Les Gardiens du phare ★★★☆`) is not the headline's.
  const stars = trailingStars.exec(text.value.slice(0, end))
  if (stars && /\p{L}/u.test(text.value.slice(0, stars.index))) end = stars.index
  // A headline in asterisks or underscores (`*Pendataan …*`): the words inside.
  let start = 0
  const wrapped = /^([*_]{1,2})(?=\S)(.+?\S)\1$/u.exec(text.value.slice(0, end))
  if (wrapped) {
    start = wrapped[1].length
    end = start + wrapped[2].length
  }
  return {value: text.value.slice(start, end), rule: 'headline', span: textSpan(text, start, end), site}
}

/** An address, link or telephone number (`Media contact: Dana Whitlock, dana@…, (555) 013-2204`): never in a headline. */
const contact = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}|https?:\/\/|\bwww\.|\(\d{3}\)\s?\d{3}-\d{4}|\[email(?:\s|&#160;)protected\]/u

/** A ` | ` segment that is a dateline (`Local News | Updated 11 minutes ago`): page furniture. */
const furniture = /\s[|·•]\s(?:last updated|updated|published|posted|modified)\b/iu

/** A numeric date, with its time, ending a line (`05/03/2024 09:15`, `2024-03-05`, `12.06.2023 - 14:05`). */
const trailingStamp = /\s+[|·•–—-]?\s*(?:\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{2}-\d{2})(?:\s*[|·•,–—-]?\s*\d{1,2}:\d{2}(?::\d{2})?)?$/u

/** Stars ending a line, as a review's rating (`★★★☆`, `★★★½`, `⭐⭐⭐⭐`, `(★★★★)`). */
const trailingStars = /\s+[(\[]?[★☆✩✪✫✬✭✮✯⭐]+½?[)\]]?$/u

/**
 * A list item or a ticker's entry (`• Flood situation worsens in Sylhet |`), or a ticker (`… +++ …`), or an alert bar:
 * a label in capitals over three items or more between bars (`VACCINE UPDATES: Who is eligible | New portal | …`).
 */
const ticker = /^[•▪►●■]\s|\|$|\s\+\+\+\s|^\p{Lu}[\p{Lu}\p{N} ]{2,30}:\s[^|]+\s\|\s[^|]+\s\|\s/u

/** A picture's file name with text glued to it (`claudine_bigirimana.jpgYou ran …`). */
const gluedPicture = new RegExp(`${pictureExtension}(?=\\p{L})`, 'iu')

/** A note that a picture is a stock or archive one, ending its caption (`(Symbolbild)`, `(file photo)`), or its credit after a dash, bar or slash (`… - Arquivo`, `… - Divulgação`, `… / Foto: A`). */
const pictureNote = /\((?:symbolbild|symbolfoto|archivbild|archivfoto|file photo|stock photo|photo d['’]illustration|image d['’]illustration|illustration|foto de archivo|imagen de archivo|foto d['’]archivio|foto ilustrasi|zdjęcie ilustracyjne|arkivbild)\)$|\s[-–|/]\s(?:arquivo(?: pessoal)?|divulgação|reprodução|archivo|foto(?: de)? arquivo|(?:foto|photo)\s?:\s?[^:]{2,40})$/iu

/**
 * Whether a paragraph is a line of a box of facts: three `Label: value` lines in a row at least (a review's
 * `Lowest Recommended Age: High Schooler` / `Profanity: Some strong language` / `Violence/ Scariness: …`).
 */
function inFactBox(tree: Root, index: number): boolean {
  const labelled = (at: number) => /^\p{L}[\p{L}/ ]{1,30}:\s+\S/u.test(plainText(tree.children[at])?.value ?? '')
  if (!labelled(index)) return false
  let start = index
  let end = index
  while (start > 0 && labelled(start - 1)) start--
  while (end < tree.children.length - 1 && labelled(end + 1)) end++
  return end - start >= 2
}

/**
 * A caption that ends with its credit in capitals, the photographer's name and the agency's after a slash
 * (`Kirjastoauto pysäköitynä koulun pihalle Kuhmossa. JANNE HEIKKILÄ / STT-LEHTIKUVA`).
 */
const capitalCredit = /[.!?]\s+\p{Lu}[\p{Lu}'’.-]*(?:\s+\p{Lu}[\p{Lu}'’.-]*){1,3}\s*\/\s*\p{Lu}[\p{Lu}-]+(?:\s\p{Lu}[\p{Lu}-]+)?$/u

/**
 * A line of a page's widgets: hashtags only (`#festival #telerivieranews #nordnews`), a follow button (`+ Follow
 * Barangay Tag`), a trail's label (`You are here: Home …`), a site's greeting (`Bharat Darpan welcomes you`), a box's
 * heading with its link (`Upcoming Events View All`), a link to a section's index (`All Literary Fiction Coverage`).
 */
const widgetLine = /^(?:#[\p{L}\p{N}_]+\s*){2,}$|^\+\s*follow(?!\p{L})|^(?:you are here|vous êtes ici|sie sind hier|usted está aquí|está aqui|sei qui|u bent hier|jesteś tutaj|nacházíte se|anda berada di|bulunduğunuz sayfa)\s*:|^view (?:this|it) (?:e-?mail |newsletter )?in (?:your |a )?browser$|^forward (?:this )?to a (?:friend|colleague)$|(?<!\p{L})welcomes you!?$|\s(?:view|see) all$|^all\s+(?:[\p{L}&-]+\s+){0,3}(?:coverage|articles|stories|posts|news|reviews|videos|podcasts|episodes)$/iu

/** A site's tagline: what news it brings, for or from where (`Regional news from across the plains`, `Independent journalism for the North`). */
const tagline = /^(?:\p{L}+\s+){0,3}(?:news|stories|journalism|reporting|voices?|coverage)\s+(?:from|for|of|about|across|in)\s+(?:the|your|our|across|all|every|around)\s(?!.*[?!:])/iu

/** A site's slogan under its masthead (`Nigeria's Most Trusted Daily`, `Your Number One News Source`). */
const slogan = /(?<!\p{L})(?:most|trusted|leading|best|largest|biggest|number one|no\.? ?1|#1)(?!\p{L}).*(?<!\p{L})(?:daily|newspaper|news|paper|magazine|portal|source|site|weekly)$/iu

/** A menu of short items run together with bars (`BERMUDA | RSS PODCAST`, `Naslovnica | Vijesti | Kultura | Sport`). */
function isMenuBar(value: string): boolean {
  const items = value.split(/\s+\|\s+/u)
  // (of five items or more, three words each at most: `ReleaseDesk.org | Science | Health | Business | Submit a Release`)
  if (items.length >= 2) return items.every((item) => wordCount(item) <= (items.length >= 5 ? 3 : 2))
  // (or three or more between dots: `Aragón · Teruel · Economía · Deportes`)
  const dotted = value.split(/\s+[·•]\s+/u)
  return dotted.length >= 3 && dotted.every((item) => wordCount(item) <= 2)
}

/** A copyright line (`© Harbour Times 2021`, `Copyright 2020 …`, `… All rights reserved.`). */
const copyrightLine = new RegExp(String.raw`^(?:©|\(c\)\s*\d{4}|copyright\b)|${rightsReserved}`, 'iu')

/** `value` as a regular expression that matches it literally. */
function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/]/gu, String.raw`\$&`)
}

/** One or more ` | Segment` of at most six words each, ending the line. */
const siteSuffix = /(?:\s+\|\s+[^|\s]+(?:\s[^|\s]+){0,5})+$/u

/**
 * Indexes of the short lines at the top, before the first paragraph of prose:
 * the only place a headline stands (forty of them, items of a menu not
 * counted). Each is one line of at most 20 words with no more than one
 * sentence-ending stop.
 */
function headerLines(tree: Root, isNote: (node: RootContent) => boolean): number[] {
  const result: number[] = []
  // (a menu's items count as none: `• Home`)
  let counted = 0
  for (let index = 0; index < tree.children.length && counted < 40; index++) {
    const node = tree.children[index]
    if (isNote(node)) continue
    const value = plainText(node)?.value
    // (a ticker's line of teasers, however long, is furniture above the headline: `… +++ … +++ …`)
    if (value === undefined || value.includes('\n') || (wordCount(value) > wordLimit(value, 20) && !ticker.test(value))) break
    result.push(index)
    if (!menuItem.test(value)) counted++
  }
  return result
}

/**
 * Where the first run of a site's menu entries ends among the header's lines: two or more lines in a row, each a
 * menu word or section (`Home` / `About us` / `Blog` / `Contact`); -1 when there is none.
 */
function menuRunEnd(tree: Root, header: number[], navigation: ReadonlySet<number>): number {
  const entry = (index: number) => isMenuEntry(plainText(tree.children[index])?.value ?? '')
  // (across blank lines too: crawls that put one between all lines)
  const known = runEnd(tree, header, entry, 2, false)
  if (known !== -1) return known
  // (or, in a language whose menu words are not known, five short lines or more, one to a raw line: `Trang chủ` / `Thời sự`
  // / `Kinh tế` / `Xã hội` / `Giáo dục`; the lines of it that left the body as navigation count: `Riverside Girls Soccer` /
  // `Home` / `Schedule` / `Roster` / `Coach's Corner` / the headline)
  const short = (index: number) => isMenuShort(plainText(tree.children[index])?.value ?? '')
  // (its last line, right over the headline, may be the kicker: `Analizy` after a menu that has it too)
  const end = runEnd(tree, header, short, 5, navigation)
  return end === -1 ? -1 : end - 1
}

/**
 * The last line of the first run of `least` lines or more in the header that pass `test`, paragraph after paragraph,
 * and with `rawLines` one to a raw line (no blank line between; the raw lines in the set between two count as lines of
 * the run) (-1: none).
 */
function runEnd(tree: Root, header: number[], test: (index: number) => boolean, least: number, rawLines: false | ReadonlySet<number>): number {
  // (how many raw lines between two paragraphs of the run count, -1 when they do not touch)
  const between = (at: number): number => {
    if (header[at + 1] !== header[at] + 1) return -1
    if (!rawLines) return 0
    const from = (tree.children[header[at]].position?.end.line ?? 0) + 1
    const to = tree.children[header[at + 1]].position?.start.line ?? 0
    for (let line = from; line < to; line++) if (!rawLines.has(line)) return -1
    return to - from
  }
  for (let at = 0; at + 1 < header.length; at++) {
    if (!test(header[at])) continue
    let end = at
    let lines = 1
    for (let gap: number; end + 1 < header.length && (gap = between(end)) !== -1 && test(header[end + 1]); end++) lines += gap + 1
    if (lines >= least) return header[end]
    at = end
  }
  return -1
}

/**
 * Whether a line reads as an outlet's masthead: two to five capitalized words, the last an outlet's (`The Ballan Plains
 * News`), or a magazine's (`THE VISTULA INSTITUTE REVIEW`, `Harbour Lights Quarterly`).
 */
function isMasthead(value: string): boolean {
  const words = value.split(' ')
  return (
    words.length >= 2 &&
    words.length <= 5 &&
    (outletEnd.test(value) || magazineEnd.test(value)) &&
    words.every((word) => /^(?:\p{Lu}|the$|of$|and$|&$)/u.test(word))
  )
}

/** Words that end a magazine's or review's name, beside a paper's (`outletEnd`). */
const magazineEnd = /(?<!\p{L})(?:review|magazine|quarterly|monthly|digest|today|online)$/iu

/** Whether a line reads as a kicker: one to four words in capitals or known section names, or one to three capitalized words. */
export function isKicker(value: string): boolean {
  if (value.includes('\n') || value.length > 40 || /[.,;:!?…]$/u.test(value) || isServicePage(value)) return false
  // (not a press release's banner or a month with its year: `FOR IMMEDIATE RELEASE`, `MAY 2023`)
  if (/\b(?:19|20)\d{2}\b|^(?:for immediate release|press release|news release|media release)$/i.test(value)) return false
  const words = value.split(' ')
  if (wordCount(value) > 4) return false
  const letters = value.replace(/[^\p{L}]/gu, '')
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return true
  // (a word at least: a bar alone, `|`, is no kicker)
  if (/\p{L}/u.test(value) && words.every((word) => sections.has(word.toLowerCase().replace(/[^\p{L}-]/gu, '')) || word === '&' || word === '|')) return true
  // One to three capitalized words (`Investigations`, `Middle East`) on the line above a headline,
  // or words in a script without capitals (`اقتصاد`, `כלכלה`).
  return wordCount(value) <= 3 && words.every((word) => /^\p{Lu}[\p{L}’'-]*$/u.test(word) || /^\p{Lo}[\p{Lo}\p{M}’'-]*$/u.test(word) || word === '&')
}

/** A credit line under a headline: who translated, illustrated, photographed or edited the piece. */
const credit =
  /^(?:translated(?: from (?:the )?\p{L}+)?|translation|illustrat(?:ed|ions?)|photo(?:graph)?s?|photography|pictures|images|edited|additional reporting|interview(?:ed)?|traduit(?: de l['’]\p{L}+)?|traducción|traducido(?: del? \p{L}+)?|tradução|traduzido|übersetzt(?: aus dem \p{L}+)?|übersetzung|tradotto(?: dall['’]\p{L}+)?|traduzione)(?: and (?:edited|translated|photographed))? (?:by|par|por|von|da|door)\s+\p{Lu}/iu

/** A byline's label in lower case, with its colon or a name after it (`by: in: Research…`, `by Dana Roe`). */
const bylineGoesOn = new RegExp(String.raw`^${shortBylineLabel}(?:\s*:|\s+\p{Lu})`, 'u')

/**
 * Whether a line is the start of a hard-wrapped sentence: the next line follows
 * it with no blank line and goes on in lower case (`Harold spent forty-one years
 * carrying the mail on the rural` / `route out of Millbrook …`).
 */
function wrapsOn(tree: Root, index: number): boolean {
  const line = plainText(tree.children[index])
  const next = plainText(tree.children[index + 1])
  if (!line?.position || !next?.position || line.position.end.line + 1 !== next.position.start.line) return false
  // (a lower-case word: `iPhone` starting a deck is a name; nor does a byline go on from it: `by: in: Research…`)
  // (a wrapped line is long: a site's name over its tagline in lower case, `Slow Miles` / `a cycling blog by …`, is
  // none; nor does a relative date go on from a headline: `há 5 horas`)
  return (
    line.value.length >= 40 &&
    /^\p{Ll}+(?:[\s,;:]|$)/u.test(next.value) &&
    !/[.!?:;…"”]$/u.test(line.value) &&
    !bylineGoesOn.test(next.value) &&
    !(next.value.split(/\s+/u).length <= 4 && /\p{Nd}/u.test(next.value))
  )
}

/**
 * Whether the line at `index` ends a run of short lines one to a raw line, two at least above it (`Health` / `Nova
 * Scotia`: the last entries of a menu, not a columnist's name).
 */
function endsMenu(tree: Root, index: number): boolean {
  return [index - 1, index - 2].every((at) => at >= 0 && isMenuShort(plainText(tree.children[at])?.value ?? '') && follows(tree, at + 1))
}

/** Whether the paragraph at `index` starts on the raw line right after the one before it ends (no blank line between). */
function follows(tree: Root, index: number): boolean {
  return index >= 1 && tree.children[index].position?.start.line === (tree.children[index - 1].position?.end.line ?? 0) + 1
}

/**
 * Whether the line at `index` stands right under an opinion page's label (`OPINION` / `Selin Aydemir`), or under a
 * column's name in capitals under one (`Opinion` / `CROSSROADS` / `Rafael T. Dimaculangan`): a columnist's name, though
 * the lines over it are short as a menu's (a section's name is not enough: `Health` / `Nova Scotia`).
 */
function underColumnLabel(tree: Root, index: number): boolean {
  const line = (at: number) => plainText(tree.children[at])?.value ?? ''
  if (!follows(tree, index)) return false
  if (opinionLabel.test(line(index - 1))) return true
  return /^\p{Lu}[\p{Lu}\s&'’-]*$/u.test(line(index - 1)) && /\p{Lu}{3}/u.test(line(index - 1)) && wordCount(line(index - 1)) <= 3 && follows(tree, index - 1) && opinionLabel.test(line(index - 2))
}

/** An opinion page's label over a columnist's name. */
const opinionLabel =
  /^(?:opinions?|opinión|opinião|opinione|opinii|meinung|kommentar|columns?|columnists?|commentary|comment|op-?ed|viewpoints?|perspectives?|voices|tribune|chronique|görüş|köşe yazıları|yazarlar|мнение|мнения|колонка|رأي|مقالات|نظر)$/iu

/** A line that may be a menu's entry by its shape: one line of three words at most, no digit or punctuation. */
function isMenuShort(value: string): boolean {
  return value !== '' && !value.includes('\n') && wordCount(value) <= 3 && !/[\d.!?:,;]/u.test(value)
}

/** Whether a kicker is one by its words alone: known section names (capitals alone may be a columnist's name). */
function isSectionLabel(value: string): boolean {
  if (!isKicker(value)) return false
  return value.split(' ').every((word) => sections.has(word.toLowerCase().replace(/[^\p{L}-]/gu, '')) || word === '&' || word === '|')
}

/** Whether a line reads as a headline: one short line that does not end like a sentence. */
export function isHeadline(value: string, maxWords: number, lowerCase = false): boolean {
  if (value.includes('\n') || !/\p{L}/u.test(value)) return false
  // (a line of three words or more whose first is all lower case is a tagline or a sentence's tail: `a cycling blog by …`;
  // `iPhone` starts a headline; unless `lowerCase`: a line printed twice, as page title and headline, is one)
  if (!lowerCase && /^\p{Ll}+\s\S+\s\S/u.test(value)) return false
  if (/[.,;:…。，；：]$/u.test(value)) return false
  if (editorialNote.test(value) || pageLabel.test(value) || listingLabel.test(value) || breadcrumb.test(value) || isSlashTrail(value) || trailToHeadline.test(value) || contact.test(value) || furniture.test(value) || slogan.test(value) || widgetLine.test(value)) return false
  // A masthead (`RIBERA.ES · Tierras del Ebro · El Balcón de la Ribera`), a menu run together
  // (`Global EngagementLU HomeAbout LU`), a page number (`Home Blog Page 214`).
  const segments = value.split(' · ')
  if ((segments.length > 2 && segments.every((segment) => segment.split(' ').length <= 4)) || (value.match(/\p{Ll}\p{Lu}\p{Ll}/gu)?.length ?? 0) >= 3) return false
  if (value.split(' ').length <= 5 && /(?<!\p{L})(?:page|seite|página|pagina|strona|sivu|sida|side|oldal|stránka|strana|страница|сторінка|sayfa|halaman|trang)\s\d+$/iu.test(value)) return false
  // A pitch to subscribe (`La curiosité ne prend pas de vacances ! Abonnez-vous à Feuilles !`).
  if (subscribePitch.test(value)) return false
  // A list item or a ticker's entry (`• Flood situation worsens in Sylhet |`), a ticker (`… +++ …`), a menu of short
  // items (`BERMUDA | RSS PODCAST`), a picture's caption (`Ein Linienbus an einer Haltestelle (Symbolbild)`).
  if (ticker.test(value) || pictureNote.test(value) || pictureSize.test(value)) return false
  if (capitalCredit.test(value)) return false
  // (nor a banner about the version of the site shown: `Currently viewing a development environment`, `You are viewing an
  // archived page`)
  if (/^(?:you(?:['’]re| are) )?(?:currently )?viewing (?:a|an|the|this)\s(?:[\p{L}-]+\s){0,5}(?:environment|version|site|page|archive|copy)\.?$/iu.test(value)) return false
  // (nor an author's page's title, WordPress's `A, Author at Site`: `The Meridian Review, autor en Portavoz`)
  if (/^[^,]{2,60},\s+(?:author at|autor(?:a)? (?:en|em)|auteur (?:à|chez|sur|bij)|autore (?:presso|su|di)|autor(?:in)? (?:bei|auf)|autor(?:ka)? w)\s/iu.test(value)) return false
  // (nor a menu whose entries ran together, four glued at least: `Campus LifeHSU HomeAbout HSUHSU Academics…`)
  if ((value.match(/\p{Ll}\p{Lu}/gu)?.length ?? 0) >= 4) return false
  // An image's file name glued to text (`claudine_bigirimana.jpgYou ran …`), a name glued to its copy in capitals
  // (`Ajuntament de MarAJUNTAMENT DE MAR`).
  if (gluedPicture.test(value)) return false
  const half = value.length / 2
  if (Number.isInteger(half) && value.slice(half) === value.slice(0, half).toUpperCase() && value.slice(half) !== value.slice(0, half)) return false
  if (isMenuBar(value)) return false
  // A short line with a date written out or a time of day (`Dienstag, März 11, 2025`, `Kicked off at 3:30 PM`) is no headline.
  // (the date is the whole line, or but a weekday; the time has its unit)
  if (value.split(' ').length <= 6 && /\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|h\b|uhr)/iu.test(value)) return false
  const dated = writtenDate.exec(value)
  const rest = dated ? value.replace(writtenDate, ' ').trim() : value
  if (dated && (rest === '' || /^\p{L}+[,،.]$/u.test(rest) || !/\p{L}/u.test(rest))) return false
  // (nor a label over the date, maybe with its weekday: `Navnedag: Onsdag 11. mars 2020`, a name-day box's)
  if (dated && value.trimEnd().endsWith(dated[0].trimEnd()) && /^\p{L}[\p{L} ]{0,24}:(?:\s+\p{L}+,?)?$/u.test(rest)) return false
  // (nor a section's name with the date after it: `Real Estate & Construction  July 22, 2019`, `Politics March 3, 2021`;
  // not `Remembering March 11, 2011`)
  const sectionName = (words: string) =>
    /^\p{Lu}[\p{L}-]*(?:\s(?:&|and|\p{Lu}[\p{L}-]*)){0,4}$/u.test(words) && (/\s(?:&|and)\s/u.test(words) || words.split(' ').every((word) => sections.has(word.toLowerCase())))
  if (dated && value.trimEnd().endsWith(dated[0].trimEnd()) && sectionName(rest)) return false
  // A label over a date with its weekday, ending the line (`General News of Wednesday, 6 October 2021`).
  if (/(?:^|\s)\d{1,2}\.?\s+\p{L}{3,}\.?,?\s+\d{4}$/u.test(value) && /^(?:\S+\s){0,3}\p{L}+,$/u.test(rest)) return false
  // A byline (`Posted by A on …`) or an age banner (`This was published 2 years ago`) is no headline.
  if (bylineStart.test(value) || /\b(?:published|updated|posted)\b.*\bago$/iu.test(value)) return false
  // (nor is a headline with its writer's handle run into it, a blog platform's card: `A Practical Guide to … by@nadiafl`;
  // the headline is printed again below)
  if (/\sby@[\p{L}\p{N}_.-]+$/u.test(value)) return false
  // Nor is a credit (`Translated from Arabic by Karim Nassar`, `Illustrations by …`, `Edited by …`).
  if (credit.test(value)) return false
  if (isDateLine(value) || isDayRange(value) || promo.test(value) || isSiteLine(value)) return false
  // (nor the date with a section beside it, set apart by bullets or a bar: `Onsdag 11. mars 2020 ·•· Innenriks`)
  const parts = value.split(/\s+[·•|]+\s+/u)
  if (parts.length >= 2 && parts.some(isDateLine) && parts.every((part) => isDateLine(part) || wordCount(part) <= 3)) return false
  // (nor a ticker of results or times, each part with its own: `Lipnice – Týn 1:2 (kon.) | Zábřeh B – Mohelnice 0:0 (kon.)`)
  if (parts.length >= 2 && parts.every((part) => /(?<![\d:])\d{1,3}\s?:\s?\d{1,3}(?![\d:])/u.test(part))) return false
  // (a quotation at the end lets it run longer: see `wordLimit`)
  return value.length <= 300 && wordCount(value) <= wordLimit(value, maxWords) && (value.length <= 200 || quotedTail.test(value))
}

/**
 * The most words a headline may have: `words`, or half as many again in Thai, Lao, Khmer and Burmese, whose headlines
 * run longer in short words (`เทศกาลโคมไฟริมน้ำปิง 2567 กลับมาอีกครั้ง …` is 99 characters and 24 words); ten more when it
 * ends with a quote after its statement
 * (`Agricultorii … cer despăgubiri după a treia secetă la rând. „Am semănat de trei ori porumbul și tot n-a răsărit”`).
 */
function wordLimit(value: string, words: number): number {
  const limit = (value.match(unspaced.southeast)?.length ?? 0) >= value.length / 2 ? Math.round(words * 1.5) : words
  return quotedTail.test(value) ? limit + 10 : limit
}

/**
 * Whether paragraph `index` is a piece of a sentence broken over lines, as a transcript or a speech is printed (`I have
 * spent the last three days travelling along this coast` / `from Berwick down to Bridlington`): it has no stop of its
 * own, and the next paragraph goes on with a small letter (in Latin, Cyrillic or Greek script), in three words or more
 * (not a byline's or date's label, `by Nick Hallam`, a short line with a number, `vor 3 Stunden`, or a brand, `iPhone mini
 * owners …`), and it is not in title case. Neither it nor a line below it is the headline.
 */
function brokenLine(tree: Root, index: number): boolean {
  const value = plainText(tree.children[index])?.value ?? ''
  const next = plainText(tree.children[index + 1])?.value ?? ''
  // (in a script whose small letters say so: Georgian has no capitals to start a line with; and not a brand, `iPhone mini …`)
  // (a headline in title case is whole: `A Kettle That Finally Behaves` over `cheap flights lisbon`, an advertiser's words)
  const words = value.split(/\s+/u)
  if (words.length >= 3 && words.filter((word) => /^\p{Lu}/u.test(word)).length >= words.length * 0.6) return false
  return (
    /[\p{L}\p{N}]$/u.test(value) &&
    startsSmall(next) &&
    !/^\p{Ll}+[\p{Lu}\p{N}]/u.test(next) &&
    wordCount(next) >= 3 &&
    !(/\p{N}/u.test(next) && wordCount(next) <= 5) &&
    !continuedByline.test(next)
  )
}

/** A byline's or a post's label written small (`by Nick Hallam`, `posted by admin`), or a date's (`le , mis à jour le`). */
const continuedByline = new RegExp(String.raw`^(?:${shortBylineLabel}|(?:posted|written|published|updated) by|publié par|publicado por|geschrieben von)[\s:]|^(?:le|el|am|il|op|em|den|on|publié|mis à jour|updated|published|posted|actualizado|aktualisiert)\s*[\s,:]`, 'u')

/** A quote ending a line after a statement (`… la rând. „Am semănat …”`). */
const quotedTail = /[.:!?]\s+[„“"«][^„“"«”»]{10,}[”"»]$/u

/**
 * A headline of two short sentences, ending with a full stop (`Europe's grid is ready for more solar. Its planning system
 * is not.`), in the header, with the byline or the date (at `lines`) on one of the two raw lines under it.
 */
function twoSentences(tree: Root, header: number[], lines: Array<number | undefined>, maxWords: number) {
  for (const index of header) {
    const node = tree.children[index]
    const text = plainText(node)
    const end = node.position?.end.line
    if (!text || end === undefined || !lines.some((line) => line !== undefined && line > end && line <= end + 2)) continue
    const parts = text.value.split(/(?<=[\p{Ll}\d])\.\s+(?=\p{Lu})/u)
    if (parts.length !== 2 || !/^\p{Lu}[^.!?]*\.$/u.test(parts[1]) || wordCount(text.value) > 16) continue
    if (!isHeadline(parts[0], maxWords) || !isHeadline(parts[1].slice(0, -1), maxWords)) continue
    return {index, found: {value: text.value, rule: 'headline', span: nodeSpan(node)}}
  }
  return undefined
}

/**
 * Whether a short line is mostly a date, in any language and calendar: a time
 * of day with a year, or a numeric date, in eight words or fewer (`3 มีนาคม 2566 ( 14:25 )`,
 * `최종편집 2025-01-09 18:03 (목)`), or numbers for two words in five with a
 * year among them (`دوشنبه / ۱۵ بهمن / ۱۴۰۳ - 3 February, 2025`, `العدد 2019 -
 * الخميس 12 يونيو 2008م …`).
 */
/**
 * Whether a line is days without a year: months' or weekdays' names and days' numbers only, a number and a name at
 * least (a star sign's `March 21-April 20`, `21 March – 20 April`).
 */
function isDayRange(value: string): boolean {
  const tokens = value.split(/[\s–—-]+/u).filter(Boolean)
  const calendar = calendarWords()
  const day = (token: string) => /^\p{Nd}{1,2}(?:st|nd|rd|th|\.)?,?$/u.test(token)
  const named = (token: string) => calendar.has(token.replace(/[.,]$/u, '').toLowerCase())
  return tokens.length <= 6 && tokens.some(day) && tokens.some(named) && tokens.every((token) => day(token) || named(token))
}

function isDateLine(value: string): boolean {
  const tokens = value.split(/\s+/u).filter((token) => /[\p{L}\p{Nd}]/u.test(token))
  // (a time alone is no date: `The 3:10 to Yuma Rides Again`)
  const time = /(?<!\p{Nd})\p{Nd}{1,2}:\p{Nd}{2}(?!\p{Nd})/u.test(value) && /(?<!\p{Nd})\p{Nd}{4}(?!\p{Nd})/u.test(value)
  // (but a headline may start with its day, as some sites print it: `2020-10-14 Nya tider för återvinningscentralen i vinter`)
  const dayFirst = /^\p{Nd}{4}-\p{Nd}{2}-\p{Nd}{2}\s+(?:\p{L}[\p{L}'’-]*[\s,:]+){3,}\p{L}/u.test(value) && !time
  if (tokens.length <= 8 && !dayFirst && (time || /(?<!\p{Nd})(?:\p{Nd}{4}[-/.]\p{Nd}{1,2}[-/.]\p{Nd}{1,2}|\p{Nd}{1,2}[-/.]\p{Nd}{1,2}[-/.]\p{Nd}{2,4})(?!\p{Nd})/u.test(value))) return true
  // (a year first, then a month's name and the day: `2024. április 19, péntek - Emma`)
  if (tokens.length <= 8 && /^\p{Nd}{4}\.?\s+\p{L}{3,}\.?\s+\p{Nd}{1,2}(?!\p{Nd})/u.test(value)) return true
  const numbers = tokens.filter((token) => /^\p{Nd}/u.test(token))
  const year = numbers.some((token) => /^\p{Nd}{4}(?!\p{Nd})/u.test(token))
  if (numbers.length >= 3 && numbers.length * 5 >= tokens.length * 2 && year) return true
  // (a date or two written out: numbers, a year among them, short words and the names of months and days: `Día Jueves,
  // 26 de Octubre de 2023`, `Del 3 de marzo de 2023 al 10 de abril de 2023`; not `Remembering March 11, 2011`)
  if (numbers.length < 2 || !year) return false
  const words = tokens.filter((token) => !/^\p{Nd}/u.test(token) && !/^\p{L}{1,3}\.?,?$/u.test(token)).map((token) => token.replace(/[^\p{L}]/gu, '').toLowerCase())
  const calendar = calendarWords()
  return words.length > 0 && words.every((word) => calendar.has(word))
}

/**
 * A trail from the home page (`Home > Council Business > Parish News Reports 2023`), a
 * site's welcome (`Selamat Datang di Superhub …`, `Welcome to our website`; not `Welcome to Britain's …`) or its name as an official portal (`Gmina … –
 * oficjalny serwis`, `Официальный портал органов власти …`): page furniture, not a headline.
 */
const siteLine =
  /^(?:home|homepage|início|inicio|beranda|главная|головна|startseite|accueil|strona główna|ana sayfa|trang chủ|الرئيسية)\s*[>»›→/|]|^(?:welcome to (?:our|the official) (?:website|site|blog|portal)|selamat datang di|bienvenue sur|willkommen auf|bienvenid[oa]s? a (?:nuestr[oa]|la web|el sitio)|benvenut[oi] (?:su|nel sito)|bem-vind[oa]s? ao (?:site|portal)|witamy (?:na stronie|w serwisie))(?!\p{L})|(?<!\p{L})(?:official (?:website|site|portal)|oficjalny (?:serwis|portal)|официальный (?:портал|сайт)|офіційний (?:портал|сайт)|portal oficial|site officiel|offizielle (?:website|seite|homepage))(?!\p{L})/iu

/**
 * A trail run together with the headline after a home link in other languages (`Início Notícias Geral PREFEITO E …`,
 * `Главная Новости …`), told by the capital after the link (asked apart: under the `iu` flags `\p{Lu}` lets a small
 * letter pass, and `Inicio de clases se retrasa …` is a headline).
 */
const homeLink = /^(?:início|inicio|beranda|главная|головна|startseite|accueil|strona główna|ana sayfa|trang chủ|الرئيسية)\s+/iu

/** Whether a line is the site's own rather than an article's (see `siteLine` and `homeLink`). */
function isSiteLine(value: string): boolean {
  const home = homeLink.exec(value)
  return siteLine.test(value) || (home !== null && /^\p{Lu}/u.test(value.slice(home[0].length)))
}

/** A call to do something on the site (`Visit our Newsroom for …`, `Click here to …`) or a contact block (`Contacts: …`), not a headline; also a print header. */
const promo = /^(?:visit|click|tap|sign up|subscribe|download|follow|join|read|watch|listen)\s+(?:our|us|here|now|to)\b|^(?:weather|tiempo|el tiempo|météo|wetter|meteo|clima|pogoda|vremea|καιρός|hava durumu|cuaca)\s*[:|-]?\s*.{0,40}?-?\d{1,2}\s*°|^(?:start (?:your |a )?free trial|try (?:it )?(?:for )?free|(?:book|request|get) a demo|sign up (?:for )?free|start for free)$|^(?:trending(?: now| topics)?|hot topics|top searches|popular searches)\s*[:|]|^(?:media |press )?contacts?\s*:|^this (?:page|article|story) was printed from\b/iu

/** A pitch to subscribe, as a sentence of its own. */
const subscribePitch = new RegExp(String.raw`(?:^|[.!?]\s+)${subscribeWords}`, 'iu')

/** `Stand:`, `Temps de lecture :`, `Gepubliceerd:`: a label of a few words, then its value. */
const labelled = /^[\p{L}’'-]+(?:\s[\p{L}’'-]+){0,3}\s?[:：]\s/u
/** A year or a time of day (`2023`, `14:05`, `09h15`). */
const dateOrTime = /\b(?:1[89]\d\d|20\d\d)\b|\b\d{1,2}(?::|h)\d{2}\b/u

/**
 * Whether a body paragraph can be the description: prose of six words or more
 * (ten or more when it does not end like a sentence), not a list item, not the title again, an editorial note, page furniture (`Local News | Updated
 * 11 minutes ago`), a short `Label: value` line (`Stand: 16.05.2023`, `Temps de
 * lecture : 2 min.`) or a short line with a date or time that does not end like
 * a sentence (`Madrid - 3 de marzo de 2022 - 07:00 h`).
 */
function isDescription(value: string, title: string | undefined): boolean {
  const line = value.replace(/\s+/gu, ' ').trim()
  const words = line.split(' ').length
  // A sentence starts with a capital, a digit or a quote (in scripts that have capitals).
  if (/^\p{Ll}/u.test(line)) return false
  // A list item (`* Farmers lost …`) is no standfirst, nor a short line that is no sentence (an author's role).
  if (words < 6 || editorialNote.test(line) || /^[*•·–—-]\s/u.test(line)) return false
  // A byline left in the body (`By Kees van der Meer and Ana de la Cruz`).
  if (words <= 12 && bylineStart.test(line) && !/[.!?…]$/u.test(line)) return false
  if (words < 10 && !/[.!?…]["”»’)]?$/u.test(line)) return false
  if (title !== undefined && line.toLowerCase() === title.toLowerCase()) return false
  if (line.length <= 100 && (line.includes(' | ') || labelled.test(line))) return false
  // A masthead with ` · ` separators, an image in Markdown syntax, a consent notice.
  if ((line.length <= 160 && line.includes(' · ')) || line.startsWith('![') || /\breCAPTCHA\b/u.test(line) || pictureNote.test(line)) return false
  return !(line.length <= 80 && dateOrTime.test(line) && !/[.!?…]["”»’)]?$/u.test(line))
}

function firstSentence(value: string, lang: string): string {
  return (splitSentences(value, lang, 1)[0] ?? value).trimEnd()
}
