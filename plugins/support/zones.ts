/** Where things stand in an article: prose paragraphs, and the top before the prose. */
import type {Root} from 'mdast'
import {plainText} from './evidence.js'

/** A paragraph of prose: twenty words or more, ending like a sentence. */
export function isProse(value: string): boolean {
  // A long paragraph of sentences is prose whatever its end (a letter's signature or an agency's credit glued to it).
  if (!/[.!?…"”»。！？」]$/u.test(value)) return value.length >= 200 && sentencesBefore(value) && spacesAtLeast(value, 39)
  // Chinese and Japanese put no spaces between words: forty characters, twenty of them in a row or thirty in all
  // (punctuation and digits break the runs: `一般質問を通告した議員は、定数8のうち2人にとどまった。`), stand for twenty words.
  if (value.length >= 40 && (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{20}/u.test(value) || (value.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0) >= 30)) return true
  // Twenty words.
  return spacesAtLeast(value, 19)
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

/**
 * Indexes of the paragraphs at the top of an article, where headlines, bylines
 * and datelines stand: from the start until the second paragraph of prose (at
 * most `limit`).
 */
export function topZone(tree: Root, limit = 12): number[] {
  const zone: number[] = []
  let prose = 0
  for (let index = 0; index < tree.children.length && zone.length < limit; index++) {
    if (isProse(plainText(tree.children[index])?.value ?? '') && ++prose >= 2) break
    zone.push(index)
  }
  return zone
}
