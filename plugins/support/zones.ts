/** Where things stand in an article: prose paragraphs, and the top before the prose. */
import type {Root} from 'mdast'
import {plainText} from './evidence.js'
import {unspaced} from './shapes.js'

/** A paragraph of prose: twenty words or more, ending like a sentence. */
export function isProse(value: string): boolean {
  return spacedProse(value) || southeastProse(value)
}

/** Prose in scripts that put spaces between words, and in Chinese and Japanese. */
function spacedProse(value: string): boolean {
  // A long paragraph of sentences is prose whatever its end (a letter's signature or an agency's credit glued to it).
  // (the danda ends a sentence in Hindi, Bengali and other Indian scripts; `؟` an Arabic question, `։` an Armenian sentence, `።` an Amharic one)
  if (!/[.!?…"”»。！？」।॥؟։።]$/u.test(value)) return value.length >= 200 && sentencesBefore(value) && spacesAtLeast(value, 39)
  // Chinese and Japanese put no spaces between words: forty characters, twenty of them in a row or thirty in all
  // (punctuation and digits break the runs: `一般質問を通告した議員は、定数8のうち2人にとどまった。`), stand for twenty words.
  if (value.length >= 40 && (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{20}/u.test(value) || (value.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0) >= 30)) return true
  // Twenty words.
  return spacesAtLeast(value, 19)
}

/**
 * Thai, Lao, Khmer and Burmese put spaces between phrases only and end sentences with none: a hundred letters of
 * theirs (about twenty-five words) are prose. (Asked last: most paragraphs are told before.)
 */
function southeastProse(value: string): boolean {
  return value.length >= 100 && (value.match(unspaced.southeast)?.length ?? 0) >= 100
}

/** Whether `value` has at least `count` spaces (counted without splitting a long paragraph into words). */
function spacesAtLeast(value: string, count: number): boolean {
  let spaces = 0
  for (let at = value.indexOf(' '); at !== -1 && ++spaces < count; at = value.indexOf(' ', at + 1));
  return spaces >= count
}

/** Two sentences end inside `value` (a full stop, question or exclamation mark, then a capital). */
function sentencesBefore(value: string): boolean {
  return (value.match(/[\p{Ll}\d)"”][.!?]["”’]?\s+["“‘]?\p{Lu}/gu)?.length ?? 0) >= 2
}

/** An item of a menu or list: a bullet or number and a few words (`• Home`, `1. Kerala`). */
export const menuItem = /^(?:[•▪·*–-]|\p{Nd}{1,2}[.)])\s+\S.{0,40}$/u
/** A short line a byline or a date follows (`By  A`, `Published 15th March 2024`, `Von A`). */
const metaLabel = /^(?:by|written by|posted|published|updated|von|par|por|door|av|autor|author)(?:\s|:)/iu

/**
 * Indexes of the paragraphs at the top of an article, where headlines, bylines
 * and datelines stand: from the start until the second paragraph of prose (at
 * most `limit`, items of a menu not counted: a page may print its menu of bare lines twice above the article). Prose followed within two paragraphs by a short byline or
 * date line, itself followed by prose, is a promotion above the article, not
 * its text (`Never miss a story! Follow us on WhatsApp …`, then `By A`,
 * `Published …`, the article): the count starts again after it.
 */
export function topZone(tree: Root, limit = 40): number[] {
  const zone: number[] = []
  let prose = 0
  // (a menu's items count as none: `• Home`, `1. Kerala`)
  let counted = 0
  for (let index = 0; index < tree.children.length && counted < limit; index++) {
    const value = plainText(tree.children[index])?.value ?? ''
    if (isProse(value) && ++prose >= 2) {
      // (with the article's prose after it: a play's `Written by A` / `Directed by B` closing a review is no byline)
      const label = [1, 2].some((step) => {
        const value = plainText(tree.children[index + step])?.value ?? ''
        return value.length <= 80 && metaLabel.test(value) && [1, 2, 3].some((next) => isProse(plainText(tree.children[index + step + next])?.value ?? ''))
      })
      if (!label) break
      prose = 0
    }
    zone.push(index)
    if (!menuItem.test(value)) counted++
  }
  return zone
}
