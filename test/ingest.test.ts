/** Archive ingestion and verification: versions, duplicates, crashes, tampering, unsafe packages, locks. */
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {crc32} from 'node:zlib'
import {execa} from 'execa'
import {create as createTar} from 'tar'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ingest, type ArchiveManifest} from '../pipeline/ingest.js'
import {verifyArchive, verifyOutput} from '../pipeline/verify.js'

const root = path.join(import.meta.dirname, '..')
const cli = path.join(root, 'dist', 'pipeline', 'cli.js')
const work = mkdtempSync(path.join(tmpdir(), 'docprov-ingest-'))
const env = {SOURCE_DATE_EPOCH: '1767225600'}
const article = path.join(root, 'test', 'lineage', 'articles', 'vaccine-trial.txt')
afterAll(() => rmSync(work, {recursive: true, force: true}))

function docprov(args: string[], extra: Record<string, string> = {}) {
  return execa('node', [cli, ...args], {cwd: root, reject: false, env: {...env, ...extra}})
}

function manifestOf(archive: string): ArchiveManifest {
  return JSON.parse(readFileSync(path.join(archive, 'manifest.json'), 'utf8'))
}

/** A tar of the seeds plus one new article. */
async function seedsAndNewTar(): Promise<string> {
  const staging = path.join(work, 'staging')
  mkdirSync(path.join(staging, 'new'), {recursive: true})
  cpSync(path.join(root, 'seeds'), path.join(staging, 'seeds'), {recursive: true})
  cpSync(article, path.join(staging, 'new', 'vaccine.txt'))
  const file = path.join(work, 'batch.tar')
  await createTar({file, cwd: staging, portable: true}, ['seeds', 'new'])
  return file
}

/** A minimal zip (stored, no compression) with chosen names and Unix modes. */
function makeZip(entries: Array<{name: string; data: string; mode?: number}>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const data = Buffer.from(entry.data, 'utf8')
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x800, 6)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE((3 << 8) | 20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x800, 8)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(((entry.mode ?? 0o100644) << 16) >>> 0, 38)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, data)
    centrals.push(central, name)
    offset += local.length + name.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

describe('ingest the seeds, then a tar of the seeds and a new file', () => {
  const archive = path.join(work, 'archive')
  let manifest: ArchiveManifest

  beforeAll(async () => {
    const first = await docprov(['ingest', 'seeds', '--archive', archive, '-m', 'the seeds'])
    expect(first.exitCode).toBe(0)
    expect(first.stderr).toBe('v1: 2 added, 0 already held, 0 rejected, 0 older documents updated')
    const second = await docprov(['ingest', await seedsAndNewTar(), '--archive', archive, '--message', 'a re-crawl'])
    expect(second.exitCode).toBe(0)
    expect(second.stderr).toBe('v2: 1 added, 2 already held, 0 rejected, 0 older documents updated')
    manifest = manifestOf(archive)
  })

  it('adds only the new file, in v2', () => {
    expect(manifest.archive.head).toBe(2)
    expect(manifest.versions.map(({version, message, counts}) => ({version, message, counts}))).toEqual([
      {version: 1, message: 'the seeds', counts: {files: 2, added: 2, duplicate: 0, rejected: 0, changed: 0}},
      {version: 2, message: 'a re-crawl', counts: {files: 3, added: 1, duplicate: 2, rejected: 0, changed: 0}}
    ])
    expect(manifest.versions[1].time).toBe('2026-01-01T00:00:00.000Z')
    expect(manifest.documents).toHaveLength(3)
    const added = manifest.documents.filter((document) => document.names[0].version === 2)
    expect(added.map((document) => document.names.map((name) => name.path))).toEqual([[`${path.join(work, 'batch.tar')}!new/vaccine.txt`]])
  })

  it('keeps each raw file byte for byte under its sha256, with every name it came under', () => {
    for (const document of manifest.documents) {
      const stored = readFileSync(path.join(archive, 'raw', 'sha256', document.source.sha256.slice(0, 2), document.source.sha256.slice(2)))
      expect(document.source.path).toBe(`raw/sha256/${document.source.sha256.slice(0, 2)}/${document.source.sha256.slice(2)}`)
      const original = document.names[0].path.includes('!') ? readFileSync(article) : readFileSync(path.join(root, document.names[0].path))
      expect(stored.equals(original)).toBe(true)
    }
    const seed = manifest.documents.find((document) => document.names[0].path === 'seeds/000_3ba8a089deaed923.txt')!
    expect(seed.names.map((name) => [name.path, name.version])).toEqual([
      ['seeds/000_3ba8a089deaed923.txt', 1],
      [`${path.join(work, 'batch.tar')}!seeds/000_3ba8a089deaed923.txt`, 2]
    ])
  })

  it('builds documents as build does, with the seeds in one cluster', async () => {
    expect(manifest.clusters.map((cluster) => cluster.members.length)).toEqual([2])
    const seed = manifest.documents.find((document) => document.names[0].path === 'seeds/000_3ba8a089deaed923.txt')!
    expect(seed.metadata).toMatchObject({date: '2021-11-08', source: 'TRT World'})
    expect(seed.evidence.date![0]).toMatchObject({rule: 'crawl-date-header', line: 1, via: '59f27cb5926ace2d'})
    const built = readFileSync(path.join(root, 'output', '2021-11-08-000-3ba8a089deaed923.md'), 'utf8')
    const stored = readFileSync(path.join(archive, seed.output.path), 'utf8')
    // Same body and metadata; only the provenance paths differ (raw store instead of seeds/).
    expect(stored.split('\n---\n')[1]).toBe(built.split('\n---\n')[1])
  })

  it('verifies, and says nothing new on a third run', async () => {
    const verified = await docprov(['verify', '--archive', archive])
    expect(verified.exitCode).toBe(0)
    expect(verified.stderr).toMatch(/ is valid at v2: 3 documents, \d+ files hashed, \d+ spans checked$/)
    const again = await docprov(['ingest', 'seeds', '--archive', archive])
    expect(again.exitCode).toBe(0)
    expect(again.stderr).toBe(`nothing new: 2 files already held; ${archive} stays at v2`)
    expect(manifestOf(archive).archive.head).toBe(2)
  })
})

