/** Incremental builds (cache, no-op rebuilds) and the worker pool. */
import {cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {execa} from 'execa'
import {afterAll, describe, expect, it} from 'vitest'
import {build, collect} from '../pipeline/build.js'
import {buildTo} from '../pipeline/incremental.js'
import type {Manifest} from '../pipeline/manifest.js'

const root = path.join(import.meta.dirname, '..')
const cli = path.join(root, 'dist', 'pipeline', 'cli.js')
const work = mkdtempSync(path.join(tmpdir(), 'docprov-incremental-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

/** A corpus with a cluster: the lineage articles, the feed corpus and the seeds. */
function corpus(name: string): string {
  const folder = path.join(work, name)
  for (const source of ['seeds', 'test/lineage/articles', 'test/feed/corpus']) cpSync(path.join(root, source), path.join(folder, path.basename(source)), {recursive: true})
  return folder
}

function snapshot(out: string): Map<string, string> {
  return new Map(readdirSync(out).sort().map((name) => [name, readFileSync(path.join(out, name), 'utf8')]))
}

describe('buildTo with a cache', () => {
  const input = corpus('input')
  const cache = path.join(work, 'cache')
  const out = path.join(work, 'out')
  const reference = path.join(work, 'reference')

  it('gives byte-identical output from a cold cache, a warm cache and no cache', async () => {
    const cold = await buildTo(out, {paths: [input], cache})
    expect(cold.upToDate).toBe(false)
    expect(cold.cached).toBe(0)
    expect(cold.processed).toBe(cold.summary.documents + cold.summary.rejected)
    await buildTo(reference, {paths: [input], cache: false})
    expect(snapshot(out)).toEqual(snapshot(reference))
    rmSync(out, {recursive: true})
    const warm = await buildTo(out, {paths: [input], cache})
    expect(warm.processed).toBe(0)
    expect(warm.cached).toBe(cold.processed)
    expect(snapshot(out)).toEqual(snapshot(reference))
  })

  it('reads an entry cut short (a crash mid-write) as a miss, and stays right', async () => {
    const damaged = path.join(work, 'damaged-cache')
    cpSync(cache, damaged, {recursive: true})
    const entries = readdirSync(path.join(damaged, 'entries'), {recursive: true, withFileTypes: true}).filter((entry) => entry.isFile())
    expect(entries.length).toBeGreaterThan(10)
    for (const entry of entries) {
      const file = path.join(entry.parentPath, entry.name)
      writeFileSync(file, readFileSync(file, 'utf8').slice(0, -1 - (entry.name.charCodeAt(0) % 200)))
    }
    const result = await buildTo(path.join(work, 'out-damaged'), {paths: [input], cache: damaged})
    expect(result.cached).toBe(0)
    expect(snapshot(path.join(work, 'out-damaged'))).toEqual(snapshot(reference))
  })

  it('does nothing when inputs and outputs are unchanged', async () => {
    const again = await buildTo(out, {paths: [input], cache})
    expect(again.upToDate).toBe(true)
    expect(again.processed).toBe(0)
    expect(again.written).toEqual({changed: [], removed: []})
    expect(again.summary).toEqual((await buildTo(path.join(work, 'other'), {paths: [input], cache: false})).summary)
  })

  it('rewrites an output that was edited by hand, and only it', async () => {
    const name = readdirSync(out).find((file) => file.endsWith('.md'))!
    writeFileSync(path.join(out, name), 'edited\n')
    const result = await buildTo(out, {paths: [input], cache})
    expect(result.upToDate).toBe(false)
    expect(result.processed).toBe(0)
    expect(result.written.changed).toEqual([name])
    expect(snapshot(out)).toEqual(snapshot(reference))
  })

  it('processes only a changed file, and rewrites only it, its cluster and the manifest', async () => {
    const file = path.join(input, 'articles', 'harbour-flood-coastal-post.txt')
    writeFileSync(file, readFileSync(file, 'utf8').replace('flood', 'flooding'))
    const result = await buildTo(out, {paths: [input], cache})
    expect(result.processed).toBe(1)
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest
    const changed = manifest.documents.find((document) => document.source.path === file)!
    const cluster = manifest.clusters.find((item) => item.id === changed.cluster)
    const allowed = new Set(['manifest.json', ...manifest.documents.filter((document) => document.id === changed.id || (cluster && cluster.members.includes(document.id))).map((document) => document.output.path)])
    expect(result.written.changed).toContain(changed.output.path)
    expect(result.written.changed.every((name) => allowed.has(name))).toBe(true)
    await buildTo(reference, {paths: [input], cache: false})
    expect(snapshot(out)).toEqual(snapshot(reference))
  })

  it('misses on another configuration (here a source profile), and is right again', async () => {
    const profiles = path.join(work, 'profiles')
    mkdirSync(profiles, {recursive: true})
    writeFileSync(path.join(profiles, 'gazette.yaml'), 'name: Coastal Gazette\naliases: [The Gazette]\ndomains: [gazette.example]\n')
    const result = await buildTo(out, {paths: [input], cache, profiles: [profiles]})
    expect(result.cached).toBe(0)
    await buildTo(reference, {paths: [input], cache: false, profiles: [profiles]})
    expect(snapshot(out)).toEqual(snapshot(reference))
  })
})

describe('the worker pool', () => {
  it('gives the same result on 2 workers as on the main thread', async () => {
    const input = corpus('pool')
    const one = await build({paths: [input], jobs: 1})
    const two = await build({paths: [input], jobs: 2})
    const three = await build({paths: [input], jobs: 3})
    expect([...two.files]).toEqual([...one.files])
    expect([...three.files]).toEqual([...one.files])
  })

  it('shares the files between the main thread and the workers', async () => {
    const input = corpus('share')
    const {inputs, collector} = await collect({paths: [input], jobs: 3})
    try {
      // Spool 0 is the main thread's, 1 and 2 the workers'.
      const spools = new Set(collector.ordered(inputs.length).flatMap((result) => ('reason' in result ? [] : [result.at.spool])))
      expect([...spools].sort()).toEqual([0, 1, 2])
    } finally {
      await collector.close()
    }
  })
})

  it('keeps the main thread’s young generation from growing past its cap, with a worker running', async () => {
    // In a process of its own: the cap changes V8's flags for the whole process.
    const script = `
      import v8 from 'node:v8'
      import {Worker} from 'node:worker_threads'
      import {limitHeapGrowth} from ${JSON.stringify(pathToFileURL(path.join(root, 'dist', 'pipeline', 'pool.js')).href)}
      const young = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size
      const keep = new Array(200000)
      let next = 0
      const churn = async (rounds) => {
        for (let round = 0; round < rounds; round++) {
          for (let item = 0; item < 50000; item++) keep[next++ % keep.length] = {item, text: 'x' + item}
          await new Promise(setImmediate)
        }
      }
      // (as in a build: the pool's workers start first; a worker's start puts V8's growth factor back)
      const worker = new Worker('setTimeout(() => {}, 60000)', {eval: true})
      await new Promise((resolve) => worker.on('online', resolve))
      limitHeapGrowth()
      await churn(40)
      const before = young()
      await churn(100)
      console.log(JSON.stringify([before, young()]))
      await worker.terminate()
    `
    const {stdout} = await execa(process.execPath, ['--input-type=module', '-e', script])
    const [before, after] = JSON.parse(stdout) as number[]
    // Uncapped, V8 grows it to 32 MB under this load. The cap is set after a collection (V8 tells of them a
    // little later), so the young generation may have doubled past it by then, but it grows no further.
    expect(before).toBeLessThan(32 * 1024 * 1024)
    expect(after).toBe(before)
  })

describe('docprov build (CLI) with the cache', () => {
  it('says when nothing changed, and --no-cache processes every file', async () => {
    const input = corpus('cli')
    const out = path.join(work, 'cli-out')
    const env = {XDG_CACHE_HOME: path.join(work, 'xdg')}
    await execa('node', [cli, 'build', input, '--out', out], {env})
    const again = await execa('node', [cli, 'build', input, '--out', out, '--json'], {env})
    expect(again.stderr).toMatch(/\(nothing changed since the last build\)$/)
    expect(JSON.parse(again.stdout)).toMatchObject({upToDate: true, processed: 0})
    const forced = await execa('node', [cli, 'build', input, '--out', out, '--json', '--no-cache', '--jobs', '2'], {env})
    expect(JSON.parse(forced.stdout)).toMatchObject({upToDate: false, cached: 0, changed: []})
    const bad = await execa('node', [cli, 'build', input, '--out', out, '--jobs', '0'], {env, reject: false})
    expect(bad.exitCode).toBe(2)
    expect(bad.stderr).toContain('Invalid --jobs `0`')
  })
})
