#!/usr/bin/env node
/** The docprov command line: a thin layer over the library. */
import {realpathSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import path from 'node:path'
import type {FileReport} from './build.js'
import {DocprovError} from './errors.js'
import type {FeedFormat} from './feed.js'
import {buildTo} from './incremental.js'
import {defaultJobs, limitHeapGrowth, poolThreshold} from './pool.js'
import type {Verification} from './verify.js'
import {defaultMaxBytes, defaultMaxLines} from './read.js'
import {version} from './version.js'
import {writeAtomic} from './write.js'

interface Flag {
  type: 'string' | 'boolean'
  short?: string
  value?: string
  description: string
}

/** The flags of `docprov build`: this table drives both parsing and `--help`. */
const buildFlags: Record<string, Flag> = {
  out: {type: 'string', short: 'o', value: 'DIR', description: 'folder to write the Markdown files and manifest.json into (required)'},
  check: {type: 'boolean', description: 'write nothing; exit 1 when OUT would change'},
  json: {type: 'boolean', description: 'print a machine-readable summary on stdout'},
  quiet: {type: 'boolean', short: 'q', description: 'print only rejections and errors'},
  profiles: {type: 'string', value: 'DIR', description: 'also read source profiles (*.yaml) from DIR'},
  'max-bytes': {type: 'string', value: 'N', description: `reject files larger than N bytes (suffixes K, M, G; default ${defaultMaxBytes / 1024 / 1024}M)`},
  'max-lines': {type: 'string', value: 'N', description: `reject files with more than N lines of text (default ${defaultMaxLines})`},
  jobs: {type: 'string', short: 'j', value: 'N', description: `threads that process files, the main one included (default: one per core, ${defaultJobs()} here, from ${poolThreshold} files on)`},
  'cache-dir': {type: 'string', value: 'DIR', description: 'keep per-file results in DIR (default: $XDG_CACHE_HOME/docprov or ~/.cache/docprov)'},
  'no-cache': {type: 'boolean', description: 'neither read nor write the cache: process every file'},
  shard: {type: 'string', value: 'K/N', description: 'process only shard K of N of the inputs, into DIR/manifest.partial.jsonl (join the N parts with `docprov merge`)'},
  help: {type: 'boolean', short: 'h', description: 'show this help'}
}

const mainHelp = `docprov ${version}: raw article files to clean Markdown with provenance

Usage: docprov <command> [options]

Commands:
  build [paths…] --out DIR   build .txt and .md files into Markdown and a manifest
  ingest [paths…] --archive DIR
                             add files, folders, .tar/.tar.gz/.zip to a versioned archive
  verify OUT | --archive DIR re-hash and re-check a build's OUT or an archive
  prov OUT                   write OUT/prov.json, the build's W3C PROV-JSON record
  merge PARTS… --out DIR     join the parts of a sharded build (build --shard K/N)
  feed --from DIR --base-url URL [--format atom|rss|json]
                             an Atom, RSS or JSON feed of a build's or archive's articles
  eval DIR                   per-field precision and recall on labelled cases

Options:
  -h, --help      show help (also: docprov build --help)
  -v, --version   show the version

Exit codes: 0 all went well, 1 a file was rejected or --check found a change,
2 usage error.
`

function flagHelp(flags: Record<string, Flag>): string {
  const rows = Object.entries(flags).map(([name, flag]) => {
    const left = `${flag.short ? `-${flag.short}, ` : '    '}--${name}${flag.value ? ` ${flag.value}` : ''}`
    return `  ${left.padEnd(22)} ${flag.description}`
  })
  return rows.join('\n')
}

const buildHelp = `Usage: docprov build [paths…] --out DIR [options]

Read each file (.txt as plain text, .md as Markdown with frontmatter) under the
given files and folders (recursively; hidden files skipped), and write one clean
Markdown file per document plus manifest.json into DIR. Every metadata value and
every removed span cites the raw bytes it came from.

Options:
${flagHelp(buildFlags)}

Examples:
  docprov build seeds --out output
  docprov build corpus --shard 2/4 --out parts/2    (then: docprov merge parts/* --out output)
`

/** The flags of `docprov merge`. */
const mergeFlags: Record<string, Flag> = {
  out: {type: 'string', short: 'o', value: 'DIR', description: 'folder to write the Markdown files and manifest.json into (required)'},
  check: {type: 'boolean', description: 'write nothing; exit 1 when OUT would change'},
  json: {type: 'boolean', description: 'print a machine-readable summary on stdout'},
  quiet: {type: 'boolean', short: 'q', description: 'print only rejections and errors'},
  help: {type: 'boolean', short: 'h', description: 'show this help'}
}

const mergeHelp = `Usage: docprov merge PARTS… --out DIR [options]

Join the parts of a sharded build (each made by \`docprov build … --shard K/N
--out PART\`; name each PART folder or its manifest.partial.jsonl) into DIR:
lineage is worked out across all shards, and DIR is byte-identical to a
single \`docprov build\` of the same inputs. Every shard 1…N must be named once,
and all must have been built with the same inputs, options and docprov version.

Options:
${flagHelp(mergeFlags)}

Example:
  docprov merge parts/1 parts/2 parts/3 parts/4 --out output
`

/** The flags of `docprov eval`. */
const evalFlags: Record<string, Flag> = {
  json: {type: 'boolean', description: 'print the scores and mismatches as JSON on stdout'},
  verbose: {type: 'boolean', description: 'list every mismatch after the table'},
  help: {type: 'boolean', short: 'h', description: 'show this help'}
}

const evalHelp = `Usage: docprov eval DIR [options]

Run docprov on every DIR/<case>/input.txt (or input.md) and compare its
metadata with DIR/<case>/expected.json; print precision and recall per field.
Exit 1 when a case cannot be read.

Options:
${flagHelp(evalFlags)}

Example:
  docprov eval test/eval --verbose
`

/** The flags of `docprov prov`. */
const provFlags: Record<string, Flag> = {
  help: {type: 'boolean', short: 'h', description: 'show this help'}
}

const provHelp = `Usage: docprov prov OUT

Read OUT/manifest.json (made by \`docprov build … --out OUT\`) and write
OUT/prov.json: the build as W3C PROV-JSON. Raw files and outputs are entities
with their sha256, the build is an activity, docprov and each plugin are software
agents, each output wasDerivedFrom its raw file and wasAttributedTo its outlet,
and each inherited field is a derivation from the copy it came from. The end time
is recorded only when SOURCE_DATE_EPOCH is set.

Options:
${flagHelp(provFlags)}

Example:
  docprov build seeds --out output && docprov prov output
`

/** The flags of `docprov ingest`. */
const ingestFlags: Record<string, Flag> = {
  archive: {type: 'string', short: 'a', value: 'DIR', description: 'the archive folder (made when missing; required)'},
  message: {type: 'string', short: 'm', value: 'TEXT', description: 'message of the new version'},
  wait: {type: 'string', value: 'SECONDS', description: 'wait this long for another ingest to finish (default 0: fail at once)'},
  json: {type: 'boolean', description: 'print a machine-readable summary on stdout'},
  quiet: {type: 'boolean', short: 'q', description: 'print only rejections and errors'},
  profiles: {type: 'string', value: 'DIR', description: 'also read source profiles (*.yaml) from DIR'},
  'max-bytes': {type: 'string', value: 'N', description: `reject files larger than N bytes (suffixes K, M, G; default ${defaultMaxBytes / 1024 / 1024}M)`},
  'max-lines': {type: 'string', value: 'N', description: `reject files with more than N lines of text (default ${defaultMaxLines})`},
  help: {type: 'boolean', short: 'h', description: 'show this help'}
}

const ingestHelp = `Usage: docprov ingest [paths…] --archive DIR [options]

Add raw files to a versioned archive: files and folders (as \`build\` reads
them) and .tar, .tar.gz, .tgz and .zip packages (entry by entry, in memory).
Each raw file is kept byte for byte under its sha256; each new one becomes a
document as \`build\` makes it, and lineage is worked out across the whole
archive. Every run that adds something is a numbered version (v1, v2, …);
bytes already held add nothing. A run killed at any moment leaves the previous
version intact; run it again to complete it.

Options:
${flagHelp(ingestFlags)}

Example:
  docprov ingest seeds batch.tar.gz --archive archive -m "November crawl"
`

/** The flags of `docprov verify`. */
const verifyFlags: Record<string, Flag> = {
  archive: {type: 'string', short: 'a', value: 'DIR', description: 'verify the archive in DIR'},
  json: {type: 'boolean', description: 'print the problems as JSON on stdout'},
  help: {type: 'boolean', short: 'h', description: 'show this help'}
}

const verifyHelp = `Usage: docprov verify OUT
       docprov verify --archive DIR

Re-hash every raw file and output, check that the manifest and the files agree
both ways (nothing missing, nothing stray), and re-check every evidence span
against its raw bytes. Each problem is printed as \`code  path  message\`.
Exit 0 when valid, 1 otherwise. A build's raw paths are read as the manifest
gives them, so run it from the folder the build ran in.

Options:
${flagHelp(verifyFlags)}

Examples:
  docprov verify output
  docprov verify --archive archive
`

/** The flags of `docprov feed`. */
const feedFlags: Record<string, Flag> = {
  from: {type: 'string', value: 'DIR', description: "a build's OUT or an archive (required)"},
  'base-url': {type: 'string', value: 'URL', description: 'where the documents are published; item links are URL<name>/ (required)'},
  format: {type: 'string', short: 'f', value: 'FORMAT', description: 'atom, rss or json (default: from the --out extension, else atom)'},
  out: {type: 'string', short: 'o', value: 'FILE', description: 'write the feed to FILE (atomically) instead of stdout'},
  title: {type: 'string', value: 'TEXT', description: 'title of the feed (default: docprov: <name of DIR>)'},
  description: {type: 'string', value: 'TEXT', description: 'description of the feed'},
  'feed-url': {type: 'string', value: 'URL', description: "the feed's own URL (default: URL + atom.xml, rss.xml or feed.json)"},
  limit: {type: 'string', value: 'N', description: 'only the newest N items'},
  'include-undated': {type: 'boolean', description: 'also list articles with no date, after the dated ones'},
  help: {type: 'boolean', short: 'h', description: 'show this help'}
}

const feedHelp = `Usage: docprov feed --from DIR --base-url URL [options]

Write a feed of the articles in a build's OUT or an archive: one item per work
(the canonical copy of each cluster), newest first, articles only, dated ones
only unless --include-undated. Content is the clean Markdown rendered to
sanitized HTML. Each item carries its provenance: a link to the raw file's
sha256 (an RFC 6920 ni: URI) and the evidence of every field. The feed's date
is its newest item's, so the same input gives the same bytes.

Options:
${flagHelp(feedFlags)}

Examples:
  docprov feed --from output --base-url https://example.org/ --out public/atom.xml
  docprov feed --from archive --format json --base-url https://example.org/ --limit 50
`

class UsageError extends Error {}

/** Signals that stop a build, merge, shard or ingest cleanly, and the exit code of each (128 + its number). */
const stopSignals = {SIGINT: 130, SIGTERM: 143} as const
type StopSignal = keyof typeof stopSignals

/** The reason a run was stopped by a signal. */
class Interrupted extends Error {
  constructor(
    readonly signal: StopSignal,
    target: string
  ) {
    super(`stopped by ${signal}: nothing of this run was committed, ${target} is as the last run left it`)
  }
}

/**
 * Run `work` with an AbortSignal that SIGINT and SIGTERM abort: the run stops
 * at its next step, cleans up (workers, temporary and staged files, lock) and
 * rejects with `Interrupted`. A second signal exits at once (the next run
 * deletes what was left).
 */
async function interruptible<T>(work: (signal: AbortSignal) => Promise<T>, target = 'the output folder'): Promise<T> {
  const controller = new AbortController()
  const handlers = (Object.keys(stopSignals) as StopSignal[]).map((name) => {
    const handler = () => {
      if (controller.signal.aborted) process.exit(stopSignals[name])
      controller.abort(new Interrupted(name, target))
    }
    process.on(name, handler)
    return () => process.off(name, handler)
  })
  try {
    return await work(controller.signal)
  } finally {
    for (const off of handlers) off()
  }
}

function parseFlags(argv: string[], flags: Record<string, Flag>) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(Object.entries(flags).map(([name, flag]) => [name, flag.short ? {type: flag.type, short: flag.short} : {type: flag.type}]))
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

/** Parse a command's argv; with `--help`, print `help` and give `undefined` (exit 0). */
function commandArgs(argv: string[], flags: Record<string, Flag>, help: string, io: {stdout: NodeJS.WritableStream}) {
  const parsed = parseFlags(argv, flags)
  const values = parsed.values as Record<string, string | boolean | undefined>
  if (values.help) {
    io.stdout.write(help)
    return undefined
  }
  return {values, positionals: parsed.positionals}
}

/** `--max-bytes`, `--max-lines` and `--profiles`, shared by build and ingest. */
function readingOptions(values: Record<string, string | boolean | undefined>): {maxBytes: number; maxLines: number; profiles: string[]} {
  const lines = values['max-lines'] as string | undefined
  if (lines !== undefined && (!/^\d+$/.test(lines) || !Number.isSafeInteger(Number(lines)) || Number(lines) < 1)) {
    throw new UsageError(`Invalid --max-lines \`${lines}\`, expected a whole number of lines such as 50000`)
  }
  return {
    maxLines: lines === undefined ? defaultMaxLines : Number(lines),
    maxBytes: values['max-bytes'] === undefined ? defaultMaxBytes : parseBytes(values['max-bytes'] as string),
    profiles: values.profiles ? [values.profiles as string] : []
  }
}

async function runEval(argv: string[], io: {stdout: NodeJS.WritableStream}): Promise<number> {
  const parsed = commandArgs(argv, evalFlags, evalHelp, io)
  if (!parsed) return 0
  const values = parsed.values
  if (parsed.positionals.length !== 1) throw new UsageError('Expected one folder of cases, e.g. `docprov eval test/eval`')
  const {evaluate, formatEvaluation} = await import('./evaluate.js')
  const evaluation = await evaluate(parsed.positionals[0])
  if (values.json) {
    io.stdout.write(JSON.stringify(evaluation, null, 2) + '\n')
    return 0
  }
  io.stdout.write(formatEvaluation(evaluation))
  if (values.verbose) {
    for (const mismatch of evaluation.mismatches) {
      io.stdout.write(`${mismatch.case}  ${mismatch.field}: expected ${JSON.stringify(mismatch.expected)}, got ${JSON.stringify(mismatch.actual)}\n`)
    }
  }
  return 0
}

/** Run the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], io = {stdout: process.stdout, stderr: process.stderr}): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.stdout.write(mainHelp)
      return command === undefined ? 2 : 0
    }
    if (command === '-v' || command === '--version') {
      io.stdout.write(version + '\n')
      return 0
    }
    if (command === 'build') return await runBuild(rest, io)
    if (command === 'eval') return await runEval(rest, io)
    if (command === 'prov') return await runProv(rest, io)
    if (command === 'ingest') return await runIngest(rest, io)
    if (command === 'verify') return await runVerify(rest, io)
    if (command === 'feed') return await runFeed(rest, io)
    if (command === 'merge') return await runMerge(rest, io)
    throw new UsageError(`Unknown command \`${command}\`, expected \`build\`, \`merge\`, \`ingest\`, \`verify\`, \`prov\`, \`feed\` or \`eval\``)
  } catch (error) {
    if (error instanceof Interrupted) {
      // Clear a progress bar first.
      io.stderr.write(`${(io.stderr as {isTTY?: boolean}).isTTY ? '\r\u001b[K' : ''}docprov: ${error.message}\n`)
      return stopSignals[error.signal]
    }
    if (error instanceof UsageError || (error instanceof DocprovError && error.code === 'usage')) {
      io.stderr.write(`docprov: ${error.message}\nTry \`docprov ${command && ['build', 'merge', 'eval', 'prov', 'ingest', 'verify', 'feed'].includes(command) ? command + ' ' : ''}--help\`.\n`)
      return 2
    }
    if (error instanceof DocprovError) {
      io.stderr.write(`docprov: ${error.message}\n`)
      return error.code === 'locked' ? 1 : 2
    }
    io.stderr.write(`docprov: unexpected error (a bug, please report it): ${(error as Error).stack ?? String(error)}\n`)
    return 1
  }
}

async function runProv(argv: string[], io: {stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream}): Promise<number> {
  const parsed = commandArgs(argv, provFlags, provHelp, io)
  if (!parsed) return 0
  if (parsed.positionals.length !== 1) throw new UsageError('Expected one output folder, e.g. `docprov prov output`')
  const {writeProv} = await import('./prov.js')
  const written = await writeProv(parsed.positionals[0])
  io.stderr.write(`wrote ${written}\n`)
  return 0
}

async function runFeed(argv: string[], io: {stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream}): Promise<number> {
  const parsed = commandArgs(argv, feedFlags, feedHelp, io)
  if (!parsed) return 0
  const values = parsed.values as Record<string, string | undefined> & {'include-undated'?: boolean}
  if (parsed.positionals.length > 0) throw new UsageError(`Unexpected \`${parsed.positionals[0]}\`: name the folder with --from, e.g. \`docprov feed --from output --base-url https://example.org/\``)
  if (!values.from) throw new UsageError("Missing `--from DIR`: name a build's OUT or an archive, e.g. `docprov feed --from output --base-url https://example.org/`")
  if (!values['base-url']) throw new UsageError('Missing `--base-url URL`: say where the documents are published, e.g. `--base-url https://example.org/`')
  const format = (values.format ?? formatFromName(values.out) ?? 'atom') as FeedFormat
  if (!(['atom', 'rss', 'json'] satisfies FeedFormat[]).includes(format)) throw new UsageError(`Invalid --format \`${values.format}\`, expected atom, rss or json`)
  let limit: number | undefined
  if (values.limit !== undefined) {
    limit = Number(values.limit)
    if (!/^\d+$/.test(values.limit) || limit < 1) throw new UsageError(`Invalid --limit \`${values.limit}\`, expected a whole number of items such as 20`)
  }
  const {feed} = await import('./feed.js')
  const result = await feed({
    from: values.from,
    format,
    baseUrl: values['base-url'],
    title: values.title,
    description: values.description,
    feedUrl: values['feed-url'],
    limit,
    includeUndated: Boolean(values['include-undated'])
  })
  if (values.out) await writeAtomic(values.out, result.text)
  else io.stdout.write(result.text)
  const skipped = result.undated > 0 ? ` (${result.undated} undated ${plural(result.undated, 'article')} left out: --include-undated lists them)` : ''
  io.stderr.write(`${result.items.length} ${plural(result.items.length, 'item')}, ${format}${values.out ? ` → ${values.out}` : ''}${skipped}\n`)
  return 0
}

/** The format an --out file name implies. */
function formatFromName(name: string | undefined): FeedFormat | undefined {
  if (!name) return undefined
  if (/\.json$/i.test(name)) return 'json'
  if (/(^|[./-])rss(\.xml)?$/i.test(name)) return 'rss'
  if (/\.(atom|xml)$/i.test(name)) return 'atom'
  return undefined
}

async function runIngest(argv: string[], io: {stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream}): Promise<number> {
  const parsed = commandArgs(argv, ingestFlags, ingestHelp, io)
  if (!parsed) return 0
  const values = parsed.values
  const archive = values.archive as string | undefined
  if (!archive) throw new UsageError('Missing `--archive DIR`: say which archive to add to, e.g. `docprov ingest seeds --archive archive`')
  if (parsed.positionals.length === 0) throw new UsageError('Missing input paths: name files, folders or packages, e.g. `docprov ingest seeds --archive archive`')
  const wait = values.wait === undefined ? 0 : Number(values.wait)
  if (!Number.isFinite(wait) || wait < 0) throw new UsageError(`Invalid --wait \`${values.wait}\`, expected a number of seconds such as 30`)
  const {ingest} = await import('./ingest.js')
  const result = await interruptible(
    (signal) =>
      ingest({
        paths: parsed.positionals,
        archive,
        message: values.message as string | undefined,
        wait,
        signal,
        ...readingOptions(values)
      }),
    'the archive'
  )
  for (const rejection of result.rejected) io.stderr.write(`${printable(rejection.path)}\n  error  ${printable(rejection.message)}  ${rejection.reason}\n`)
  if (!values.quiet) {
    const held = result.duplicates.length
    if (result.version === null) {
      io.stderr.write(`nothing new: ${held} ${plural(held, 'file')} already held; ${archive} stays at v${result.head}\n`)
    } else {
      io.stderr.write(
        `v${result.version}: ${result.added.length} added, ${held} already held, ${result.rejected.length} rejected, ${result.changed.length} older ${plural(result.changed.length, 'document')} updated\n`
      )
    }
  }
  if (values.json) {
    const {version, head, added, duplicates, rejected, changed} = result
    io.stdout.write(JSON.stringify({archive: path.normalize(archive), version, head, added, duplicates, rejected, changed}, null, 2) + '\n')
  }
  return result.rejected.length > 0 ? 1 : 0
}

async function runVerify(argv: string[], io: {stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream}): Promise<number> {
  const parsed = commandArgs(argv, verifyFlags, verifyHelp, io)
  if (!parsed) return 0
  const values = parsed.values
  const archive = values.archive as string | undefined
  if (archive ? parsed.positionals.length > 0 : parsed.positionals.length !== 1) {
    throw new UsageError('Expected one build folder or `--archive DIR`, e.g. `docprov verify output`')
  }
  const target = archive ?? parsed.positionals[0]
  const {verifyArchive, verifyOutput} = await import('./verify.js')
  const verification: Verification = archive ? await verifyArchive(archive) : await verifyOutput(target)
  if (values.json) io.stdout.write(JSON.stringify(verification, null, 2) + '\n')
  for (const item of verification.problems) io.stderr.write(`  ${item.code}  ${printable(item.path)}  ${printable(item.message)}\n`)
  for (const item of verification.notes) io.stderr.write(`  note ${item.code}  ${printable(item.path)}  ${printable(item.message)}\n`)
  const {documents, files, spans} = verification.checked
  const at = verification.version === null ? '' : ` at v${verification.version}`
  io.stderr.write(
    verification.valid
      ? `${target} is valid${at}: ${documents} ${plural(documents, 'document')}, ${files} files hashed, ${spans} spans checked\n`
      : `${target} is not valid${at}: ${verification.problems.length} ${plural(verification.problems.length, 'problem')}\n`
  )
  return verification.valid ? 0 : 1
}

async function runBuild(argv: string[], io: {stdout: NodeJS.WritableStream & {isTTY?: boolean}; stderr: NodeJS.WritableStream & {isTTY?: boolean}}): Promise<number> {
  const parsed = commandArgs(argv, buildFlags, buildHelp, io)
  if (!parsed) return 0
  const values = parsed.values
  const out = values.out as string | undefined
  if (!out) throw new UsageError('Missing `--out DIR`: say where to write the documents, e.g. `docprov build seeds --out output`')
  if (parsed.positionals.length === 0) {
    throw new UsageError('Missing input paths: name files or folders to build, e.g. `docprov build seeds --out output`')
  }
  const {maxBytes, maxLines, profiles} = readingOptions(values)
  let jobs: number | undefined
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs)
    if (!/^\d+$/.test(values.jobs as string) || jobs < 1) throw new UsageError(`Invalid --jobs \`${values.jobs}\`, expected a whole number of threads such as 2`)
  }
  const quiet = Boolean(values.quiet)
  const progress = io.stderr.isTTY && !quiet
  const onProgress = progress ? (done: number, total: number) => io.stderr.write(`\r${bar(done, total)}`) : undefined
  const cache = values['no-cache'] ? false : (values['cache-dir'] as string | undefined)
  if (values.shard !== undefined) {
    if (values.check) throw new UsageError('--check cannot be used with --shard: check the merged build instead')
    const {buildShard, parseShard} = await import('./shard.js')
    const shard = parseShard(values.shard as string)
    const result = await interruptible((signal) => buildShard(out, {paths: parsed.positionals, maxBytes, maxLines, profiles, jobs, cache, shard, onProgress, signal}))
    if (progress) io.stderr.write('\r\u001b[K')
    if (!quiet) {
      io.stderr.write(
        `shard ${shard.index}/${shard.count}: ${result.inputs} of ${result.header.inputs} inputs, ${result.documents} ${plural(result.documents, 'document')}, ${result.rejected} rejected; wrote ${result.file}\n`
      )
    }
    if (values.json) {
      io.stdout.write(JSON.stringify({part: result.file, shard, inputs: result.inputs, total: result.header.inputs, documents: result.documents, rejected: result.rejected}, null, 2) + '\n')
    }
    // Rejections are reported by `merge`; a shard that ran to the end succeeded.
    return 0
  }
  const result = await interruptible((signal) =>
    buildTo(out, {
      paths: parsed.positionals,
      maxBytes,
      maxLines,
      profiles,
      jobs,
      check: Boolean(values.check),
      cache,
      onProgress,
      signal
    })
  )
  if (progress) io.stderr.write('\r\u001b[K')
  return report(out, values, result, io)
}

