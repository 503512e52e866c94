/** Find the input files named by paths: files as given, directories walked recursively. */
import {readdir, realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import {DocprovError} from './errors.js'
import type {Format} from './processor.js'

/** One input file. */
export interface Input {
  /** Path as given (joined with names found under a directory), with `/` separators. */
  path: string
  /** How to parse it, or `null` when its type is not supported. */
  format: Format | null
}

/** Options of `discover`. */
export interface DiscoverOptions {
  /** Directories never walked into (such as the output directory). */
  exclude?: string[]
}

const extensions: Record<string, Format> = {'.txt': 'text', '.text': 'text', '.md': 'markdown', '.markdown': 'markdown'}

/** The format of a file from its extension: `.txt` and files without one are text. */
export function formatOf(file: string): Format | null {
  const extension = path.extname(file).toLowerCase()
  if (!extension) return 'text'
  return extensions[extension] ?? null
}

/**
 * List the inputs under `paths`, sorted and without repeats. A named file is an
 * input whatever its type (unsupported types are rejected later, so they show in
 * the manifest). Directories are walked recursively for `.txt` and `.md` files;
 * hidden files and folders, excluded folders, and folders already seen through a
 * link are skipped. A missing path is a usage error.
 */
export async function discover(paths: string[], options: DiscoverOptions = {}): Promise<Input[]> {
  const exclude = new Set<string>()
  for (const folder of options.exclude ?? []) exclude.add(await realpath(folder).catch(() => path.resolve(folder)))
  const seenFolders = new Set<string>()
  const found = new Map<string, Input>()

  for (const given of paths) {
    const info = await stat(given).catch((error: NodeJS.ErrnoException) => {
      throw new DocprovError(
        error.code === 'ENOENT'
          ? `Cannot find input \`${given}\`: check the path, or run docprov from the folder that holds it`
          : `Cannot read input \`${given}\` (${error.code ?? error.message}): check its permissions`,
        {code: 'usage', path: given, cause: error}
      )
    })
    const shown = toPosix(path.normalize(given))
    if (info.isDirectory()) await walk(given, shown)
    else found.set(shown, {path: shown, format: formatOf(given)})
  }

  return [...found.values()].sort((a, b) => compare(a.path, b.path))

  async function walk(folder: string, shown: string): Promise<void> {
    const real = await realpath(folder)
    if (seenFolders.has(real) || exclude.has(real)) return
    seenFolders.add(real)
    const entries = await readdir(folder, {withFileTypes: true}).catch((error: NodeJS.ErrnoException) => {
      throw new DocprovError(`Cannot list folder \`${shown}\` (${error.code ?? error.message}): check its permissions`, {
        code: 'usage',
        path: shown,
        cause: error
      })
    })
    entries.sort((a, b) => compare(a.name, b.name))
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const full = path.join(folder, entry.name)
      const display = shown === '.' ? entry.name : `${shown}/${entry.name}`
      let isDirectory = entry.isDirectory()
      let isFile = entry.isFile()
      if (entry.isSymbolicLink()) {
        const target = await stat(full).catch(() => undefined)
        isDirectory = Boolean(target?.isDirectory())
        isFile = Boolean(target?.isFile())
      }
      if (isDirectory) await walk(full, display)
      else if (isFile && formatOf(entry.name) && path.extname(entry.name)) found.set(display, {path: display, format: formatOf(entry.name)})
    }
  }
}

/** Compare strings by code unit, the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function toPosix(value: string): string {
  return value.split(path.sep).join('/')
}