describe('a variant ingested later joins the work it belongs to', () => {
  it('updates the older document in a new version and keeps the old file', async () => {
    const archive = path.join(work, 'later')
    const env2 = {referenceDate: new Date('2026-01-01T00:00:00Z'), time: new Date('2026-01-01T00:00:00Z')}
    await ingest({paths: ['seeds/000_3ba8a089deaed923.txt'], archive, ...env2})
    const before = manifestOf(archive).documents[0]
    expect(before.metadata.date).toBeNull()
    const second = await ingest({paths: ['seeds/001_f6498cae55641803.txt'], archive, ...env2})
    expect(second.changed).toEqual([before.id])
    const after = second.manifest.documents.find((document) => document.id === before.id)!
    expect(after.metadata.date).toBe('2021-11-08')
    expect(after.output.path).toBe(before.output.path.replace('docs/v1/', 'docs/v2/'))
    expect(existsSync(path.join(archive, before.output.path))).toBe(true)
    expect(second.manifest.clusters.map((cluster) => cluster.canonical)).toEqual([before.id])
    expect((await verifyArchive(archive)).problems).toEqual([])
  })
})

describe('crash safety', () => {
  const steps = ['pending', 'raw', 'docs', 'index', 'version', 'manifest']
  let complete: ArchiveManifest

  beforeAll(async () => {
    const archive = path.join(work, 'uninterrupted')
    await docprov(['ingest', 'seeds', '--archive', archive])
    await docprov(['ingest', article, '--archive', archive])
    complete = manifestOf(archive)
  })

  for (const step of steps) {
    it(`survives SIGKILL after the first write of step ${step}, and a re-run completes it`, async () => {
      const archive = path.join(work, `crash-${step}`)
      expect((await docprov(['ingest', 'seeds', '--archive', archive])).exitCode).toBe(0)
      const killed = await docprov(['ingest', article, '--archive', archive], {DOCPROV_CRASH_AT: step})
      expect(killed.signal).toBe('SIGKILL')

      const between = await verifyArchive(archive)
      expect(between.problems).toEqual([])
      expect(between.version).toBe(step === 'manifest' ? 2 : 1)
      if (step !== 'manifest') expect(between.notes.map((note) => note.code)).toContain('interrupted-ingest')

      const rerun = await docprov(['ingest', article, '--archive', archive])
      expect(rerun.exitCode).toBe(0)
      const after = await verifyArchive(archive)
      expect(after).toMatchObject({valid: true, version: 2, notes: []})
      expect(manifestOf(archive)).toEqual(complete)
      expect(readdirSync(archive).filter((name) => name.startsWith('.'))).toEqual([])
    })
  }
})

