/**
 * Publishing feeds (Atom 1.0, RSS 2.0, JSON Feed 1.1) made from a build's OUT
 * or an archive: one item per work (the canonical document of each cluster,
 * and each document that is in no cluster), articles only, newest first.
 *
 * Content is the clean Markdown rendered to HTML by remark-rehype, cleaned by
 * rehype-sanitize (GitHub's schema) and serialized by rehype-stringify, so
 * text from a crawl never becomes live HTML. Atom and RSS are written with
 * xmlbuilder2 (a real XML writer: escaping, namespaces, invalid characters);
 * JSON Feed 1.1 is written here and checked against a JSON Schema written from
 * the specification. Nothing depends on the clock: the feed's `updated` is its
 * newest item's date.
 */
import {readFileSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {Ajv} from 'ajv'
import addFormats from 'ajv-formats'
import {toString} from 'mdast-util-to-string'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {create} from 'xmlbuilder2'
import type {XMLBuilder} from 'xmlbuilder2/lib/interfaces.js'
import {sourceDateEpoch} from '../plugins/support/epoch.js'
import {sha256} from '../plugins/support/metadata.js'
import {metadataFields, type Evidence, type FieldName} from '../plugins/types.js'
import {compare} from './discover.js'
import {DocprovError} from './errors.js'
import {isArchiveManifest} from './ingest.js'
import {loadManifest, type ManifestDocument} from './manifest.js'
import {packageRoot, version} from './version.js'

/** Feed formats docprov writes. */
export type FeedFormat = 'atom' | 'rss' | 'json'

/** Options of `feed`. */
export interface FeedOptions {
  /** A build's OUT or an archive folder (anything with a docprov manifest.json). */
  from: string
  format: FeedFormat
  /** Where the documents are published; item links are `BASE/<name>/` (Hugo's default permalinks). */
  baseUrl: string
  /** Title of the feed (default: `docprov: <name of the from folder>`). */
  title?: string
  /** Description (RSS requires one; default: says what the feed is). */
  description?: string
  /** URL of the feed itself (default: `BASE/atom.xml`, `BASE/rss.xml` or `BASE/feed.json`). */
  feedUrl?: string
  /** Keep only the newest N items. */
  limit?: number
  /** Also list articles with no date, after the dated ones. */
  includeUndated?: boolean
}

/** How an item's title was found. */
export type TitleOrigin = 'title' | 'description' | 'body'

/** One item, before it is written in a format. */
export interface FeedItem {
  /** `urn:docprov:<document id>`: stable across rebuilds of the same files. */
  id: string
  document: ManifestDocument
  url: string
  title: string
  /** Where the title came from: the document's own `title`, or derived from its description or first paragraph. */
  titleFrom: TitleOrigin
  summary: string | null
  authors: string[]
  /** RFC 3339 date-times; `null` when the document has no date. */
  published: string | null
  updated: string | null
  categories: Array<{term: string; scheme: string}>
  lang: string | null
  html: string
  /** RFC 6920 `ni:` URI of the raw file's SHA-256. */
  raw: string
  /** Other documents of the same work, most complete first. */
  members: ManifestDocument[]
}

/** What `feed` made. */
export interface FeedResult {
  format: FeedFormat
  /** The feed, serialized. */
  text: string
  items: FeedItem[]
  /** The feed's `updated`: the newest item date (`SOURCE_DATE_EPOCH` or the Unix epoch when no item has one). */
  updated: string
  /** Articles left out because they have no date (without `includeUndated`). */
  undated: number
}

const atomNs = 'http://www.w3.org/2005/Atom'
const xmlNs = 'http://www.w3.org/XML/1998/namespace'
const xmlnsNs = 'http://www.w3.org/2000/xmlns/'
const contentNs = 'http://purl.org/rss/1.0/modules/content/'
const dcNs = 'http://purl.org/dc/elements/1.1/'
/** Namespace of docprov's provenance elements in Atom and RSS. */
export const docprovNs = 'urn:docprov:ns:1'
const sourceScheme = 'urn:docprov:source'
const sectionScheme = 'urn:docprov:section'

/** The JSON Schema of JSON Feed 1.1 (also published as `docprov/jsonfeed-1.1.schema.json`). */
export const jsonFeedSchema: Record<string, unknown> = JSON.parse(readFileSync(path.join(packageRoot, 'pipeline', 'jsonfeed-1.1.schema.json'), 'utf8'))

const ajv = new Ajv({allErrors: true, strict: false})
addFormats.default(ajv)
const jsonFeedValidator = ajv.compile(jsonFeedSchema)

/** Check a value against the JSON Feed 1.1 schema; returns every problem as `path: message`. */
export function validateJsonFeed(value: unknown): string[] {
  if (jsonFeedValidator(value)) return []
  return (jsonFeedValidator.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message ?? 'is invalid'}`)
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml'])
const renderer = parser().use(remarkRehype).use(rehypeSanitize).use(rehypeStringify)

/** Render clean Markdown (its frontmatter is dropped) to sanitized HTML. */
export function renderHtml(markdown: string): string {
  return String(renderer.processSync(markdown)).trim()
}

/** Make a feed from a build's OUT or an archive. */
export async function feed(options: FeedOptions): Promise<FeedResult> {
  const baseUrl = checkUrl(options.baseUrl, '--base-url')
  const feedUrl = options.feedUrl === undefined ? new URL(defaultFeedName[options.format], baseUrl).href : checkUrl(options.feedUrl, '--feed-url').href
  if (options.limit !== undefined && (!Number.isSafeInteger(options.limit) || options.limit < 1)) {
    throw new DocprovError(`Invalid limit ${options.limit}: expected a whole number of items, at least 1`, {code: 'usage'})
  }
  const state = await loadManifest(options.from)
  if ('problem' in state) {
    const hint =
      state.problem.code === 'manifest-missing'
        ? `make it with \`docprov build … --out ${options.from}\` or \`docprov ingest … --archive ${options.from}\``
        : `run \`docprov verify ${options.from}\``
    throw new DocprovError(`${state.problem.message}: ${hint}`, {code: 'io', path: path.join(options.from, 'manifest.json')})
  }
  const manifest = state.manifest
  const verifyCommand = isArchiveManifest(manifest) ? `docprov verify --archive ${options.from}` : `docprov verify ${options.from}`

  const byId = new Map(manifest.documents.map((document) => [document.id, document]))
  const clusters = new Map(manifest.clusters.map((cluster) => [cluster.id, cluster]))
  const works = manifest.documents.filter((document) => document.cluster === null || clusters.get(document.cluster)?.canonical === document.id)
  const articles = works.filter((document) => document.metadata.kind === 'article')
  const dated = articles.filter((document) => document.metadata.date !== null)
  const undated = articles.filter((document) => document.metadata.date === null)
  const chosen = [...dated.sort(newestFirst), ...(options.includeUndated ? undated.sort((a, b) => compare(a.id, b.id)) : [])].slice(
    0,
    options.limit ?? Infinity
  )

  const items: FeedItem[] = []
  for (const document of chosen) {
    const file = path.join(options.from, document.output.path)
    const markdown = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      throw new DocprovError(`Cannot read \`${file}\` (${error.code ?? error.message}), listed in the manifest: run \`${verifyCommand}\``, {
        code: 'io',
        path: file,
        cause: error
      })
    })
    if (sha256(markdown) !== document.output.sha256) {
      throw new DocprovError(`\`${file}\` changed since it was built (its sha256 is not the manifest's): rebuild it, or run \`${verifyCommand}\``, {
        code: 'io',
        path: file
      })
    }
    const cluster = document.cluster === null ? undefined : clusters.get(document.cluster)
    const members = (cluster?.members ?? []).filter((id) => id !== document.id).flatMap((id) => byId.get(id) ?? [])
    items.push(itemOf(document, new TextDecoder().decode(markdown), baseUrl, members))
  }

  const datedItems = items.filter((item) => item.updated !== null)
  const updated =
    datedItems.length > 0 ? datedItems.map((item) => item.updated!).reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b)) : rfc3339((sourceDateEpoch() ?? new Date(0)).toISOString())
  const title = options.title ?? `docprov: ${path.basename(path.resolve(options.from))}`
  const description = options.description ?? `Clean articles with source provenance, made by docprov ${version}`
  const head = {title, description, baseUrl: baseUrl.href, feedUrl, updated}
  const text = options.format === 'json' ? jsonFeed(head, items) : options.format === 'rss' ? rssFeed(head, items) : atomFeed(head, items)
  return {format: options.format, text, items, updated, undated: options.includeUndated ? 0 : undated.length}
}

