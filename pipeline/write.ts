/** Write a build's files into OUT (or, with `check`, only say what would change). */
import {createHash, randomBytes} from 'node:crypto'
import {mkdir, open, readFile, rename, rm, writeFile, type FileHandle} from 'node:fs/promises'
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {Worker} from 'node:worker_threads'
import {DocprovError} from './errors.js'
import {crashPoint, lockFolder} from './lock.js'
import type {StageMessage, StageReport} from './stage-thread.js'
import {threadModule} from './version.js'

/** Options of `writeOutput` and `OutputWriter`. */
export interface WriteOptions {
  /** Write nothing; only report what would change. */
  check?: boolean
  /** When it aborts before the commit, the writer stops and OUT is left as it was. */
  signal?: AbortSignal
  /**
   * Past `stageThreadAfter` files, write the staged files on a thread of their
   * own (see `StageThread`), for a build that has more than one core (default: false).
   */
  stageThread?: boolean
}

/** What changed (or would change) in OUT, as paths relative to it, sorted. */
export interface WriteResult {
  changed: string[]
  removed: string[]
}

/** The lock an `OutputWriter` holds on OUT, and the prefixes of its staging and commit folders. */
export const outputLock = '.docprov-lock'
const stagePrefix = '.docprov-stage-'
const commitPrefix = '.docprov-commit-'
const journalName = 'journal.json'
/** The names a build gives its documents (see `names.ts`); anything else in a journal or manifest is ignored. */
const documentName = /^[^./\\][^/\\]*\.md$/
/** Temporary files of earlier versions of docprov, written in OUT itself. */
const oldTemporary = /^\..+\.[0-9a-f]{12}\.tmp$/

/** What a sealed commit folder holds: the staged documents, whether the manifest changed, and the stale outputs. */
interface Journal {
  docprovCommit: 1
  files: string[]
  manifest: boolean
  removed: string[]
}

/**
 * Make OUT hold exactly `files` (see `OutputWriter`): outputs listed by the
 * previous manifest that this build no longer makes are deleted; other files in
 * OUT are left alone. With `check`, nothing is written.
 */
export async function writeOutput(out: string, files: Map<string, string>, options: WriteOptions = {}): Promise<WriteResult> {
  const {written} = await OutputWriter.with(out, options, async (writer) => {
    for (const [name, content] of files) if (name !== 'manifest.json') await writer.put(name, content)
    const manifest = files.get('manifest.json')
    if (manifest !== undefined) await writer.manifest(manifest)
  })
  return written
}

/**
 * Writes a build into OUT so that OUT holds the previous build or the new one,
 * never a mix. The writer locks OUT (`.docprov-lock`), then stages each changed
 * document with `put`, and the manifest in pieces with `manifest`, in a folder
 * `.docprov-stage-*` inside OUT. `finish` writes a journal (what to move, what to
 * delete), seals the stage by renaming it to `.docprov-commit-*`, then moves each
 * document into place, deletes stale outputs and moves the manifest last; all
 * of that is synchronous, so no signal handler runs in between. Unchanged
 * files are not rewritten. `abort` (or an aborted `signal`, before the seal)
 * deletes the stage. A sealed commit that did not finish (the process was
 * killed) is rolled forward by the next writer on OUT; an unsealed stage is
 * deleted.
 */
export class OutputWriter {
  private readonly names = new Set<string>()
  private readonly changed: string[] = []
  private readonly staged: string[] = []
  private readonly hash = createHash('sha256')
  private manifestFile: AtomicFile | undefined
  private stage: string | undefined
  /** The thread writing staged files in a large build (see `StageThread`). */
  private thread: StageThread | undefined

  private constructor(
    readonly out: string,
    /** The names in OUT when the writer opened (it holds the lock: nothing else adds any). */
    private readonly present: {has(name: string): boolean},
    private readonly previous: ReadonlySet<string>,
    private readonly check: boolean,
    private readonly signal: AbortSignal | undefined,
    private release: (() => Promise<void>) | undefined,
    private readonly threaded = false
  ) {}

