/**
 * Atomic, interrupt-safe output: a real SIGINT or SIGTERM sent to the CLI mid-build,
 * a SIGKILL before and after the commit, a full disk, a read-only OUT, a
 * second run on a locked OUT. After each, OUT is the previous build or the new
 * one, file for file, never a mix, and nothing temporary is left.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {hostname, tmpdir} from 'node:os'
import path from 'node:path'
import {execa, type ResultPromise} from 'execa'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {OutputWriter, outputLock, recoverOutput, stageThreadAfter} from '../pipeline/write.js'
import {writeCorpus} from './bench/throughput.js'
import {haveTool} from './helpers.js'

const root = path.join(import.meta.dirname, '..')
const cli = path.join(root, 'dist', 'pipeline', 'cli.js')
const work = mkdtempSync(path.join(tmpdir(), 'docprov-interrupt-'))
// The CLI's own temporary folder: whatever it leaves there is a leak.
const temporary = path.join(work, 'tmp')
const env = {SOURCE_DATE_EPOCH: '1767225600', TMPDIR: temporary}
const before = path.join(work, 'before')
const after = path.join(work, 'after')
/** Every file of OUT (dot files included) and its SHA-256, for the build before and after. */
let old: Map<string, string>
let next: Map<string, string>
/** The exit code of a whole build of each corpus (1 when it holds a rejected file). */
const code = new Map<string, number>()

afterAll(() => rmSync(work, {recursive: true, force: true}))

function docprov(args: string[], extra: Record<string, string> = {}) {
  return execa('node', [cli, ...args], {cwd: root, reject: false, env: {...env, ...extra}})
}

/** Every file under `folder` (relative path → SHA-256), sorted. */
function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>()
  const walk = (at: string) => {
    for (const entry of readdirSync(at, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(at, entry.name)
      if (entry.isDirectory()) walk(full)
      else files.set(path.relative(folder, full), createHash('sha256').update(readFileSync(full)).digest('hex'))
    }
  }
  walk(folder)
  return files
}

/** Which build OUT holds, exactly: 'old', 'new', or a description of the mix. */
function state(out: string): string {
  const now = snapshot(out)
  const same = (other: Map<string, string>) => now.size === other.size && [...other].every(([name, digest]) => now.get(name) === digest)
  if (same(old)) return 'old'
  if (same(next)) return 'new'
  return `a mix: ${[...now.keys()].filter((name) => now.get(name) !== old.get(name) && now.get(name) !== next.get(name)).slice(0, 5).join(', ')}`
}

function fresh(name: string): string {
  const out = path.join(work, name)
  rmSync(out, {recursive: true, force: true})
  cpSync(path.join(work, 'out-old'), out, {recursive: true})
  return out
}

function leftovers(): string[] {
  return existsSync(temporary) ? readdirSync(temporary) : []
}

/** Resolve when `test` holds (checked every few milliseconds), or after `timeout` ms. */
async function until(test: () => boolean, timeout = 20_000): Promise<boolean> {
  const end = Date.now() + timeout
  while (Date.now() < end) {
    if (test()) return true
    await new Promise((resolve) => setTimeout(resolve, 3))
  }
  return false
}

function staging(out: string): boolean {
  return readdirSync(out).some((name) => name.startsWith('.docprov-stage-'))
}

beforeAll(async () => {
  mkdirSync(temporary, {recursive: true})
  // Large enough to run on workers and to take a few seconds; the second corpus changes, adds and drops files.
  writeCorpus(before, 300, 11)
  writeCorpus(after, 300, 12)
  for (const [out, corpus] of [
    ['out-old', before],
    ['out-new', after]
  ]) {
    const result = await docprov(['build', corpus, '--out', path.join(work, out), '--no-cache', '--quiet'])
    expect(result.stderr).not.toContain('unexpected error')
    code.set(corpus, result.exitCode!)
  }
  old = snapshot(path.join(work, 'out-old'))
  next = snapshot(path.join(work, 'out-new'))
  expect(state(path.join(work, 'out-new'))).toBe('new')
}, 120_000)