async function runMerge(argv: string[], io: {stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream}): Promise<number> {
  const parsed = commandArgs(argv, mergeFlags, mergeHelp, io)
  if (!parsed) return 0
  const values = parsed.values
  const out = values.out as string | undefined
  if (!out) throw new UsageError('Missing `--out DIR`: say where to write the merged build, e.g. `docprov merge parts/* --out output`')
  if (parsed.positionals.length === 0) throw new UsageError('Missing parts: name the output folder of each shard, e.g. `docprov merge parts/* --out output`')
  const {mergeTo} = await import('./shard.js')
  const {written, assembled} = await interruptible((signal) => mergeTo(out, parsed.positionals, {check: Boolean(values.check), signal, stageThread: defaultJobs() > 1}))
  return report(out, values, {summary: assembled.summary, reports: assembled.reports, written, upToDate: false, processed: 0, cached: 0}, io)
}

/** Print what a build or merge did (reports, then a summary line; `--json` on stdout); gives the exit code. */
function report(
  out: string,
  values: Record<string, string | boolean | undefined>,
  result: Pick<Awaited<ReturnType<typeof buildTo>>, 'summary' | 'reports' | 'written' | 'upToDate' | 'processed' | 'cached'>,
  io: {stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream}
): number {
  const quiet = Boolean(values.quiet)
  const {written, summary} = result
  for (const report of result.reports) {
    if (report.messages.length === 0 || (quiet && !report.rejected)) continue
    io.stderr.write(formatReport(report))
  }
  if (values.check) {
    const changes = [...written.changed, ...written.removed.map((name) => `${name} (stale)`)]
    if (changes.length > 0) io.stderr.write(`${out} is out of date; these would change:\n${changes.map((name) => `  ${name}\n`).join('')}`)
    else if (!quiet) io.stderr.write(`${out} is up to date\n`)
  }
  if (!quiet) {
    const {documents, clusters, rejected, warnings} = summary
    const work = result.upToDate ? ' (nothing changed since the last build)' : result.cached > 0 ? ` (${result.processed} processed, ${result.cached} from the cache)` : ''
    io.stderr.write(
      `${documents} ${plural(documents, 'document')}, ${clusters} ${plural(clusters, 'cluster')}, ${rejected} rejected, ${warnings} ${plural(warnings, 'warning')}${work}\n`
    )
  }
  if (values.json) {
    const json = {
      out: path.normalize(out),
      check: Boolean(values.check),
      ...summary,
      upToDate: result.upToDate,
      processed: result.processed,
      cached: result.cached,
      changed: written.changed,
      removed: written.removed,
      files: result.reports.map((report) => ({path: report.path, rejected: report.rejected, messages: report.messages}))
    }
    io.stdout.write(JSON.stringify(json, null, 2) + '\n')
  }
  const changed = written.changed.length + written.removed.length > 0
  return summary.rejected > 0 || (values.check && changed) ? 1 : 0
}