  /** Start writing into `out`: created and locked, an interrupted build's commit finished, unless `check`. */
  static async open(out: string, options: WriteOptions = {}): Promise<OutputWriter> {
    options.signal?.throwIfAborted()
    if (options.check) return new OutputWriter(out, namesIn(out), await previousOutputs(out), true, options.signal, undefined)
    await makeOutputFolder(out)
    const release = await lockFolder(out, {
      name: outputLock,
      wait: 0,
      busy: (holder) =>
        `Output folder \`${out}\` is being written by another docprov run (pid ${holder?.pid ?? '?'} on ${holder?.host ?? '?'}): wait for it to finish, or choose another --out`
    })
    try {
      recoverOutput(out)
      return new OutputWriter(out, namesIn(out), await previousOutputs(out), false, options.signal, release, options.stageThread === true)
    } catch (error) {
      await release()
      throw error
    }
  }

  /** Open a writer on `out`, hand it to `make` (it is a `Sink`), then finish it; nothing staged outlives a failure. */
  static async with<T>(out: string, options: WriteOptions, make: (writer: OutputWriter) => Promise<T>): Promise<{written: WriteResult; value: T}> {
    const writer = await OutputWriter.open(out, options)
    try {
      const value = await make(writer)
      return {written: await writer.finish(), value}
    } finally {
      await writer.abort()
    }
  }

  /** Stage one document, unless OUT already holds exactly this content (not flushed: a flush per file costs milliseconds). */
  async put(name: string, content: string): Promise<void> {
    this.signal?.throwIfAborted()
    this.names.add(name)
    const file = path.join(this.out, name)
    // Synchronous: small files in the page cache, where thread-pool round trips would cost more than the copies.
    // Only a name OUT holds is read (most of a first build's names are new).
    let current: string | undefined
    if (this.present.has(name)) {
      try {
        current = readFileSync(file, 'utf8')
      } catch {
        current = undefined
      }
    }
    if (current === content) return
    if (current !== undefined && !this.previous.has(name)) {
      throw new DocprovError(
        `Cannot write \`${file}\`: a file of that name is there, and the last build's manifest does not list it (docprov never overwrites files it did not write): move it away, or choose another --out`,
        {code: 'usage', path: file}
      )
    }
    this.changed.push(name)
    if (this.check) return
    const staged = path.join(this.stageFolder(), name)
    this.staged.push(name)
    // The first files are written here; past `stageThreadAfter`, by a thread of their own (when allowed).
    if (this.threaded && this.staged.length > stageThreadAfter) {
      this.thread ??= new StageThread()
      await this.thread.write(staged, content)
      return
    }
    try {
      writeFileSync(staged, content)
    } catch (error) {
      throw cannotWrite(file, error)
    }
    if (this.staged.length === 1) crashPoint('stage')
  }

  /** Add the next piece of `manifest.json`. */
  async manifest(chunk: string): Promise<void> {
    this.hash.update(chunk)
    if (this.check) return
    this.manifestFile ??= new AtomicFile(path.join(this.stageFolder(), 'manifest.json'))
    await this.manifestFile.write(chunk)
  }

  /** Commit (see the class comment), unless `check`; say what changed. */
  async finish(): Promise<WriteResult> {
    const file = path.join(this.out, 'manifest.json')
    const digest = this.hash.digest('hex')
    const current = await readFile(file).catch(() => undefined)
    const manifestChanged = !current || createHash('sha256').update(current).digest('hex') !== digest
    if (manifestChanged) this.changed.push('manifest.json')
    const removed = [...this.previous].filter((name) => !this.names.has(name)).sort()
    await this.stopThread()
    if (!this.check && (manifestChanged || removed.length > 0 || this.staged.length > 0)) {
      this.signal?.throwIfAborted()
      // The manifest reaches the disk inside the stage; the stage's other files are renamed as they are.
      if (manifestChanged) await (this.manifestFile ?? new AtomicFile(path.join(this.stageFolder(), 'manifest.json'))).commit()
      const stage = this.stageFolder()
      const journal: Journal = {docprovCommit: 1, files: [...this.staged].sort(), manifest: manifestChanged, removed}
      const sealed = path.join(this.out, commitPrefix + path.basename(stage).slice(stagePrefix.length))
      try {
        writeFileSync(path.join(stage, journalName), JSON.stringify(journal) + '\n', {flush: true})
        renameSync(stage, sealed)
      } catch (error) {
        throw cannotWrite(path.join(this.out, journalName), error)
      }
      // From here on the new build is committed: a crash is rolled forward by the next writer.
      this.stage = undefined
      crashPoint('commit')
      applyCommit(this.out, sealed)
    }
    return {changed: [...this.changed].sort(), removed}
  }

