/** Test helpers: check evidence against raw bytes, read Markdown back. */
import type {Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {parse} from 'yaml'
import {decodeAs, type Encoding} from '../plugins/support/decode.js'

/** A span that claims to come from raw bytes. */
export interface Cited {
  start: number
  end: number
  text: string
}

/** The problems of spans whose bytes do not decode to their text (empty when all check). */
export function badSpans(raw: Uint8Array, encoding: Encoding, spans: Cited[]): string[] {
  return spans
    .filter((span) => decodeAs(raw.subarray(span.start, span.end), encoding, false) !== span.text)
    .map((span) => `${span.start}-${span.end}: ${JSON.stringify(span.text)}`)
}

/** Parse Markdown (with frontmatter) into its frontmatter object and the text of each block. */
export function readMarkdown(markdown: string): {frontmatter: Record<string, unknown>; blocks: Array<{type: string; text: string}>} {
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(markdown) as Root
  const yaml = tree.children.find((node) => node.type === 'yaml')
  const frontmatter = yaml && 'value' in yaml ? (parse(yaml.value as string) as Record<string, unknown>) : {}
  const blocks = tree.children
    .filter((node: RootContent) => node.type !== 'yaml')
    .map((node) => ({type: node.type === 'heading' ? `h${(node as {depth: number}).depth}` : node.type, text: toString(node)}))
  return {frontmatter, blocks}
}

/** Metadata without empty values, as frontmatter holds it. */
export function withoutEmpty(metadata: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(metadata).filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0))
  )
}

/**
 * Whether an outside tool that a test needs is here. Missing in CI (`CI=true`)
 * is an error that says how to install it; elsewhere the test is skipped with a
 * note on stderr.
 */
export function haveTool(name: string, check: () => boolean, install: string): boolean {
  let present = false
  try {
    present = check()
  } catch {
    present = false
  }
  if (present) return true
  if (process.env.CI === 'true') throw new Error(`Missing ${name}, which this test needs in CI: install it with \`${install}\` (see .ci/run)`)
  process.stderr.write(`\n*** SKIPPING tests that need ${name}: install it with \`${install}\` ***\n\n`)
  return false
}
