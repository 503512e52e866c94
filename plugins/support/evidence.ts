/** Helpers to cite raw bytes: evidence, removals and text spans of mdast nodes. */
import type {Nodes, Paragraph, Parent, Root, RootContent, Text} from 'mdast'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {createByteOffset} from './decode.js'
import type {Evidence, Field, FieldName, Metadata, Removal} from '../types.js'

interface Citer {
  byteOffset: (offset: number) => number
  toPoint: (offset: number) => {line: number; column: number}
}

const citers = new WeakMap<VFile, Citer>()

function citer(file: VFile): Citer {
  let found = citers.get(file)
  if (!found) {
    const text = String(file.value)
    const decoded = file.data.decoded
    const place = location(file)
    found = {
      byteOffset: decoded
        ? createByteOffset(text, decoded.encoding, decoded.bomBytes, decoded.raw)
        : createByteOffset(text, 'utf-8', 0),
      toPoint(offset) {
        const point = place.toPoint(offset)
        return point ? {line: point.line, column: point.column} : {line: 1, column: 1}
      }
    }
    citers.set(file, found)
  }
  return found
}

/** Offsets (into the decoded text, `start` inclusive, `end` exclusive). */
export interface Span {
  start: number
  end: number
}

/** Cite the decoded text `span` of `file` under `rule`. */
export function cite(file: VFile, rule: string, span: Span): Evidence {
  const {byteOffset, toPoint} = citer(file)
  const {line, column} = toPoint(span.start)
  return {
    rule,
    path: file.path,
    line,
    column,
    start: byteOffset(span.start),
    end: byteOffset(span.end),
    text: String(file.value).slice(span.start, span.end)
  }
}

/** A field with its evidence. */
export function field<T>(value: T, evidence: Evidence[] = []): Field<T> {
  return {value, evidence}
}

/** Set a metadata field unless an earlier source (such as input frontmatter) set a value. */
export function setField<K extends FieldName>(file: VFile, name: K, value: Field<Metadata[K]>): void {
  const meta = (file.data.meta ??= {})
  const current = meta[name] as Field<Metadata[K]> | undefined
  if (current && hasValue(current.value)) return
  ;(meta as Record<string, Field<unknown>>)[name] = value
}

/** Whether a metadata field was already given a value. */
export function hasField(file: VFile, name: FieldName): boolean {
  const current = file.data.meta?.[name]
  return Boolean(current && hasValue(current.value))
}

function hasValue(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined
}

/** The span of a node in the decoded text. */
export function nodeSpan(node: Nodes): Span {
  return {start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0}
}

/** The span of `value.slice(from, to)` of a text node in the decoded text. */
export function textSpan(node: Text, from: number, to: number): Span {
  const {starts, ends} = node.data ?? {}
  if (starts && ends && to > from) return {start: starts[from], end: ends[to - 1]}
  const base = node.position?.start.offset ?? 0
  if (starts && ends) return {start: starts[from] ?? base, end: starts[from] ?? base}
  return {start: base + from, end: base + to}
}

/** The only text child of a paragraph, if it is a paragraph of plain text. */
export function plainText(node: RootContent | undefined): Text | undefined {
  if (!node || node.type !== 'paragraph') return undefined
  const [child] = (node as Paragraph).children
  return (node as Paragraph).children.length === 1 && child.type === 'text' ? child : undefined
}

/** Record that the raw `span` was removed from the body, and why. */
export function recordRemoval(file: VFile, reason: string, span: Span): Removal {
  const {rule: _rule, path: _path, ...rest} = cite(file, reason, span)
  const removal: Removal = {reason, ...rest}
  ;(file.data.removed ??= []).push(removal)
  return removal
}

/** Remove `parent.children[index]` from the tree, recording its span and reason. */
export function removeChild(file: VFile, parent: Parent | Root, index: number, reason: string): void {
  const [node] = parent.children.splice(index, 1)
  recordRemoval(file, reason, nodeSpan(node as Nodes))
}

/** Cut the first `length` units off a text node (and its paragraph), recording the removal. */
export function removePrefix(file: VFile, paragraph: Paragraph, node: Text, length: number, reason: string): void {
  const span = textSpan(node, 0, length)
  // The whitespace between the prefix and the kept text goes too.
  while (length < node.value.length && /\s/u.test(node.value[length])) length++
  // The removal reaches to where the kept text starts, so it includes the spaces in between.
  const keptStart = length < node.value.length ? textSpan(node, length, length + 1).start : span.end
  recordRemoval(file, reason, {start: span.start, end: keptStart})
  node.value = node.value.slice(length)
  if (node.data?.starts && node.data.ends) {
    node.data.starts = node.data.starts.subarray(length)
    node.data.ends = node.data.ends.subarray(length)
  }
  if (node.position && paragraph.position && node.value) {
    const {line, column} = citer(file).toPoint(keptStart)
    node.position.start = {line, column, offset: keptStart}
    paragraph.position.start = {...node.position.start}
  }
}

/** The place (line and column) of a piece of evidence, for `file.message`. */
export function placeOf(evidence: Evidence): {line: number; column: number} {
  return {line: evidence.line, column: evidence.column}
}
