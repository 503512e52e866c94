/** Text normalization that remembers, for each output unit, where it came from. */

/** Normalized text and, per UTF-16 unit, the span of the input it came from. */
export interface Normalized {
  value: string
  starts: Uint32Array
  ends: Uint32Array
}

// Characters removed outright: zero-width space, word joiner, BOM inside text,
// soft hyphen, Mongolian vowel separator, C0 controls (but tab, LF, CR) and C1 controls.
// ZWNJ and ZWJ are kept: they change how Persian, Indic scripts and emoji render.
// eslint-disable-next-line no-control-regex
const dropped = /[\u200b\u2060\ufeff\u00ad\u180e\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/
// Whitespace folded to one ASCII space: tab, form feed, vertical tab, NBSP and the
// Unicode space separators.
const spaces = /[\t\f\v \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/
const newlines = /[\n\r\u2028\u2029\u0085]/

/**
 * Normalize text: line endings to LF, runs of whitespace to one space, no
 * leading or trailing whitespace on a line or at the ends, invisible and control
 * characters removed, Unicode NFC. `base` is the offset of `input` in the file.
 */
export function normalizeText(input: string, base = 0): Normalized {
  const chars: string[] = []
  const starts: number[] = []
  const ends: number[] = []
  // What is pending: a space or newline is only written when text follows it.
  let pending: '' | ' ' | '\n' = ''
  let pendingStart = 0
  let pendingEnd = 0

  for (let index = 0; index < input.length; index++) {
    const char = input[index]
    const isNewline = newlines.test(char)
    if (isNewline || spaces.test(char)) {
      // A run of whitespace becomes one space, or one newline when it holds a line break.
      if (!pending) {
        pending = ' '
        pendingStart = base + index
      }
      if (isNewline) pending = '\n'
      pendingEnd = base + index + 1
      continue
    }
    if (dropped.test(char)) continue
    if (pending && chars.length > 0) {
      chars.push(pending)
      starts.push(pendingStart)
      ends.push(pendingEnd)
    }
    pending = ''
    chars.push(char)
    starts.push(base + index)
    ends.push(base + index + 1)
  }

  return composeNfc(chars.join(''), starts, ends)
}

/** Apply NFC; a composed cluster maps to the span of everything it came from. */
function composeNfc(value: string, starts: number[], ends: number[]): Normalized {
  const composed = value.normalize('NFC')
  if (composed === value) {
    return {value, starts: Uint32Array.from(starts), ends: Uint32Array.from(ends)}
  }
  const outStarts: number[] = []
  const outEnds: number[] = []
  const out: string[] = []
  // Clusters start at each character that is not a combining mark.
  const clusters = value.match(/[^\p{M}][\p{M}]*|[\p{M}]+/gsu) ?? []
  let offset = 0
  for (const cluster of clusters) {
    const nfc = cluster.normalize('NFC')
    const start = starts[offset]
    const end = ends[offset + cluster.length - 1]
    for (let index = 0; index < nfc.length; index++) {
      out.push(nfc[index])
      outStarts.push(nfc === cluster ? starts[offset + index] : start)
      outEnds.push(nfc === cluster ? ends[offset + index] : end)
    }
    offset += cluster.length
  }
  return {value: out.join(''), starts: Uint32Array.from(outStarts), ends: Uint32Array.from(outEnds)}
}