const defaultFeedName: Record<FeedFormat, string> = {atom: 'atom.xml', rss: 'rss.xml', json: 'feed.json'}

function checkUrl(value: string, flag: string): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new DocprovError(`Invalid ${flag} \`${value}\`: expected an absolute URL such as https://example.org/`, {code: 'usage'})
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DocprovError(`Invalid ${flag} \`${value}\`: expected an http or https URL`, {code: 'usage'})
  }
  if (!url.pathname.endsWith('/') && flag === '--base-url') url.pathname += '/'
  return url
}

/** Dated documents, newest first (by date, then updated), ties by id. */
function newestFirst(a: ManifestDocument, b: ManifestDocument): number {
  const time = (value: string | null) => (value === null ? -Infinity : Date.parse(rfc3339(value)))
  return time(b.metadata.date) - time(a.metadata.date) || time(b.metadata.updated) - time(a.metadata.updated) || compare(a.id, b.id)
}

/**
 * An ISO date or date-time from the manifest as an RFC 3339 date-time. A day
 * is read as midnight UTC, and a time without a zone as UTC.
 */
export function rfc3339(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(value)
  if (!match) throw new Error(`Not an ISO date: ${value}`)
  return `${match[1]}T${match[2] ?? '00:00'}${match[3] ?? ':00'}${match[4] ?? 'Z'}`
}

