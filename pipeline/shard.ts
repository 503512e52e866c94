/**
 * Sharded builds, for corpora that outgrow one machine. `buildShard` runs the
 * per-file pipeline on a deterministic 1/N of the inputs (input `i`, in path
 * order, belongs to shard `i mod N + 1`) and writes a partial manifest: one JSON
 * line per input with its whole result (document, Markdown, and the fingerprint
 * lineage needs: shingles and MinHash band keys). `merge` joins the N parts and
 * runs the cross-file steps (ids, lineage across shards, names, manifest)
 * exactly as a single build does, so the output is byte-identical to it.
 *
 * A part starts with a header line: the configuration key (docprov's code,
 * reference day, profiles, size limit), the shard, the number of inputs and a
 * digest of their paths, so parts made with other settings or over another
 * listing are refused by `merge`.
 */
import {createReadStream} from 'node:fs'
import {stat} from 'node:fs/promises'
import path from 'node:path'
import {createInterface} from 'node:readline'
import {sha256} from '../plugins/support/metadata.js'
import {assemble, Collector, type Assembled, type Sink} from './assemble.js'
import {collect, type BuildOptions} from './build.js'
import {Cache, decodeResult, defaultCacheDir, effectiveConfig, encodeResult} from './cache.js'
import {DocprovError} from './errors.js'
import {generator} from './version.js'
import {AtomicFile, makeOutputFolder, OutputWriter, type WriteOptions, type WriteResult} from './write.js'

/** One shard of N: `index` counts from 1. */
export interface ShardSpec {
  index: number
  count: number
}

/** Name of the partial manifest in a shard's output folder. */
export const partName = 'manifest.partial.jsonl'

/** The first line of a part. */
export interface PartHeader {
  docprovPart: 1
  generator: string
  /** Key of the configuration the part was built with (see `configKey`). */
  config: string
  shard: ShardSpec
  /** Inputs of the whole build (all shards). */
  inputs: number
  /** SHA-256 of the JSON list of every input path, in order. */
  listing: string
}

/** Read `K/N` (1 ≤ K ≤ N). */
export function parseShard(text: string): ShardSpec {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim())
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || count < 1 || index < 1 || index > count) {
    throw new DocprovError(`Invalid shard \`${text}\`, expected K/N with 1 ≤ K ≤ N, such as 2/8`, {code: 'usage'})
  }
  return {index, count}
}

/** Whether input `index` (0-based, in path order) belongs to `shard`. */
export function inShard(index: number, shard: ShardSpec): boolean {
  return index % shard.count === shard.index - 1
}

/** Options of `buildShard`. */
export interface ShardOptions extends Omit<BuildOptions, 'cache'> {
  shard: ShardSpec
  /** Cache folder, or `false` for none (default: `defaultCacheDir()`). */
  cache?: string | false
}

/** What `buildShard` did. */
export interface ShardResult {
  /** The part written. */
  file: string
  header: PartHeader
  /** Inputs of this shard, and how many became documents or were rejected. */
  inputs: number
  documents: number
  rejected: number
}

/** Build one shard of `options.paths` and write its part to `out/manifest.partial.jsonl`. */
export async function buildShard(out: string, options: ShardOptions): Promise<ShardResult> {
  const {shard} = options
  const {maxBytes, config} = await effectiveConfig(options)
  const cache = options.cache === false ? undefined : new Cache(options.cache ?? defaultCacheDir(), config)
  const {inputs, collector} = await collect(
    {...options, exclude: [...(options.exclude ?? []), out], maxBytes, cache},
    (index) => inShard(index, shard)
  )
  const file = path.join(out, partName)
  const part = new AtomicFile(file)
  try {
    await makeOutputFolder(out)
    const header: PartHeader = {
      docprovPart: 1,
      generator,
      config,
      shard,
      inputs: inputs.length,
      listing: listingDigest(inputs.map((input) => input.path))
    }
    await part.write(JSON.stringify(header) + '\n')
    let count = 0
    let documents = 0
    for (let index = shard.index - 1; index < inputs.length; index += shard.count) {
      const result = await collector.result(index)
      if (!result) throw new Error(`Missing the result of input ${index} (a bug)`)
      count++
      if (!('reason' in result)) documents++
      await part.write(JSON.stringify({index, result: encodeResult(result)}) + '\n')
    }
    options.signal?.throwIfAborted()
    await part.commit()
    return {file, header, inputs: count, documents, rejected: count - documents}
  } finally {
    await part.abort()
    await collector.close()
  }
}

/** The part file of a `merge` argument: a shard's output folder, or the part itself. */
async function partFile(given: string): Promise<string> {
  const info = await stat(given).catch((error: NodeJS.ErrnoException) => {
    throw new DocprovError(`Cannot read part \`${given}\` (${error.code ?? error.message}): name a shard's output folder or its ${partName}`, {
      code: 'usage',
      path: given,
      cause: error
    })
  })
  return info.isDirectory() ? path.join(given, partName) : given
}

/**
 * Join the parts of a sharded build (every shard 1…N exactly once, made with
 * the same settings over the same inputs) and hand the outputs to `sink`, as a
 * single build of the same inputs would.
 */
