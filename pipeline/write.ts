/** Write a build's files into OUT (or, with `check`, only say what would change). */
import {createHash, randomBytes} from 'node:crypto'
import {mkdir, open, readFile, rename, rm, writeFile, type FileHandle} from 'node:fs/promises'
import {readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {DocprovError} from './errors.js'

/** Options of `writeOutput`. */
export interface WriteOptions {
  /** Write nothing; only report what would change. */
  check?: boolean
}

/** What changed (or would change) in OUT, as paths relative to it, sorted. */
export interface WriteResult {
  changed: string[]
  removed: string[]
}

/**
 * Make OUT hold exactly `files`: each file is written to a temporary name and
 * renamed into place, `manifest.json` last; outputs listed by the previous
 * manifest that this build no longer makes are deleted. Other files in OUT are
 * left alone. With `check`, nothing is written.
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
 * Writes a build into OUT a file at a time (see `writeOutput`): documents with
 * `put`, as they are made; the manifest in pieces with `manifest`, into a
 * temporary file; then `finish` deletes stale outputs and renames the manifest
 * into place last. Until then the old manifest stands. Unchanged files are not
 * rewritten. `abort` removes what `finish` did not put in place.
 */
export class OutputWriter {
  private readonly names = new Set<string>()
  private readonly changed: string[] = []
  private readonly hash = createHash('sha256')
  private manifestFile: AtomicFile | undefined

  private constructor(
    readonly out: string,
    private readonly previous: string[],
    private readonly check: boolean
  ) {}

  /** Start writing into `out` (created unless `check`). */
  static async open(out: string, options: WriteOptions = {}): Promise<OutputWriter> {
    const previous = await previousOutputs(out)
    if (!options.check) await makeOutputFolder(out)
    return new OutputWriter(out, previous, Boolean(options.check))
  }

  /** Open a writer on `out`, hand it to `make` (it is a `Sink`), then finish it; the temporary manifest never outlives a failure. */
  static async with<T>(out: string, options: WriteOptions, make: (writer: OutputWriter) => Promise<T>): Promise<{written: WriteResult; value: T}> {
    const writer = await OutputWriter.open(out, options)
    try {
      const value = await make(writer)
      return {written: await writer.finish(), value}
    } finally {
      await writer.abort()
    }
  }

  /** Put one document (renamed into place now, not flushed: a flush per file costs milliseconds). */
  async put(name: string, content: string): Promise<void> {
    this.names.add(name)
    const file = path.join(this.out, name)
    // Synchronous: small files in the page cache, where thread-pool round trips would cost more than the copies.
    let current: string | undefined
    try {
      current = readFileSync(file, 'utf8')
    } catch {
      current = undefined
    }
    if (current === content) return
    this.changed.push(name)
    if (this.check) return
    const temporary = temporaryName(file)
    try {
      writeFileSync(temporary, content)
      renameSync(temporary, file)
    } catch (error) {
      rmSync(temporary, {force: true})
      throw cannotWrite(file, error)
    }
  }

  /** Add the next piece of `manifest.json`. */
  async manifest(chunk: string): Promise<void> {
    this.hash.update(chunk)
    if (this.check) return
    this.manifestFile ??= new AtomicFile(path.join(this.out, 'manifest.json'))
    await this.manifestFile.write(chunk)
  }

  /** Delete stale outputs, then put the manifest in place (flushed first); say what changed. */
  async finish(): Promise<WriteResult> {
    const file = path.join(this.out, 'manifest.json')
    const digest = this.hash.digest('hex')
    const current = await readFile(file).catch(() => undefined)
    const manifestChanged = !current || createHash('sha256').update(current).digest('hex') !== digest
    if (manifestChanged) this.changed.push('manifest.json')
    const removed = this.previous.filter((name) => !this.names.has(name)).sort()
    if (!this.check) {
      for (const name of removed) await rm(path.join(this.out, name), {force: true})
      if (manifestChanged) await (this.manifestFile ?? new AtomicFile(file)).commit()
    }
    return {changed: [...this.changed].sort(), removed}
  }

  /** Remove the manifest's temporary file, if it was not put in place. */
  async abort(): Promise<void> {
    await this.manifestFile?.abort()
  }
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

async function previousOutputs(out: string): Promise<string[]> {
  try {
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as {
      documents?: Array<{output?: {path?: unknown}}>
    }
    return (manifest.documents ?? [])
      .map((document) => document.output?.path)
      .filter((name): name is string => typeof name === 'string' && /^[^/\\]+\.md$/.test(name) && !name.startsWith('.'))
  } catch {
    return []
  }
}
