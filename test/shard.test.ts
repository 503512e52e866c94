/** Sharded builds (`build --shard K/N`, `merge`), and the streaming parts of a build they rest on. */
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {execa} from 'execa'
import {afterAll, describe, expect, it} from 'vitest'
import {frontmatterData, replaceFrontmatter} from '../plugins/attach-frontmatter.js'
import {build} from '../pipeline/build.js'
import {discover} from '../pipeline/discover.js'
import {buildTo} from '../pipeline/incremental.js'
import {createManifest, ManifestWriter, serializeManifest, type Manifest} from '../pipeline/manifest.js'
import {buildShard, inShard, merge, mergeTo, parseShard, partName} from '../pipeline/shard.js'
import {generator} from '../pipeline/version.js'

const root = path.join(import.meta.dirname, '..')
const cli = path.join(root, 'dist', 'pipeline', 'cli.js')
const work = mkdtempSync(path.join(tmpdir(), 'docprov-shard-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

/**
 * A corpus whose copies fall into different shards: the seeds (an article and
 * its truncated copy), the lineage articles (two outlets' versions of one
 * story), the feed corpus, exact copies of two articles in another folder, and
 * two files that are rejected.
 */
function corpus(): string {
  const folder = path.join(work, 'corpus')
  for (const source of ['seeds', 'test/lineage/articles', 'test/feed/corpus']) cpSync(path.join(root, source), path.join(folder, path.basename(source)), {recursive: true})
  mkdirSync(path.join(folder, 'copies'))
  cpSync(path.join(root, 'test/lineage/articles/rail-strike.txt'), path.join(folder, 'copies', 'rail-strike-again.txt'))
  cpSync(path.join(folder, 'seeds', readdirSync(path.join(folder, 'seeds')).sort()[0]), path.join(folder, 'copies', 'seed-copy.txt'))
  writeFileSync(path.join(folder, 'copies', 'binary.txt'), new Uint8Array([0x50, 0x4b, 0, 0, 1, 2]))
  writeFileSync(path.join(folder, 'copies', 'empty.txt'), ' \n\n')
  return folder
}

function snapshot(out: string): Map<string, string> {
  return new Map(readdirSync(out).sort().map((name) => [name, readFileSync(path.join(out, name), 'utf8')]))
}

describe('build --shard and merge', () => {
  const input = corpus()
  const single = path.join(work, 'single')
  const parts = [1, 2, 3, 4].map((index) => path.join(work, 'parts', String(index)))

  it('merges 4 shards into output byte-identical to a single build, with clusters across shards', async () => {
    await buildTo(single, {paths: [input], cache: false})
    for (const [index, part] of parts.entries()) {
      const result = await buildShard(part, {paths: [input], shard: {index: index + 1, count: 4}, cache: false})
      expect(result.file).toBe(path.join(part, partName))
    }
    const merged = path.join(work, 'merged')
    const {assembled} = await mergeTo(merged, parts)
    expect(snapshot(merged)).toEqual(snapshot(single))
    expect(assembled.summary.rejected).toBe(2)

    // The test means something only if copies were in different shards.
    const listing = (await discover([input])).map((item) => item.path)
    const shardOf = (file: string) => [1, 2, 3, 4].find((index) => inShard(listing.indexOf(file), {index, count: 4}))
    const manifest = JSON.parse(readFileSync(path.join(merged, 'manifest.json'), 'utf8')) as Manifest
    const byId = new Map(manifest.documents.map((document) => [document.id, document]))
    const spread = manifest.clusters.filter((cluster) => new Set(cluster.members.map((id) => shardOf(byId.get(id)!.source.path))).size > 1)
    expect(spread.length).toBeGreaterThanOrEqual(2)
    const duplicates = manifest.documents.filter((document) => document.relations.some((relation) => relation.type === 'duplicate-of'))
    expect(duplicates.some((document) => document.relations.some((relation) => shardOf(byId.get(relation.target)!.source.path) !== shardOf(document.source.path)))).toBe(true)
  })

  it('gives each input to exactly one shard, in equal shares', () => {
    const seen = Array.from({length: 103}, (_, index) => [1, 2, 3, 4, 5].filter((shard) => inShard(index, {index: shard, count: 5})))
    expect(seen.every((shards) => shards.length === 1)).toBe(true)
    const sizes = [1, 2, 3, 4, 5].map((shard) => seen.filter(([only]) => only === shard).length)
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
  })

  it('writes the same part whatever the workers and cache', async () => {
    const again = path.join(work, 'again')
    await buildShard(again, {paths: [input], shard: {index: 2, count: 4}, cache: path.join(work, 'cache'), jobs: 2})
    await buildShard(again + '-warm', {paths: [input], shard: {index: 2, count: 4}, cache: path.join(work, 'cache')})
    const expected = readFileSync(path.join(parts[1], partName), 'utf8')
    expect(readFileSync(path.join(again, partName), 'utf8')).toBe(expected)
    expect(readFileSync(path.join(again + '-warm', partName), 'utf8')).toBe(expected)
  })

  it('refuses a missing shard, a shard named twice, and parts of other settings or inputs', async () => {
    const sink = {put: async () => undefined, manifest: async () => undefined}
    await expect(merge(parts.slice(0, 3), sink)).rejects.toThrow(/Missing shard 4\/4: build it/)
    await expect(merge([...parts, parts[0]], sink)).rejects.toThrow(/are both shard 1\/4/)
    const other = path.join(work, 'other-settings')
    await buildShard(other, {paths: [input], shard: {index: 4, count: 4}, cache: false, maxBytes: 4096})
    await expect(merge([...parts.slice(0, 3), other], sink)).rejects.toThrow(/built with other settings .*rebuild every shard/)
    const fewer = path.join(work, 'fewer-inputs')
    await buildShard(fewer, {paths: [path.join(input, 'seeds'), path.join(input, 'articles')], shard: {index: 4, count: 4}, cache: false})
    await expect(merge([...parts.slice(0, 3), fewer], sink)).rejects.toThrow(/built over other inputs/)
    const two = path.join(work, 'of-two')
    await buildShard(two, {paths: [input], shard: {index: 2, count: 2}, cache: false})
    await expect(merge([...parts.slice(0, 3), two], sink)).rejects.toThrow(/is shard 2\/2, not one of 4/)
  })

  it('refuses a damaged part, naming the file and line', async () => {
    const sink = {put: async () => undefined, manifest: async () => undefined}
    const damaged = path.join(work, 'damaged')
    cpSync(parts[2], damaged, {recursive: true})
    const file = path.join(damaged, partName)
    const lines = readFileSync(file, 'utf8').split('\n')
    writeFileSync(file, [...lines.slice(0, 2), '{"index": 2, "result": {}}', ...lines.slice(3)].join('\n'))
    await expect(merge([parts[0], parts[1], damaged, parts[3]], sink)).rejects.toThrow(/damaged\/manifest\.partial\.jsonl` line 3: not a result of this shard/)
    writeFileSync(file, lines.slice(0, 2).join('\n') + '\n')
    await expect(merge([parts[0], parts[1], damaged, parts[3]], sink)).rejects.toThrow(/holds 1 results where shard 3\/4 of \d+ inputs has \d+/)
    writeFileSync(file, '{"not": "a part"}\n')
    await expect(merge([parts[0], parts[1], damaged, parts[3]], sink)).rejects.toThrow(/not the header of a docprov part/)
    await expect(merge([path.join(work, 'nowhere')], sink)).rejects.toThrow(/Cannot read part .*nowhere/)
  })

  it('reads K/N strictly', () => {
    expect(parseShard('3/8')).toEqual({index: 3, count: 8})
    for (const bad of ['0/4', '5/4', '1/0', '1', 'a/b', '-1/4', '1.5/4']) expect(() => parseShard(bad)).toThrow(/expected K\/N/)
  })

  it('works from the command line, as a Job or xargs would run it', async () => {
    const out = path.join(work, 'cli')
    await Promise.all(
      [1, 2, 3].map((index) => execa('node', [cli, 'build', input, '--shard', `${index}/3`, '--out', path.join(out, 'parts', String(index)), '--no-cache', '-q']))
    )
    const merged = await execa('node', [cli, 'merge', ...[1, 2, 3].map((index) => path.join(out, 'parts', String(index))), '--out', path.join(out, 'merged'), '--json'], {reject: false})
    expect(merged.exitCode).toBe(1) // two inputs are rejected, as in a single build
    expect(JSON.parse(merged.stdout)).toMatchObject({rejected: 2})
    expect(snapshot(path.join(out, 'merged'))).toEqual(snapshot(single))
    const check = await execa('node', [cli, 'merge', ...[1, 2, 3].map((index) => path.join(out, 'parts', String(index), partName)), '--out', single, '--check'], {reject: false})
    expect(check.stderr).toContain('is up to date')

    for (const [args, message] of [
      [['build', input, '--shard', '4/3', '--out', out], /Invalid shard `4\/3`/],
      [['build', input, '--shard', '1/3', '--out', out, '--check'], /--check cannot be used with --shard/],
      [['merge', path.join(out, 'parts', '1')], /Missing `--out DIR`/],
      [['merge', '--out', out], /Missing parts/]
    ] as const) {
      const result = await execa('node', [cli, ...args], {reject: false})
      expect(result.exitCode).toBe(2)
      expect(result.stderr).toMatch(message)
    }
    const help = await execa('node', [cli, 'merge', '--help'])
    expect(help.stdout).toContain('Usage: docprov merge PARTS')
  })
})

describe('streaming a build', () => {
  it('writes a manifest a document at a time with the bytes of serializeManifest', async () => {
    for (const paths of [['seeds'], ['test/lineage/articles', 'test/feed/corpus']]) {
      const {manifest} = await build({paths: paths.map((item) => path.join(root, item))})
      const chunks: string[] = []
      const writer = new ManifestWriter(async (chunk) => void chunks.push(chunk))
      await writer.start()
      for (const document of manifest.documents) await writer.document(document)
      await writer.end(manifest.clusters, [{path: 'z.bin', sha256: null, reason: 'unreadable', message: 'm'}, ...manifest.rejected])
      expect(chunks.join('')).toBe(serializeManifest(createManifest(manifest.documents, [{path: 'z.bin', sha256: null, reason: 'unreadable', message: 'm'}, ...manifest.rejected], manifest.clusters)))
    }
    const empty: string[] = []
    const writer = new ManifestWriter(async (chunk) => void empty.push(chunk))
    await writer.start()
    await writer.end([], [])
    expect(empty.join('')).toBe(serializeManifest(createManifest([], [], [])))
  })

  it('refuses a document that breaks the schema or comes out of order (bugs, not input problems)', async () => {
    const {manifest} = await build({paths: [path.join(root, 'seeds')]})
    const writer = new ManifestWriter(async () => undefined)
    await writer.start()
    await expect(writer.document({...manifest.documents[0], metadata: {...manifest.documents[0].metadata, date: 'yesterday'}})).rejects.toThrow(/\/documents\/0\/metadata\/date/)
    await writer.document(manifest.documents[1])
    await expect(writer.document(manifest.documents[0])).rejects.toThrow(/sorted by path/)
  })

  it('writes each document with the frontmatter its manifest entry gives, clustered or not', async () => {
    const {manifest, files} = await build({paths: [path.join(root, 'test/lineage/articles'), path.join(root, 'test/feed/corpus'), path.join(root, 'seeds')]})
    expect(manifest.documents.some((document) => document.cluster === null)).toBe(true)
    expect(manifest.documents.some((document) => document.cluster !== null)).toBe(true)
    for (const document of manifest.documents) {
      const markdown = files.get(document.output.path)!
      expect(replaceFrontmatter(markdown, frontmatterData(document, generator))).toBe(markdown)
    }
  })

  it('leaves no spool or temporary file behind', async () => {
    const temporary = mkdtempSync(path.join(work, 'tmp-'))
    const out = path.join(work, 'spool-out')
    const result = await execa('node', [cli, 'build', path.join(root, 'seeds'), '--out', out, '--no-cache', '-q'], {env: {TMPDIR: temporary}, reject: false})
    expect(result.exitCode).toBe(0)
    expect(readdirSync(temporary)).toEqual([])
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([])
    expect(existsSync(path.join(out, 'manifest.json'))).toBe(true)
  })
})
