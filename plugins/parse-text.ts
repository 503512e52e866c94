/** Plugin: parse plain text into mdast paragraphs positioned in the raw file. */
import type {Paragraph, Root} from 'mdast'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {blank} from './support/normalize.js'
import {bylineStart, gluedRun} from './support/shapes.js'

interface Line {
  start: number
  end: number
  blank: boolean
}

/** Whitespace and invisible characters at the edges of a paragraph. */
const edge = /[\s\u200b\u2060\ufeff\u00ad]/

/**
 * Set a parser that reads plain text: paragraphs are split on blank lines, or
 * on every line break when the text has no blank line between two lines. A
 * block of lines is kept as one paragraph only when it is prose hard-wrapped at
 * 50–100 characters; other blocks (headers of short lines) split into lines. Nothing
 * is read as Markdown: each paragraph holds one text node with the raw text.
 */
export default function parseText(this: Processor): undefined {
  this.parser = parser
  return undefined
}

function parser(document: string, file: VFile): Root {
  const place = location(file)
  const lines = splitLines(document)
  const firstText = lines.findIndex((line) => !line.blank)
  const lastText = lines.findLastIndex((line) => !line.blank)
  const hasBlankInside = lines.slice(firstText, lastText + 1).some((line) => line.blank)

  const groups: Line[][] = []
  let current: Line[] = []
  for (const line of lines) {
    if (line.blank || !hasBlankInside) {
      if (current.length > 0) groups.push(current)
      current = line.blank ? [] : [line]
      continue
    }
    current.push(line)
  }
  if (current.length > 0) groups.push(current)
  // A block of lines is one paragraph only when it is prose wrapped at a fixed
  // width; otherwise (a header of nav, kicker, headline, byline and dateline
  // lines, or one paragraph per line) each line is a paragraph.
  const paragraphs = groups.flatMap((group) => (isWrapped(group, document) ? [group] : group.map((line) => [line])))

  const point = (offset: number) => {
    const found = place.toPoint(offset)
    return {line: found?.line ?? 1, column: found?.column ?? 1, offset}
  }

  const children: Paragraph[] = paragraphs.map((group) => {
    let start = group[0].start
    let end = group[group.length - 1].end
    while (start < end && edge.test(document[start])) start++
    while (end > start && edge.test(document[end - 1])) end--
    const from = point(start)
    const to = point(end)
    return {
      type: 'paragraph',
      children: [{type: 'text', value: document.slice(start, end), position: {start: {...from}, end: {...to}}}],
      position: {start: from, end: to}
    }
  })

  return {
    type: 'root',
    children,
    position: {start: point(0), end: point(document.length)}
  }
}

/**
 * Whether lines read as prose hard-wrapped at a fixed width: every line but the
 * last 50 to 100 characters long, not all ending a sentence. Two lines must
 * also read as one sentence going on: the second starts in lower case, or the
 * first breaks after a comma, semicolon, colon or hyphen. (A long headline over
 * its byline or dateline, `… helada tardía` / `Por María López | 3 de marzo`,
 * is two lines, not one paragraph.) More lines must be filled as wrapping
 * fills them: no line's next word would have fit on it. A last line that is a
 * byline (`By Lam Wing-sze`) ends a header of lines, never wrapped prose.
 */
function isWrapped(group: Line[], document: string): boolean {
  const lines = group.slice(0, -1)
  // When every line ends a sentence, the lines are paragraphs of their own.
  const allEndSentences = lines.every((line) => /[.!?…"”]\s*$/u.test(document.slice(line.start, line.end)))
  if (allEndSentences || !lines.every((line) => line.end - line.start >= 50 && line.end - line.start <= 100)) return false
  // A byline ends a header, not a paragraph (`Published: 17:40, March 3, 2021 | …` / headline / `By Lam Wing-sze`).
  const last = document.slice(group.at(-1)!.start, group.at(-1)!.end)
  if (last.length <= 60 && bylineStart.test(last.trimStart()) && !/[.!?…]\s*$/u.test(last)) return false
  if (group.length > 2) {
    // Wrapping fills each line: the next line's first word would not have fit on it.
    // (A loop, not `Math.max(...)`: a group may hold hundreds of thousands of lines.)
    let width = 0
    for (const line of lines) width = Math.max(width, line.end - line.start)
    return lines.every((line, index) => {
      const next = document.slice(group[index + 1].start, group[index + 1].end).trimStart()
      return line.end - line.start + 1 + (next.split(/\s/u, 1)[0]?.length ?? 0) > width
    })
  }
  const [first, second] = group
  // (a run of tags or a slug glued into one long word under a headline is no line of prose going on: `Verification Desk: How
  // to Tell …` / `fact-checkweathermisinformationphoto-verification`)
  if (gluedRun.test(document.slice(second.start, second.end).trim())) return false
  return /^\s*\p{Ll}/u.test(document.slice(second.start, second.end)) || /[,;:\-–—]\s*$/u.test(document.slice(first.start, first.end))
}

function splitLines(document: string): Line[] {
  const lines: Line[] = []
  const breaks = /\r\n|[\n\r\u2028\u2029]/g
  let start = 0
  for (const match of document.matchAll(breaks)) {
    lines.push(line(start, match.index))
    start = match.index + match[0].length
  }
  lines.push(line(start, document.length))
  return lines

  function line(from: number, to: number): Line {
    return {start: from, end: to, blank: blank.test(document.slice(from, to))}
  }
}
