/** The unified processor that turns one raw file into clean Markdown. */
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified, type PluggableList} from 'unified'
import attachFrontmatter from '../plugins/attach-frontmatter.js'
import checkReferences from '../plugins/check-references.js'
import classifyKind from '../plugins/classify-kind.js'
import decodeText from '../plugins/decode-text.js'
import detectLanguage from '../plugins/detect-language.js'
import extractByline from '../plugins/extract-byline.js'
import extractDate from '../plugins/extract-date.js'
import extractDisclaimer from '../plugins/extract-disclaimer.js'
import extractHeadings from '../plugins/extract-headings.js'
import extractNameLine from '../plugins/extract-name-line.js'
import extractSeries from '../plugins/extract-series.js'
import extractSource from '../plugins/extract-source.js'
import extractTitle from '../plugins/extract-title.js'
import fingerprintBody from '../plugins/fingerprint-body.js'
import normalizeText from '../plugins/normalize-text.js'
import parseText from '../plugins/parse-text.js'
import readFrontmatter from '../plugins/read-frontmatter.js'
import stripBoilerplate from '../plugins/strip-boilerplate.js'
import {profileRules} from './profiles.js'
import {generator} from './version.js'
import type {Profile} from '../plugins/types.js'

/** Input formats: plain text (`.txt`) or Markdown (`.md`). */
export type Format = 'text' | 'markdown'

/** Options of `createProcessor`. */
export interface ProcessorOptions {
  /** How to parse the input (default: `text`). */
  format?: Format
  /** Dates after this day are rejected (default: `SOURCE_DATE_EPOCH`, else now). */
  referenceDate?: Date
  /** Source profiles (see `loadProfiles`); default: none. */
  profiles?: Profile[]
  /** Most lines with text per file (default: `defaultMaxLines`, see `decodeText`). */
  maxLines?: number
}

/**
 * Create the processor: decode, parse (plain text, or Markdown with its
 * frontmatter), normalize, extract metadata with evidence, strip what is not the
 * article, attach frontmatter, stringify with remark-stringify.
 */
export function createProcessor(options: ProcessorOptions = {}) {
  const format = options.format ?? 'text'
  if (format !== 'text' && format !== 'markdown') {
    throw new TypeError('Invalid `format` in `options`, expected `text` or `markdown`')
  }
  // `decodeText` wraps the parser set before it, so it comes right after it.
  const parsing: PluggableList =
    format === 'markdown'
      ? [remarkParse, [remarkFrontmatter, ['yaml']], [decodeText, {maxLines: options.maxLines}], readFrontmatter]
      : [parseText, [decodeText, {maxLines: options.maxLines}]]

  return unified()
    .use(parsing)
    .use(normalizeText)
    .use(detectLanguage)
    .use(classifyKind)
    .use(extractDate, {referenceDate: options.referenceDate})
    .use(extractDisclaimer)
    .use(extractSource, {profiles: options.profiles ?? []})
    .use(extractByline)
    .use(stripBoilerplate, {rules: profileRules(options.profiles ?? [])})
    .use(extractTitle)
    .use(extractNameLine)
    .use(extractSeries)
    .use(extractHeadings)
    .use(checkReferences)
    .use(fingerprintBody)
    .use(attachFrontmatter, {generator})
    .use(remarkStringify, {bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-'})
    .use(remarkFrontmatter, ['yaml'])
}

/** Names of the plugins of both processors (text and Markdown), kebab-case, in order of first use. */
export function pluginNames(): string[] {
  const names = new Set<string>()
  for (const format of ['text', 'markdown'] as const) {
    for (const [attacher] of createProcessor({format}).attachers) {
      names.add(attacher.name.replace(/[A-Z]/g, (letter) => '-' + letter.toLowerCase()))
    }
  }
  return [...names]
}