describe('a build stopped by a signal', () => {
  const stops: Array<{signal: 'SIGINT' | 'SIGTERM'; code: number; when: string; wait: (out: string, run: ResultPromise) => Promise<boolean>}> = [
    // While files are processed on the workers.
    {signal: 'SIGINT', code: 130, when: 'processing', wait: async (out) => until(() => existsSync(path.join(out, outputLock))).then(async (ok) => (await sleep(400), ok))},
    {signal: 'SIGTERM', code: 143, when: 'processing', wait: async (out) => until(() => existsSync(path.join(out, outputLock))).then(async (ok) => (await sleep(400), ok))},
    // While documents are staged, after lineage.
    {signal: 'SIGINT', code: 130, when: 'staging', wait: async (out) => until(() => staging(out))},
    {signal: 'SIGTERM', code: 143, when: 'staging', wait: async (out) => until(() => staging(out))}
  ]
  for (const stop of stops) {
    it(`by ${stop.signal} while ${stop.when} leaves the previous OUT, no temporary file and no lock`, async () => {
      const out = fresh(`stop-${stop.signal}-${stop.when}`)
      const run = docprov(['build', after, '--out', out, '--no-cache'])
      expect(await stop.wait(out, run)).toBe(true)
      run.kill(stop.signal)
      const result = await run
      expect(result.exitCode, result.stderr).toBe(stop.code)
      expect(result.stderr).toContain(`docprov: stopped by ${stop.signal}: nothing of this run was committed`)
      expect(result.stderr).not.toContain('unexpected error')
      expect(state(out)).toBe('old')
      expect(leftovers()).toEqual([])
      // And the next build is not hindered.
      expect((await docprov(['build', after, '--out', out, '--no-cache', '--quiet'])).exitCode).toBe(code.get(after))
      expect(state(out)).toBe('new')
    }, 60_000)
  }

  it('on the main thread alone (--jobs 1), stops at the next file, not at the end of the batch', async () => {
    const whole = Date.now()
    await docprov(['build', after, '--out', fresh('jobs1-whole'), '--no-cache', '--jobs', '1', '--quiet'])
    const full = Date.now() - whole
    const out = fresh('jobs1-stop')
    const run = docprov(['build', after, '--out', out, '--no-cache', '--jobs', '1'])
    // Halfway through the whole build, files are being processed (most of a build is spent on them).
    await sleep(full / 2)
    const sent = Date.now()
    run.kill('SIGINT')
    const result = await run
    expect(result.exitCode, result.stderr).toBe(130)
    expect(state(out)).toBe('old')
    // Waiting for the rest of the batch would take a good part of the build.
    expect(Date.now() - sent).toBeLessThan(full / 5)
  }, 60_000)

  it('leaves the previous OUT or the new one, never a mix, whenever the signal comes', async () => {
    const seen = new Set<string>()
    for (const delay of [150, 900, 1700, 2600]) {
      const out = fresh(`stop-at-${delay}`)
      const run = docprov(['build', after, '--out', out, '--no-cache'])
      await sleep(delay)
      run.kill('SIGTERM')
      const result = await run
      // Stopped by the CLI's handler (exit 143), or killed outright: before the CLI has set its handlers (nothing is
      // touched yet), or after it has removed them at the very end (the new OUT is committed by then).
      const handled = result.exitCode === 143
      const killed = result.signal === 'SIGTERM'
      if (!handled && !killed) expect(result.exitCode, result.stderr).toBe(code.get(after))
      const now = state(out)
      expect(now === 'old' || now === 'new', now).toBe(true)
      // A stop the handler saw commits nothing, and says so; a run that was not stopped committed the new OUT.
      if (handled) expect(result.stderr).toContain('nothing of this run was committed')
      if (handled) expect(now).toBe('old')
      if (!handled && !killed) expect(now).toBe('new')
      expect(leftovers()).toEqual([])
      seen.add(now)
    }
    // At least one run really was stopped.
    expect(seen.has('old')).toBe(true)
  }, 120_000)
})