/** `urn:docprov:<id>` */
export function itemId(documentId: string): string {
  return `urn:docprov:${documentId}`
}

/** RFC 6920 named-information URI of a SHA-256 digest given in hex. */
export function niUri(hex: string): string {
  return `ni:///sha-256;${Buffer.from(hex, 'hex').toString('base64url')}`
}

function itemOf(document: ManifestDocument, markdown: string, baseUrl: URL, members: ManifestDocument[]): FeedItem {
  const {metadata} = document
  const name = path.posix.basename(document.output.path).replace(/\.md$/, '')
  const html = renderHtml(markdown)
  const title = titleOf(document, markdown)
  const categories = [
    ...(metadata.source ? [{term: metadata.source, scheme: sourceScheme}] : []),
    ...(metadata.section ? [{term: metadata.section, scheme: sectionScheme}] : [])
  ]
  const published = metadata.date === null ? null : rfc3339(metadata.date)
  return {
    id: itemId(document.id),
    document,
    url: new URL(encodeURIComponent(name) + '/', baseUrl).href,
    title: title.text,
    titleFrom: title.from,
    summary: metadata.description,
    authors: metadata.author,
    published,
    updated: metadata.updated === null ? published : rfc3339(metadata.updated),
    categories,
    lang: metadata.lang,
    html,
    raw: niUri(document.source.sha256),
    members
  }
}

const longestTitle = 120

/**
 * The document's title, or one derived from its description (else its first
 * paragraph): the first sentence, cut at a word before 120 characters with an
 * ellipsis when longer. The item says which.
 */
export function titleOf(document: ManifestDocument, markdown: string): {text: string; from: TitleOrigin} {
  if (document.metadata.title) return {text: document.metadata.title, from: 'title'}
  if (document.metadata.description) return {text: firstSentence(document.metadata.description, document.metadata.lang), from: 'description'}
  const paragraph = parser.parse(markdown).children.find((node) => node.type === 'paragraph')
  const text = paragraph ? toString(paragraph).replace(/\s+/g, ' ').trim() : ''
  return {text: text ? firstSentence(text, document.metadata.lang) : document.id, from: 'body'}
}

function firstSentence(text: string, lang: string | null): string {
  let segmenter: Intl.Segmenter
  try {
    segmenter = new Intl.Segmenter(lang ?? 'en', {granularity: 'sentence'})
  } catch {
    segmenter = new Intl.Segmenter('en', {granularity: 'sentence'})
  }
  // Only the first segment: V8 takes time in the length of the text for each further one.
  const first = (segmenter.segment(text)[Symbol.iterator]().next().value as Intl.SegmentData | undefined)?.segment.trim() || text.trim()
  if ([...first].length <= longestTitle) return first
  const head = [...first].slice(0, longestTitle - 1).join('')
  const cut = head.search(/\s\S*$/)
  return (cut > longestTitle / 2 ? head.slice(0, cut) : head).replace(/[\s,;:–—-]+$/, '') + '…'
}