  /** Delete the stage, if it was not sealed, and release OUT. */
  async abort(): Promise<void> {
    // No staged file may land after the stage is deleted.
    await this.stopThread().catch(() => undefined)
    await this.manifestFile?.abort()
    if (this.stage) rmSync(this.stage, {recursive: true, force: true})
    this.stage = undefined
    const release = this.release
    this.release = undefined
    await release?.()
  }

  /** How many staged files were handed to the staging thread so far (0 when it never started). */
  get stagedOnThread(): number {
    return this.threaded ? Math.max(0, this.staged.length - stageThreadAfter) : 0
  }

  /** Wait for the staging thread's writes, stop it, and throw its first failure. */
  private async stopThread(): Promise<void> {
    const thread = this.thread
    this.thread = undefined
    await thread?.close()
  }

  private stageFolder(): string {
    if (!this.stage) {
      const stage = path.join(this.out, stagePrefix + randomBytes(6).toString('hex'))
      try {
        mkdirSync(stage)
      } catch (error) {
        throw cannotWrite(stage, error)
      }
      this.stage = stage
    }
    return this.stage
  }
}

/** Staged files written on the main thread before a `StageThread` takes over (a small build never starts one). */
export const stageThreadAfter = 256

/** Most files sent to a `StageThread` and not yet written. */
const stageBacklog = 512

/**
 * The thread that writes a large build's staged files (`stage-thread.ts`).
 * `write` waits only when `stageBacklog` files are still unwritten; `close`
 * waits for all of them, stops the thread, and throws the first failure.
 */
class StageThread {
  private readonly worker: Worker
  private sent = 0
  private written = 0
  private failure: StageReport['failure']
  private syncs = 0
  private readonly answers = new Map<number, () => void>()
  private exited: Error | undefined

  constructor() {
    this.worker = new Worker(threadModule('stage-thread.js'), {resourceLimits: {maxYoungGenerationSizeMb: 4}})
    this.worker.on('message', (report: StageReport) => {
      this.written = report.written
      this.failure ??= report.failure
      this.answers.get(report.sync)?.()
      this.answers.delete(report.sync)
    })
    const stopped = (error: Error) => {
      this.exited ??= error
      for (const answer of this.answers.values()) answer()
      this.answers.clear()
    }
    this.worker.on('error', stopped)
    this.worker.on('exit', () => stopped(new Error('The staging thread stopped (a bug)')))
  }

  async write(file: string, content: string): Promise<void> {
    this.check()
    this.worker.postMessage({file, content} satisfies StageMessage)
    this.sent++
    if (this.sent - this.written >= stageBacklog) await this.sync()
    this.check()
  }

  async close(): Promise<void> {
    try {
      await this.sync()
      this.check()
      if (this.written !== this.sent) throw new Error(`The staging thread wrote ${this.written} of ${this.sent} files (a bug)`)
    } finally {
      this.worker.removeAllListeners('exit')
      await this.worker.terminate()
    }
  }

  /** Wait until the thread has written what was sent so far. */
  private sync(): Promise<void> {
    if (this.exited) return Promise.resolve()
    const sync = ++this.syncs
    return new Promise((resolve) => {
      this.answers.set(sync, resolve)
      this.worker.postMessage({sync} satisfies StageMessage)
    })
  }

  private check(): void {
    if (this.failure) {
      const {file, code} = this.failure
      throw cannotWrite(path.join(path.dirname(path.dirname(file)), path.basename(file)), Object.assign(new Error(code), {code}))
    }
    if (this.exited) throw this.exited
  }
}

/**
 * Finish what an interrupted writer left in `out`: roll each sealed commit
 * forward, delete unsealed stages and old temporary files. Callers hold the
 * lock on `out`. Synchronous.
 */
export function recoverOutput(out: string): void {
  let names: string[]
  try {
    names = readdirSync(out).sort()
  } catch {
    return
  }
  for (const name of names) {
    const entry = path.join(out, name)
    if (name.startsWith(commitPrefix)) applyCommit(out, entry)
    else if (name.startsWith(stagePrefix) || oldTemporary.test(name)) rmSync(entry, {recursive: true, force: true})
  }
}

