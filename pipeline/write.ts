/** Write a build's files into OUT (or, with `check`, only say what would change). */
import {randomBytes} from 'node:crypto'
import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
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
  const previous = await previousOutputs(out)
  const changed: string[] = []
  for (const [name, content] of files) {
    const current = await readFile(path.join(out, name), 'utf8').catch(() => undefined)
    if (current !== content) changed.push(name)
  }
  const removed = previous.filter((name) => !files.has(name)).sort()
  changed.sort()
  if (options.check) return {changed, removed}

  await mkdir(out, {recursive: true}).catch((error: NodeJS.ErrnoException) => {
    throw new DocprovError(`Cannot create output folder \`${out}\` (${error.code ?? error.message}): choose another --out`, {
      code: 'io',
      path: out,
      cause: error
    })
  })
  // The manifest goes last: until it is renamed into place, the old one stands.
  // Documents are renamed into place but not flushed one by one (a flush costs
  // milliseconds per file); the manifest, written last, is flushed.
  const order = changed.filter((name) => name !== 'manifest.json')
  for (const name of order) await writeAtomic(path.join(out, name), files.get(name)!, {flush: false})
  for (const name of removed) await rm(path.join(out, name), {force: true})
  if (changed.includes('manifest.json')) await writeAtomic(path.join(out, 'manifest.json'), files.get('manifest.json')!)
  return {changed, removed}
}

/**
 * Write a file through a temporary name in the same folder, then rename it into
 * place: readers see the old file or the new one, never a part. With `flush`
 * (the default) the data reaches the disk before the rename.
 */
export async function writeAtomic(file: string, content: string | Uint8Array, options: {flush?: boolean} = {}): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temporary, content, {flush: options.flush ?? true})
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, {force: true})
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new DocprovError(`Cannot write \`${file}\` (${code}): check that the output folder is writable and has space`, {
      code: 'io',
      path: file,
      cause: error
    })
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