interface Head {
  title: string
  description: string
  baseUrl: string
  feedUrl: string
  updated: string
}

/** The evidence of an item's document, field by field in frontmatter order. */
function evidenceList(document: ManifestDocument): Array<{field: FieldName; evidence: Evidence}> {
  return metadataFields.flatMap((field) => (document.evidence[field] ?? []).map((evidence) => ({field, evidence})))
}

/** docprov's provenance element, the same in Atom and RSS. */
function provenanceElement(parent: XMLBuilder, item: FeedItem): void {
  const {document} = item
  const element = parent.ele(docprovNs, 'dp:provenance', {
    document: document.id,
    ...(document.cluster ? {cluster: document.cluster} : {}),
    path: document.source.path,
    sha256: document.source.sha256,
    raw: item.raw,
    output: document.output.path,
    title: item.titleFrom,
    ...(item.published ? {} : {undated: 'true'})
  })
  for (const {field, evidence} of evidenceList(document)) {
    element
      .ele(docprovNs, 'dp:evidence', {
        field,
        rule: evidence.rule,
        path: evidence.path,
        line: String(evidence.line),
        column: String(evidence.column),
        start: String(evidence.start),
        end: String(evidence.end),
        ...(evidence.via ? {via: evidence.via} : {})
      })
      .txt(evidence.text)
  }
  for (const member of item.members) {
    element.ele(docprovNs, 'dp:member', {document: member.id, path: member.source.path, sha256: member.source.sha256, raw: niUri(member.source.sha256)})
  }
}

function xmlDocument(): XMLBuilder {
  // Characters XML 1.0 cannot carry (C0 controls, lone surrogates) become U+FFFD.
  return create({version: '1.0', encoding: 'utf-8', invalidCharReplacement: '\uFFFD'})
}

function atomFeed(head: Head, items: FeedItem[]): string {
  const root = xmlDocument().ele(atomNs, 'feed').att(xmlnsNs, 'xmlns:dp', docprovNs)
  root.ele(atomNs, 'id').txt(head.feedUrl)
  root.ele(atomNs, 'title').txt(head.title)
  root.ele(atomNs, 'subtitle').txt(head.description)
  root.ele(atomNs, 'updated').txt(head.updated)
  root.ele(atomNs, 'link', {rel: 'self', type: 'application/atom+xml', href: head.feedUrl})
  root.ele(atomNs, 'link', {rel: 'alternate', type: 'text/html', href: head.baseUrl})
  root.ele(atomNs, 'generator', {version}).txt('docprov')
  // Atom wants an author for every entry: an entry with no byline and no source is the feed's.
  if (items.some((item) => item.authors.length === 0 && !item.document.metadata.source)) root.ele(atomNs, 'author').ele(atomNs, 'name').txt(head.title)
  for (const item of items) {
    const entry = root.ele(atomNs, 'entry')
    if (item.lang) entry.att(xmlNs, 'xml:lang', item.lang)
    entry.ele(atomNs, 'id').txt(item.id)
    entry.ele(atomNs, 'title', {type: 'text'}).txt(item.title)
    entry.ele(atomNs, 'link', {rel: 'alternate', type: 'text/html', href: item.url})
    entry.ele(atomNs, 'link', {rel: 'via', type: 'text/plain', href: item.raw, title: item.document.source.path})
    if (item.published) entry.ele(atomNs, 'published').txt(item.published)
    entry.ele(atomNs, 'updated').txt(item.updated ?? head.updated)
    for (const author of item.authors) entry.ele(atomNs, 'author').ele(atomNs, 'name').txt(author)
    for (const category of item.categories) entry.ele(atomNs, 'category', {term: category.term, scheme: category.scheme, label: category.term})
    if (item.summary) entry.ele(atomNs, 'summary', {type: 'text'}).txt(item.summary)
    entry.ele(atomNs, 'content', {type: 'html'}).txt(item.html)
    // atom:source: the feed-level facts of where the entry came from: the raw file and its outlet.
    const source = entry.ele(atomNs, 'source')
    source.ele(atomNs, 'id').txt(item.raw)
    source.ele(atomNs, 'title').txt(item.document.metadata.source ?? item.document.source.path)
    source.ele(atomNs, 'updated').txt(item.updated ?? head.updated)
    if (item.document.metadata.source) source.ele(atomNs, 'author').ele(atomNs, 'name').txt(item.document.metadata.source)
    provenanceElement(entry, item)
  }
  return root.end({prettyPrint: true}) + '\n'
}