describe('an ingest stopped by a signal', () => {
  it('leaves the archive as it was, with no lock or journal, and the next ingest adds the files', async () => {
    const base = path.join(work, 'archive-base')
    rmSync(base, {recursive: true, force: true})
    expect((await docprov(['ingest', path.join(root, 'seeds'), '--archive', base, '--quiet'])).exitCode).toBe(0)
    const copy = (name: string) => {
      const archive = path.join(work, name)
      rmSync(archive, {recursive: true, force: true})
      cpSync(base, archive, {recursive: true})
      return archive
    }
    const whole = Date.now()
    const full = await docprov(['ingest', after, '--archive', copy('archive-whole'), '--quiet'])
    const duration = Date.now() - whole
    const archive = copy('archive-stop')
    const before = snapshot(archive)
    const run = docprov(['ingest', after, '--archive', archive])
    // Halfway through, files are being processed (most of an ingest is spent on them).
    await sleep(duration / 2)
    run.kill('SIGINT')
    const result = await run
    expect(result.exitCode, result.stderr).toBe(130)
    expect(result.stderr).toContain('docprov: stopped by SIGINT: nothing of this run was committed, the archive is as the last run left it')
    expect(snapshot(archive)).toEqual(before)
    expect(leftovers()).toEqual([])
    // The next ingest is not hindered and gives what an uninterrupted one gave.
    const next = await docprov(['ingest', after, '--archive', archive, '--quiet'])
    expect(next.exitCode).toBe(full.exitCode)
    expect(snapshot(archive)).toEqual(snapshot(path.join(work, 'archive-whole')))
  }, 60_000)
})

describe('a build killed outright (SIGKILL)', () => {
  it('before the commit: the next build deletes the stage and OUT stays the previous one until then', async () => {
    const out = fresh('killed-staging')
    const killed = await docprov(['build', after, '--out', out, '--no-cache', '--quiet'], {DOCPROV_CRASH_AT: 'stage'})
    expect(killed.signal).toBe('SIGKILL')
    expect(staging(out)).toBe(true)
    // What readers see: the old manifest and the old documents.
    const visible = [...snapshot(out)].filter(([name]) => !name.startsWith('.docprov-'))
    expect(visible).toEqual([...old])
    const rerun = await docprov(['build', before, '--out', out, '--no-cache', '--quiet'])
    expect(rerun.exitCode, rerun.stderr).toBe(code.get(before))
    expect(state(out)).toBe('old')
  }, 60_000)

  it('after the commit point: the next writer rolls the commit forward to the new OUT', async () => {
    const out = fresh('killed-commit')
    const killed = await docprov(['build', after, '--out', out, '--no-cache', '--quiet'], {DOCPROV_CRASH_AT: 'commit'})
    expect(killed.signal).toBe('SIGKILL')
    expect(readdirSync(out).some((name) => name.startsWith('.docprov-commit-'))).toBe(true)
    // The killed run's lock is left; its process is gone.
    expect(existsSync(path.join(out, outputLock))).toBe(true)
    recoverOutput(out)
    rmSync(path.join(out, outputLock))
    expect(state(out)).toBe('new')
    // Rolling forward again changes nothing (idempotent), and a build takes over a dead run's lock.
    cpSync(path.join(work, 'out-old'), out, {recursive: true})
    const again = await docprov(['build', after, '--out', out, '--no-cache', '--quiet'], {DOCPROV_CRASH_AT: 'commit'})
    expect(again.signal).toBe('SIGKILL')
    const rerun = await docprov(['build', after, '--out', out, '--no-cache', '--quiet'])
    expect(rerun.exitCode, rerun.stderr).toBe(code.get(after))
    expect(state(out)).toBe('new')
  }, 60_000)
})