describe('verify finds tampering', () => {
  const archive = path.join(work, 'tampered')
  beforeAll(async () => {
    await ingest({paths: ['seeds'], archive, time: new Date('2026-01-01T00:00:00Z')})
  })

  it('a flipped byte in a raw object', async () => {
    const document = manifestOf(archive).documents[0]
    const file = path.join(archive, document.source.path)
    const bytes = readFileSync(file)
    const at = document.evidence.lang![0].start
    bytes[at] ^= 0x20
    writeFileSync(file, bytes)
    const result = await verifyArchive(archive)
    expect(result.valid).toBe(false)
    expect(result.problems.map((problem) => [problem.code, problem.path])).toEqual(
      expect.arrayContaining([
        ['digest-mismatch', document.source.path],
        ['evidence-mismatch', document.source.path]
      ])
    )
    bytes[at] ^= 0x20
    writeFileSync(file, bytes)
    expect((await verifyArchive(archive)).valid).toBe(true)
  })

  it('a deleted output and a stray file, each with its code and path (CLI exit 1)', async () => {
    const document = manifestOf(archive).documents[1]
    const content = readFileSync(path.join(archive, document.output.path))
    rmSync(path.join(archive, document.output.path))
    writeFileSync(path.join(archive, 'docs', 'notes.txt'), 'mine\n')
    const result = await docprov(['verify', '--archive', archive])
    expect(result.exitCode).toBe(1)
    expect(result.stderr.split('\n')).toEqual([
      '  stray-file  docs/notes.txt  Unexpected file that the manifest does not list: remove it, or find out who put it there',
      `  missing-file  ${document.output.path}  Missing document, expected by the manifest`,
      `${archive} is not valid at v1: 2 problems`
    ])
    writeFileSync(path.join(archive, document.output.path), content)
    rmSync(path.join(archive, 'docs', 'notes.txt'))
    expect((await docprov(['verify', '--archive', archive])).exitCode).toBe(0)
  })

  it('checks a build OUT the same way', async () => {
    expect((await verifyOutput(path.join(root, 'output'))).problems).toEqual([])
    const out = path.join(work, 'out')
    await docprov(['build', 'seeds', '--out', out, '--quiet'])
    writeFileSync(path.join(out, 'extra.md'), 'x\n')
    const result = await docprov(['verify', out])
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toContain('  stray-file  extra.md  ')
  })
})

describe('unsafe packages', () => {
  it('rejects ../ entries and links, and writes nothing outside the archive', async () => {
    const place = path.join(work, 'unsafe')
    const archive = path.join(place, 'archive')
    mkdirSync(place, {recursive: true})
    const zip = path.join(work, 'unsafe.zip')
    writeFileSync(
      zip,
      makeZip([
        {name: 'ok/story.txt', data: readFileSync(article, 'utf8')},
        {name: '../escape.txt', data: 'Escaped text that must never be written anywhere.\n'},
        {name: '../../etc/evil.txt', data: 'evil\n'},
        {name: 'ok/passwd.txt', data: '/etc/passwd', mode: 0o120777},
        {name: 'ok/inside.txt', data: 'story.txt', mode: 0o120777}
      ])
    )
    const result = await ingest({paths: [zip], archive, time: new Date('2026-01-01T00:00:00Z')})
    expect(result.added).toHaveLength(1)
    expect(result.rejected.map((item) => [item.path.slice(zip.length + 1), item.reason])).toEqual([
      ['../../etc/evil.txt', 'unsafe-path'],
      ['../escape.txt', 'unsafe-path'],
      ['ok/inside.txt', 'link'],
      ['ok/passwd.txt', 'unsafe-link']
    ])
    expect(result.rejected[3].message).toBe('Unexpected link to `/etc/passwd`, outside the package: the link is not followed')
    expect(readdirSync(place)).toEqual(['archive'])
    expect(existsSync(path.join(work, 'escape.txt'))).toBe(false)
    expect(manifestOf(archive).rejected.map((item) => item.reason)).toEqual(['unsafe-path', 'unsafe-path', 'link', 'unsafe-link'])
    expect((await verifyArchive(archive)).problems).toEqual([])
  })
})

describe('two ingests at once', () => {
  it('fails the second with a clear message while the first holds the lock, and takes over a dead one’s lock', async () => {
    const archive = path.join(work, 'locked')
    mkdirSync(archive, {recursive: true})
    const {hostname} = await import('node:os')
    writeFileSync(path.join(archive, '.lock'), JSON.stringify({pid: process.pid, host: hostname(), token: 'x'}))
    const blocked = await docprov(['ingest', 'seeds', '--archive', archive])
    expect(blocked.exitCode).toBe(1)
    expect(blocked.stderr).toBe(
      `docprov: Archive \`${archive}\` is locked by another ingest (pid ${process.pid} on ${hostname()}): wait for it to finish, or pass --wait SECONDS`
    )
    expect(existsSync(path.join(archive, 'manifest.json'))).toBe(false)
    // A lock left by a process that is gone (killed) is taken over.
    writeFileSync(path.join(archive, '.lock'), JSON.stringify({pid: 2 ** 22 + 17, host: hostname(), token: 'y'}))
    const taken = await docprov(['ingest', 'seeds', '--archive', archive])
    expect(taken.exitCode).toBe(0)
    expect(existsSync(path.join(archive, '.lock'))).toBe(false)
  })

  it('serializes two real runs started together', async () => {
    const archive = path.join(work, 'race')
    const [a, b] = await Promise.all([
      docprov(['ingest', 'seeds', '--archive', archive, '--wait', '30']),
      docprov(['ingest', article, '--archive', archive, '--wait', '30'])
    ])
    expect([a.exitCode, b.exitCode]).toEqual([0, 0])
    const manifest = manifestOf(archive)
    expect(manifest.archive.head).toBe(2)
    expect(manifest.documents).toHaveLength(3)
    expect((await verifyArchive(archive)).valid).toBe(true)
  })
})