export async function merge(parts: string[], sink: Sink): Promise<Assembled> {
  if (parts.length === 0) throw new DocprovError('Missing parts: name the output folder of each shard', {code: 'usage'})
  const files = await Promise.all(parts.map(partFile))
  const collector = await Collector.create()
  try {
    // Headers first: a wrong set of parts is refused before any result is read.
    let first: {header: PartHeader; file: string} | undefined
    const seen = new Map<number, string>()
    const headers: PartHeader[] = []
    for (const file of files) {
      const header = await readHeader(file)
      headers.push(header)
      if (!first) first = {header, file}
      const problem =
        header.config !== first.header.config
          ? 'was built with other settings (docprov version, reference day, profiles or --max-bytes)'
          : header.inputs !== first.header.inputs || header.listing !== first.header.listing
            ? 'was built over other inputs'
            : header.shard.count !== first.header.shard.count
              ? `is shard ${header.shard.index}/${header.shard.count}, not one of ${first.header.shard.count}`
              : undefined
      if (problem) {
        throw new DocprovError(`Part \`${file}\` ${problem} than \`${first.file}\`: rebuild every shard with the same inputs and options`, {code: 'usage', path: file})
      }
      const twin = seen.get(header.shard.index)
      if (twin) throw new DocprovError(`Parts \`${twin}\` and \`${file}\` are both shard ${header.shard.index}/${header.shard.count}: name each shard once`, {code: 'usage', path: file})
      seen.set(header.shard.index, file)
    }
    const {count} = first!.header.shard
    const missing = Array.from({length: count}, (_, index) => index + 1).filter((index) => !seen.has(index))
    if (missing.length > 0) {
      throw new DocprovError(`Missing ${missing.length === 1 ? 'shard' : 'shards'} ${missing.map((index) => `${index}/${count}`).join(', ')}: build ${missing.length === 1 ? 'it' : 'them'} and name every part`, {code: 'usage'})
    }
    const total = first!.header.inputs
    for (const [index, file] of files.entries()) await readResults(file, headers[index], collector)
    const results = collector.ordered(total)
    if (listingDigest(results.map((result) => result.path)) !== first!.header.listing) {
      throw new DocprovError('The parts do not hold the inputs their headers list: rebuild every shard', {code: 'usage'})
    }
    return await assemble(collector, total, sink)
  } finally {
    await collector.close()
  }
}

/** Each line of a part, parsed, with its number; a problem names the file and line. */
async function* partLines(file: string): AsyncGenerator<{number: number; value: unknown}> {
  const input = createReadStream(file)
  const lines = createInterface({input, crlfDelay: Infinity})
  let number = 0
  try {
    for await (const line of lines) {
      number++
      let value: unknown
      try {
        value = JSON.parse(line)
      } catch {
        throw badLine(file, number, 'not JSON')
      }
      yield {number, value}
    }
  } catch (error) {
    if (error instanceof DocprovError) throw error
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new DocprovError(`Cannot read part \`${file}\` (${code}): name a shard's output folder or its ${partName}`, {code: 'usage', path: file, cause: error})
  } finally {
    lines.close()
    input.destroy()
  }
}

function badLine(file: string, line: number, what: string): DocprovError {
  return new DocprovError(`\`${file}\` line ${line}: ${what}: rebuild that shard (\`docprov build … --shard K/N\`)`, {code: 'usage', path: file})
}

/** The header of a part (its first line). */
async function readHeader(file: string): Promise<PartHeader> {
  for await (const {value} of partLines(file)) {
    const header = value as PartHeader
    const shard = header?.shard
    if (
      header?.docprovPart !== 1 ||
      typeof header.config !== 'string' ||
      typeof header.listing !== 'string' ||
      !Number.isSafeInteger(header.inputs) ||
      !Number.isSafeInteger(shard?.index) ||
      !Number.isSafeInteger(shard?.count) ||
      shard.index < 1 ||
      shard.index > shard.count
    ) {
      throw badLine(file, 1, `not the header of a docprov part (is this a ${partName}?)`)
    }
    if (header.generator !== generator) {
      throw new DocprovError(`\`${file}\` was made by ${header.generator}, this is ${generator}: rebuild that shard with this version`, {code: 'usage', path: file})
    }
    return header
  }
  throw badLine(file, 1, 'empty')
}

/** Read the results of a part (after its header) into `collector`. */
async function readResults(file: string, header: PartHeader, collector: Collector): Promise<void> {
  const {shard} = header
  const expected = shard.index <= header.inputs ? Math.ceil((header.inputs - shard.index + 1) / shard.count) : 0
  let count = 0
  for await (const {number, value} of partLines(file)) {
    if (number === 1) continue
    const record = value as {index?: unknown; result?: unknown}
    const index = record?.index
    const result = decodeResult(record?.result)
    if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0 || index >= header.inputs || !inShard(index, shard) || !result) {
      throw badLine(file, number, 'not a result of this shard')
    }
    if (collector.has(index)) throw badLine(file, number, `a second result for input ${index}`)
    await collector.add(index, result)
    count++
  }
  if (count !== expected) throw badLine(file, count + 2, `holds ${count} results where shard ${shard.index}/${shard.count} of ${header.inputs} inputs has ${expected}`)
}

function listingDigest(paths: string[]): string {
  return sha256(JSON.stringify(paths))
}

/** Merge `parts` into the output folder `out` (with `check`, write nothing and say what would change; see `OutputWriter`). */
export async function mergeTo(out: string, parts: string[], options: WriteOptions = {}): Promise<{written: WriteResult; assembled: Assembled}> {
  const {written, value} = await OutputWriter.with(out, options, (writer) => merge(parts, writer))
  return {written, assembled: value}
}