/** One report block: the path, then a line per message (unified-engine style); see `printable`. */
export function formatReport(report: FileReport): string {
  const lines = report.messages.map((message) => {
    const place = message.line ? `${message.line}:${message.column ?? 1}` : ''
    return `  ${place.padEnd(8)} ${message.fatal ? 'error  ' : 'warning'}  ${printable(message.message)}  ${message.ruleId}`
  })
  return `${printable(report.path)}\n${lines.join('\n')}\n`
}

/**
 * Text from inputs (file names, quotes in messages) made safe for a terminal:
 * control characters (line breaks, escape sequences) and bidirectional controls
 * are shown as `\u{…}`, so a name or quote can neither forge report lines nor
 * drive the terminal.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (character) => `\\u{${character.codePointAt(0)!.toString(16)}}`)
}

function bar(done: number, total: number): string {
  const width = 30
  const filled = total === 0 ? width : Math.round((done / total) * width)
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`
}

function plural(count: number, word: string): string {
  return count === 1 ? word : word + 's'
}

function parseBytes(value: string): number {
  const match = /^(\d+)\s*(k|kb|kib|m|mb|mib|g|gb|gib)?$/i.exec(value.trim())
  if (!match) throw new UsageError(`Invalid --max-bytes \`${value}\`, expected a whole number of bytes such as 1048576 or 50M`)
  const unit = (match[2] ?? '').toLowerCase()[0]
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1
  const bytes = Number(match[1]) * factor
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw new UsageError(`Invalid --max-bytes \`${value}\`, expected at least 1 byte`)
  return bytes
}

// Run only when this file is the program, not when it is imported (by tests).
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  limitHeapGrowth()
  process.exitCode = await main(process.argv.slice(2))
}
