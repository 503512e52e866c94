/** Plugin: normalize the text of every text node, keeping where each unit came from. */
import type {Root, Text} from 'mdast'
import type {VFile} from 'vfile'
import {visit} from 'unist-util-visit'
import {cite} from './support/evidence.js'
import {codePageNamed, normalizeText as normalize, windows1252, type Normalized} from './support/normalize.js'
import type {Repair} from './types.js'

/**
 * Normalize text nodes: CRLF and CR to LF, runs of whitespace (NBSP included) to
 * one space, no whitespace at line ends, zero-width characters, soft hyphens and
 * control characters removed, Unicode NFC. The author's words are not otherwise
 * touched, except that mojibake (`â€™` for `’`) is repaired and recorded in
 * `file.data.repairs` with a `mojibake-repaired` warning. Each node keeps `data.starts`/`data.ends`, the raw span of each unit.
 */
export default function normalizeText() {
  return function (tree: Root, file: VFile): undefined {
    const document = String(file.value)
    const repairs: Repair[] = []
    const page = codePageNamed(file.data.decoded?.mojibake ?? '') ?? windows1252
    visit(tree, 'text', function (node: Text, index, parent) {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      let result: Normalized & {repairs: Array<{start: number; end: number; value: string}>}
      if (start !== undefined && end !== undefined && document.slice(start, end) === node.value) {
        result = normalize(node.value, start, page)
      } else {
        // Markdown escapes and references make the value differ from the raw
        // slice: cite the whole node for every unit.
        result = normalize(node.value, 0, page)
        result.starts.fill(start ?? 0)
        result.ends.fill(end ?? 0)
      }
      // Inside Markdown inline content a space at the edge separates words.
      const siblings = parent?.children.length ?? 1
      if (index && index > 0 && /^\s/.test(node.value)) result = pad(result, 'start', start ?? 0)
      if (index !== undefined && index < siblings - 1 && /\s$/.test(node.value)) result = pad(result, 'end', end ?? 0)
      node.value = result.value
      node.data = {...node.data, starts: result.starts, ends: result.ends}
      for (const repair of result.repairs) {
        const {line, column, start, end, text} = cite(file, 'mojibake', repair)
        repairs.push({rule: 'mojibake', line, column, start, end, text, value: repair.value})
      }
    })
    file.data.repairs = repairs
    if (repairs.length > 0) {
      file.message(
        `Unexpected mojibake (UTF-8 read as ${page.name}) in ${repairs.length} ${repairs.length === 1 ? 'place' : 'places'}, such as \`${shown(repairs[0].text)}\`; repaired it to \`${repairs[0].value}\``,
        {place: {line: repairs[0].line, column: repairs[0].column}, ruleId: 'mojibake-repaired', source: 'docprov'}
      )
    }
    return undefined
  }
}

function pad<T extends Normalized>(result: T, side: 'start' | 'end', offset: number): T {
  const value = side === 'start' ? ' ' + result.value : result.value + ' '
  const starts = new Uint32Array(value.length)
  const ends = new Uint32Array(value.length)
  const shift = side === 'start' ? 1 : 0
  starts.set(result.starts, shift)
  ends.set(result.ends, shift)
  const at = side === 'start' ? 0 : value.length - 1
  starts[at] = side === 'start' ? offset : result.ends[result.ends.length - 1] ?? offset
  ends[at] = side === 'start' ? result.starts[0] ?? offset : offset
  return {...result, value, starts, ends}
}

/** Text for a message, its C1 controls (bytes of mojibake read as Latin-1) written as escapes (`\u0099`). */
function shown(text: string): string {
  return text.replace(/[\u0080-\u009f]/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
