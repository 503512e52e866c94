/** Plugin: read bylines (`By A, B and C`) near the top into `author`, and take them out of the body. */
import type {Root, Text} from 'mdast'
import type {VFile} from 'vfile'
import {cite, field, hasField, plainText, removeChild, setField, textSpan} from './support/evidence.js'
import {outletEnd, postFooterLine} from './support/shapes.js'
import {topZone} from './support/zones.js'
import type {Evidence} from './types.js'

// The label is a whole word (`PORTUALITÀ` is no `Por` byline).
const label = /^(?:by\s+(?=by\s))?(?:(?:by|written by|posted by|words by|text by|editorial by|column by|story by|report from|von|geschrieben von|par|écrit par|por|escrito por|door|geschreven door|di|scritto da|av|af|tekst af|oleh|ditulis oleh)(?:\s*:\s*|\s+)|authors?\s*:|autor(?:in)?\s*:|auteur\s*:|autore\s*:|penulis\s*:|yazar\s*:|tác giả\s*:|συντάκτης\s*:|автор\s*:|بقلم\s*:?|מאת|(?:作者|记者|記者)(?:\s*[:：]|\s))\s*/iu
/** Roles and places that follow a name in a byline, and are not names. */
const role =
  /\b(?:correspondent|editor|reporter|writer|columnist|contributor|contributing|staff|professor|analyst|fellow|director|researcher|journalist|producer|bureau|chief|senior|associate|lecturer|student|photographer|desk|news|agency|special|guest|team|opinion|university|universit[éäy]|institute|college|school|centre|center|foundation)\b/iu
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
    // A listing’s bylines belong to its teasers, not to the page.
    const zone = file.data.meta?.kind?.value === 'listing' ? [] : topZone(tree, 14)
    for (const index of zone) {
      const text = plainText(tree.children[index])
      if (!text || text.value.length > 120 || text.value.includes('\n')) continue
      const match = label.exec(text.value) ?? /^(?:posted|published) on\s.{6,40}?\sby\s+/iu.exec(text.value)
      let names: Array<{value: string; evidence: Evidence}> | undefined
      // A Korean byline: the name, then 기자 (reporter), maybe an address (`• 고은비 기자`, `고은비 기자 ebko@…`, `고은비 기자 | ebko@…`).
      const korean = match ? null : /^(?:[•·]\s*)?(\p{Script=Hangul}{2,4})\s?기자(?:\s+(?:[|·]\s*)?\S+@\S+)?$/u.exec(text.value)
      if (korean) {
        const from = korean[0].indexOf(korean[1])
        names = [{value: korean[1], evidence: cite(file, 'byline', textSpan(text, from, from + korean[1].length))}]
      } else if (match) names = namesIn(file, text, match[0].length)
      else if (/^follow$/iu.test(plainText(tree.children[index + 1])?.value ?? '') && namePattern.test(text.value) && text.value.split(' ').length <= 4) {
        names = [{value: text.value, evidence: cite(file, 'author-follow', textSpan(text, 0, text.value.length))}]
      }
      if (!names || names.length === 0) continue
      setAuthors(file, names)
      removeChild(file, tree, index, 'byline')
      break
    }
    if (file.data.meta?.kind?.value !== 'listing' && !hasField(file, 'author')) labelAbove(tree, file, zone) || bylineInHeadline(zone.slice(0, 4)) || wireCredit(tree, file) || postFooter(tree, file) || closingLabel(tree, file) || authorBio(tree, file)
    setField(file, 'author', field<string[]>([]))
    return undefined

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

/** Set `author` to these names, each with its evidence. */
function setAuthors(file: VFile, names: Array<{value: string; evidence: Evidence}>): void {
  setField(file, 'author', field<string[]>(names.map((name) => name.value), names.map((name) => name.evidence)))
}

/** A wire story's closing credit: `Reporting by A and B; Editing by C` (editors are not authors). */
const credit = /^(?:reporting|writing) by\s+/iu

/**
 * The author from a closing bio among the last six paragraphs (furniture may
 * follow it): a name of two to four words, then `is a`/`is an`/`is the` and
 * what the person does (`Dana Whitcombe is a Riverton resident and retired
 * teacher.`: `writer`, `professor`, `resident`, `based in`…), or what the
 * person covers for an outlet (`Dana Whitcombe covers county government for
 * the Ledger.`). The bio stays in the body.
 */
function authorBio(tree: Root, file: VFile): boolean {
  for (let index = tree.children.length - 1; index >= Math.max(0, tree.children.length - 6); index--) {
    const text = plainText(tree.children[index])
    if (!text || text.value.length > 300 || text.value.includes('\n')) continue
    // (or says what the person covers: `Dana Whitcombe covers county government for the Ledger.`)
    const match = /^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}) (?:(?:is|was) (?:a|an|the)\s|(covers|reports on|writes about) .{3,80}\bfor (?:the )?\p{Lu})/u.exec(text.value)
    // A bio says what the person does (a news story's last line about its subject rarely does so), names a
    // person (not `Harbour Books`), and the name is nowhere else in the text (else the article is about them).
    if (!match || !namePattern.test(match[1]) || role.test(match[1]) || !(match[2] || bioWord.test(text.value)) || organisation.test(match[1])) continue
    if (tree.children.some((node, other) => other !== index && plainText(node)?.value.includes(match[1]))) continue
    setAuthors(file, [{value: match[1], evidence: cite(file, 'author-bio', textSpan(text, 0, match[1].length))}])
    return true
  }
  return false
}