describe('a build that cannot write', () => {
  it('fails on a full disk with an error naming the path, and leaves the previous OUT', async () => {
    const out = fresh('full')
    // `ulimit -f` makes writes past 64 KiB fail with EFBIG, as a full disk fails with ENOSPC.
    for (const limit of [1, 64]) {
      const result = spawnSync('bash', ['-c', `ulimit -f ${limit}; exec node "$0" "$@"`, cli, 'build', after, '--out', out, '--no-cache'], {
        cwd: root,
        env: {...process.env, ...env},
        encoding: 'utf8'
      })
      expect(result.status, result.stderr).toBe(2)
      expect(result.stderr).toMatch(/^docprov: Cannot write (the build's temporary spool in )?`[^`]+` \((EFBIG|ENOSPC)\): /m)
      expect(result.stderr).not.toContain('unexpected error')
      expect(state(out)).toBe('old')
      expect(leftovers()).toEqual([])
    }
  }, 60_000)

  it('writes a large stage on its own thread, file for file as on the main thread, and fails naming the file it could not write', async () => {
    const files = Array.from({length: stageThreadAfter + 300}, (_, index) => [`doc-${String(index).padStart(4, '0')}.md`, `# ${index}\n`.repeat(1 + (index % 7))] as const)
    const written: Array<Map<string, string>> = []
    for (const stageThread of [false, true]) {
      const out = path.join(work, `stage-thread-${stageThread}`)
      await OutputWriter.with(out, {stageThread}, async (writer) => {
        for (const [name, content] of files) await writer.put(name, content)
        await writer.manifest('{}\n')
        expect(writer.stagedOnThread).toBe(stageThread ? files.length - stageThreadAfter : 0)
      })
      written.push(snapshot(out))
    }
    expect(written[1].size).toBe(files.length + 1)
    expect(written[1]).toEqual(written[0])

    // The stage disappears under the thread's writes (as a folder unmounted or cleaned mid-build).
    const out = path.join(work, 'stage-thread-lost')
    mkdirSync(out)
    writeFileSync(path.join(out, 'keep.txt'), 'kept\n')
    const failed = OutputWriter.with(out, {stageThread: true}, async (writer) => {
      for (const [index, [name, content]] of files.entries()) {
        if (index === stageThreadAfter + 10) for (const entry of readdirSync(out)) if (entry.startsWith('.docprov-stage-')) rmSync(path.join(out, entry), {recursive: true})
        await writer.put(name, content)
      }
    })
    await expect(failed).rejects.toThrow(new RegExp(`^Cannot write \`${out}/doc-\\d{4}\\.md\` \\(ENOENT\\): check that the output folder is writable`))
    expect(readdirSync(out).sort()).toEqual(['keep.txt'])
  }, 60_000)

  it('fails on a read-only OUT with an error naming it, and changes nothing', async () => {
    const out = fresh('read-only')
    const root = process.getuid?.() === 0
    // Root writes through permissions: make the folder immutable instead.
    const lock = () => (root ? execFileSync('chattr', ['+i', out]) : chmodSync(out, 0o555))
    const unlock = () => (root ? execFileSync('chattr', ['-i', out]) : chmodSync(out, 0o755))
    if (!haveTool('chattr (e2fsprogs) on an ext2/3/4 temporary folder', () => (lock(), true), 'apt-get install -y e2fsprogs, or run as a user other than root')) return
    try {
      const result = await docprov(['build', after, '--out', out, '--no-cache'])
      expect(result.exitCode, result.stderr).toBe(2)
      expect(result.stderr).toContain(`docprov: Cannot lock \`${out}\` (`)
      expect(result.stderr).toContain('check that the folder is writable')
    } finally {
      unlock()
    }
    expect(state(out)).toBe('old')
    expect(leftovers()).toEqual([])
  }, 60_000)

  it('refuses an OUT that another live run is writing, and takes over the lock of a dead one', async () => {
    const out = fresh('locked')
    writeFileSync(path.join(out, outputLock), JSON.stringify({pid: process.pid, host: hostname(), token: 'x'}) + '\n')
    const refused = await docprov(['build', after, '--out', out, '--no-cache'])
    expect(refused.exitCode).toBe(1)
    expect(refused.stderr).toContain(`docprov: Output folder \`${out}\` is being written by another docprov run (pid ${process.pid} on ${hostname()})`)
    rmSync(path.join(out, outputLock))
    expect(state(out)).toBe('old')
    // A lock left by a process that is gone.
    const gone = spawnSync('true').pid
    writeFileSync(path.join(out, outputLock), JSON.stringify({pid: gone, host: hostname(), token: 'y'}) + '\n')
    const taken = await docprov(['build', after, '--out', out, '--no-cache', '--quiet'])
    expect(taken.exitCode, taken.stderr).toBe(code.get(after))
    expect(state(out)).toBe('new')
  }, 60_000)
})

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