/** Move a sealed commit's documents into OUT, delete its stale outputs, move its manifest last, and delete it (idempotent). */
function applyCommit(out: string, sealed: string): void {
  let journal: Journal
  try {
    journal = JSON.parse(readFileSync(path.join(sealed, journalName), 'utf8')) as Journal
    if (journal.docprovCommit !== 1 || !Array.isArray(journal.files) || !Array.isArray(journal.removed)) throw new Error('not a journal')
  } catch (error) {
    throw new DocprovError(
      `Cannot finish the interrupted build in \`${sealed}\` (its journal is unreadable: ${(error as Error).message}): delete that folder and build again`,
      {code: 'io', path: sealed, cause: error}
    )
  }
  const move = (name: string) => {
    try {
      renameSync(path.join(sealed, name), path.join(out, name))
    } catch (error) {
      // Moved already, by a commit that was interrupted after this file.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw cannotWrite(path.join(out, name), error)
    }
  }
  for (const name of journal.files) if (documentName.test(name)) move(name)
  for (const name of journal.removed) if (documentName.test(name)) rmSync(path.join(out, name), {force: true})
  if (journal.manifest) move('manifest.json')
  rmSync(sealed, {recursive: true, force: true})
}

/**
 * A file written in pieces under a temporary name in its folder (buffered), then
 * flushed and renamed into place by `commit`; `abort` deletes the temporary file.
 * Readers see the old file or the whole new one, never a part.
 */
export class AtomicFile {
  private pending: string[] = []
  private pendingSize = 0
  private temporary: string | undefined
  private handle: FileHandle | undefined

  constructor(readonly file: string) {}

  /** Add a piece. */
  async write(chunk: string): Promise<void> {
    this.pending.push(chunk)
    this.pendingSize += chunk.length
    if (this.pendingSize >= 1 << 20) await this.drain()
  }

  private async drain(): Promise<void> {
    const text = this.pending.join('')
    this.pending = []
    this.pendingSize = 0
    try {
      if (!this.handle) {
        this.temporary = temporaryName(this.file)
        this.handle = await open(this.temporary, 'w')
      }
      await this.handle.write(text)
    } catch (error) {
      throw cannotWrite(this.file, error)
    }
  }

  /** Flush, and rename into place. */
  async commit(): Promise<void> {
    await this.drain()
    try {
      await this.handle!.sync()
      await this.handle!.close()
      this.handle = undefined
      await rename(this.temporary!, this.file)
      this.temporary = undefined
    } catch (error) {
      await this.abort()
      throw cannotWrite(this.file, error)
    }
  }

  /** Delete the temporary file, if it was not renamed into place. */
  async abort(): Promise<void> {
    await this.handle?.close().catch(() => undefined)
    this.handle = undefined
    if (this.temporary) await rm(this.temporary, {force: true})
    this.temporary = undefined
  }
}

/** Make the output folder, or fail with a clear error naming it. */
export async function makeOutputFolder(out: string): Promise<void> {
  await mkdir(out, {recursive: true}).catch((error: NodeJS.ErrnoException) => {
    throw new DocprovError(`Cannot create output folder \`${out}\` (${error.code ?? error.message}): choose another --out`, {
      code: 'io',
      path: out,
      cause: error
    })
  })
}

function temporaryName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
}

function cannotWrite(file: string, error: unknown): DocprovError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error)
  return new DocprovError(`Cannot write \`${file}\` (${code}): check that the output folder is writable and has space`, {
    code: 'io',
    path: file,
    cause: error
  })
}

/**
 * Write a file through a temporary name in the same folder, then rename it into
 * place: readers see the old file or the new one, never a part. With `flush`
 * (the default) the data reaches the disk before the rename.
 */
export async function writeAtomic(file: string, content: string | Uint8Array, options: {flush?: boolean} = {}): Promise<void> {
  const temporary = temporaryName(file)
  try {
    await writeFile(temporary, content, {flush: options.flush ?? true})
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, {force: true})
    throw cannotWrite(file, error)
  }
}

/** The names of the entries of `out` (none when it cannot be listed: then every put reads as before). */
function namesIn(out: string): {has(name: string): boolean} {
  try {
    return new Set(readdirSync(out))
  } catch {
    return {has: () => true}
  }
}

async function previousOutputs(out: string): Promise<Set<string>> {
  try {
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as {
      documents?: Array<{output?: {path?: unknown}}>
    }
    return new Set(
      (manifest.documents ?? [])
        .map((document) => document.output?.path)
        .filter((name): name is string => typeof name === 'string' && documentName.test(name))
    )
  } catch {
    return new Set()
  }
}