const organisation = /\b(?:books|bookshop|ltd|inc|company|council|group|shop|store|press|media|university|college|school|museum|library|society|association|foundation|trust|bank|news|club|centre|center|institute)\b/iu
const bioWord =
  /\b(?:writer|author|journalist|reporter|columnist|contributor|freelance|professor|lecturer|researcher|fellow|student|teacher|resident|editor|founder|analyst|consultant|novelist|poet|historian|economist|based in)\b/iu

/** Authors from a wire credit among the last paragraphs, which then leaves the body. */
function wireCredit(tree: Root, file: VFile): boolean {
  return closingNames(tree, file, 6, 200, (value) => credit.exec(value)?.[0].length, 'wire-credit', 'wire-credit')
}

/** A blog post's footer among the last paragraphs: `Posted by A at 9:14 PM` (Blogger); it then leaves the body. */
function postFooter(tree: Root, file: VFile): boolean {
  return closingNames(tree, file, 10, 120, (value) => (postFooterLine.test(value) ? /^posted by\s+/iu.exec(value)![0].length : undefined), 'post-footer', 'post-footer')
}

/** A label of the author alone on a line (`Author`, `Autor`, `Tác giả:`), the name on the next. */
const labelAlone = /^(?:authors?|autor(?:in)?|auteur|autore|penulis|yazar|tác giả|συντάκτης|автор|written by|by)\s*:?$/iu

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

/** A labelled byline among the last paragraphs (`Tác giả: Minh Tâm`, `Author: A`; a label with a colon, not `By`); it then leaves the body. */
function closingLabel(tree: Root, file: VFile): boolean {
  return closingNames(tree, file, 10, 120, (value) => {
    const match = label.exec(value)
    return match && /[:：]\s*$/u.test(match[0]) ? match[0].length : undefined
  }, 'byline', 'byline')
}

/**
 * Authors from a line among the last `reach` paragraphs (one line, at most `longest` characters) whose names start
 * where `start` says; the line then leaves the body for `reason`.
 */
function closingNames(tree: Root, file: VFile, reach: number, longest: number, start: (value: string) => number | undefined, rule: string, reason: string): boolean {
  for (let index = tree.children.length - 1; index >= Math.max(0, tree.children.length - reach); index--) {
    const text = plainText(tree.children[index])
    if (!text || text.value.length > longest || text.value.includes('\n')) continue
    const from = start(text.value)
    const names = from === undefined ? undefined : namesIn(file, text, from, rule)
    if (!names || names.length === 0) continue
    setAuthors(file, names)
    removeChild(file, tree, index, reason)
    return true
  }
  return false
}

function namesIn(file: VFile, text: Text, from: number, rule = 'byline'): Array<{value: string; evidence: Evidence}> | undefined {
  let rest = text.value.slice(from)
  // What follows a separator is an outlet, a date or a role, not a name.
  // (a date label too: `By Deccan Ledger Published Date - 07:45 PM`)
  // (and an address: `Tekst af Jonas Holm, jvh@byraadsnyt.dk`)
  const cut = /\s+[|–—·•/]\s*|\s+-\s+|\s*\(|\s+(?:on|at)\s+(?=\p{Lu}|\d)|;|,?\s+\S+@\S+|\s+(?:[Pp]ublished|[Uu]pdated|[Pp]osted|PUBLISHED|UPDATED|POSTED)(?=[\s:]|$)/u.exec(rest)
  if (cut) rest = rest.slice(0, cut.index)
  const names: Array<{value: string; evidence: Evidence}> = []
  const parts = /([^,&]+?)(?:\s*,\s*(?:and\s+)?|\s+(?:and|&|und|et|y|e|en)\s+|\s*&\s*|$)/gu
  let joined = false
  let afterComma = false
  for (const part of rest.matchAll(parts)) {
    // A full stop ending the byline is not the name's (`Par Sophie Lambrechts.`), an initial's is (`Jr.`).
    const value = nameOf(part[1].trim().replace(/(?<=\p{L}{3,})(?<!\b(?:Jr|Sr|Snr|Jnr))\.$/u, ''))
    if (!value) continue
    // `By A and B, The Courier`: after names joined by `and`, a comma leads to the outlet.
    if (joined && afterComma) break
    const separator = part[0].slice(part[0].indexOf(part[1]) + part[1].length)
    afterComma = separator.includes(',') && !/,\s*and\s/u.test(separator)
    joined ||= conjunction.test(separator) || /,\s*and\s/u.test(separator)
    // A role, or a date (`By A, March 3, 2020`), ends the names; lower-case words
    // go on a sentence (`By Friday, the council had spent …`): no byline.
    if (role.test(value) || /\d/u.test(value)) break
    if (!/^[\p{Lu}\p{Lo}]/u.test(value)) return undefined
    if (!(namePattern.test(value) || caselessName.test(value)) || value.split(' ').length > 5) return undefined
    const start = from + part.index + part[0].indexOf(value)
    names.push({value, evidence: cite(file, rule, textSpan(text, start, start + value.length))})
  }
  // `By A, Reuters`: a comma with no `and` before a last name joins a name to its outlet or place, not to another name.
  if (names.length > 1 && !conjunction.test(rest)) names.length = 1
  return names
}

/** A name in a script without capitals (Arabic, Hebrew, Chinese…): one to four words of letters. */
const caselessName = /^\p{Lo}[\p{Lo}\p{M}'’.-]*(?:\s+\p{Lo}[\p{Lo}\p{M}'’.-]*){0,3}$/u

/** A conjunction between two names (`A and B`, `A & B`, `A und B`…). */
const conjunction = /\s(?:and|&|und|et|y|e|en)\s|&/u

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