/** RFC 822 date (RSS 2.0): `Mon, 08 Nov 2021 00:00:00 GMT`. */
function rfc822(value: string): string {
  return new Date(Date.parse(value)).toUTCString()
}

function rssFeed(head: Head, items: FeedItem[]): string {
  const rss = xmlDocument()
    .ele('rss', {version: '2.0'})
    .att(xmlnsNs, 'xmlns:atom', atomNs)
    .att(xmlnsNs, 'xmlns:content', contentNs)
    .att(xmlnsNs, 'xmlns:dc', dcNs)
    .att(xmlnsNs, 'xmlns:dp', docprovNs)
  const channel = rss.ele('channel')
  channel.ele('title').txt(head.title)
  channel.ele('link').txt(head.baseUrl)
  channel.ele('description').txt(head.description)
  const language = sharedLanguage(items)
  if (language) channel.ele('language').txt(language)
  channel.ele('lastBuildDate').txt(rfc822(head.updated))
  channel.ele('generator').txt(`docprov ${version}`)
  channel.ele('docs').txt('https://www.rssboard.org/rss-specification')
  channel.ele(atomNs, 'atom:link', {href: head.feedUrl, rel: 'self', type: 'application/rss+xml'})
  for (const item of items) {
    const element = channel.ele('item')
    element.ele('title').txt(item.title)
    element.ele('link').txt(item.url)
    element.ele('guid', {isPermaLink: 'false'}).txt(item.id)
    if (item.published) element.ele('pubDate').txt(rfc822(item.published))
    // RSS's <author> must be an e-mail address; names go in dc:creator.
    for (const author of item.authors) element.ele(dcNs, 'dc:creator').txt(author)
    for (const category of item.categories) element.ele('category', {domain: category.scheme}).txt(category.term)
    if (item.lang) element.ele(dcNs, 'dc:language').txt(item.lang)
    if (item.summary) element.ele('description').txt(item.summary)
    element.ele(contentNs, 'content:encoded').txt(item.html)
    element.ele(atomNs, 'atom:link', {rel: 'via', type: 'text/plain', href: item.raw, title: item.document.source.path})
    provenanceElement(element, item)
  }
  return rss.end({prettyPrint: true}) + '\n'
}

function sharedLanguage(items: FeedItem[]): string | null {
  const languages = new Set(items.map((item) => item.lang))
  const [only] = languages
  return languages.size === 1 && only ? only : null
}

function jsonFeed(head: Head, items: FeedItem[]): string {
  const language = sharedLanguage(items)
  const value = {
    version: 'https://jsonfeed.org/version/1.1',
    title: head.title,
    home_page_url: head.baseUrl,
    feed_url: head.feedUrl,
    description: head.description,
    ...(language ? {language} : {}),
    _docprov: {version, updated: head.updated},
    items: items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      content_html: item.html,
      ...(item.summary ? {summary: item.summary} : {}),
      ...(item.published ? {date_published: item.published} : {}),
      ...(item.updated && item.updated !== item.published ? {date_modified: item.updated} : {}),
      ...(item.authors.length > 0 ? {authors: item.authors.map((name) => ({name}))} : {}),
      ...(item.categories.length > 0 ? {tags: item.categories.map((category) => category.term)} : {}),
      ...(item.lang ? {language: item.lang} : {}),
      _docprov: {
        document: item.document.id,
        cluster: item.document.cluster,
        title: item.titleFrom,
        source: item.document.metadata.source,
        section: item.document.metadata.section,
        raw: {path: item.document.source.path, sha256: item.document.source.sha256, uri: item.raw, bytes: item.document.source.bytes},
        output: item.document.output,
        evidence: item.document.evidence,
        members: item.members.map((member) => ({document: member.id, path: member.source.path, sha256: member.source.sha256, uri: niUri(member.source.sha256)}))
      }
    }))
  }
  const problems = validateJsonFeed(value)
  if (problems.length > 0) throw new Error(`docprov made a JSON feed that is not valid JSON Feed 1.1 (a bug, please report it):\n${problems.join('\n')}`)
  return JSON.stringify(value, null, 2) + '\n'
}
