/** Find the input files named by paths: files as given, directories walked recursively. */
import {readdir, realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import {DocprovError} from './errors.js'
import type {Format} from './processor.js'

/** One input file. */
export interface Input {
  /**
   * Path as given (joined with names found under a directory), with `/`
   * separators; a name that is not UTF-8 shows each byte from 0x80 up as `%XX`.
   */
  path: string
  /** How to parse it, or `null` when its type is not supported. */
  format: Format | null
  /** Where to read it, when that is not `path` (the bytes of a name that is not UTF-8). */
  location?: Buffer
  /** Why it is not read at all (a link out of the inputs, a broken link). */
  rejection?: {reason: 'unsafe-link' | 'unreadable'; message: string}
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
 * hidden files and folders, excluded folders, and folders already seen (a link
 * loop, or the same folder reached twice) are skipped. Links are followed only
 * to files and folders inside the given paths: a link out of them, or a broken
 * link, is an input rejected without being read. A missing path is a usage error.
 */
export async function discover(paths: string[], options: DiscoverOptions = {}): Promise<Input[]> {
  const exclude = new Set<string>()
  for (const folder of options.exclude ?? []) exclude.add(await realpath(folder).catch(() => path.resolve(folder)))
  const seenFolders = new Set<string>()
  const found = new Map<string, Input>()
  // Where links may lead: the given folders (and what is under them) and the given files.
  const roots: string[] = []

  const given = await Promise.all(
    paths.map(async (name) => {
      const info = await stat(name).catch((error: NodeJS.ErrnoException) => {
        throw new DocprovError(
          error.code === 'ENOENT'
            ? `Cannot find input \`${name}\`: check the path, or run docprov from the folder that holds it`
            : `Cannot read input \`${name}\` (${error.code ?? error.message}): check its permissions`,
          {code: 'usage', path: name, cause: error}
        )
      })
      roots.push(await realpath(name))
      return {name, info}
    })
  )
  for (const {name, info} of given) {
    const shown = toPosix(path.normalize(name))
    if (info.isDirectory()) await walk(name, shown)
    else found.set(shown, {path: shown, format: formatOf(name)})
  }

  return [...found.values()].sort((a, b) => compare(a.path, b.path))

  function inside(real: string): boolean {
    return roots.some((root) => real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep))
  }

  async function walk(folder: string | Buffer, shown: string): Promise<void> {
    const real = await realpath(folder)
    if (seenFolders.has(real) || exclude.has(real)) return
    seenFolders.add(real)
    // Names as bytes: a name that is not UTF-8 is still read by its own bytes.
    const entries = await readdir(folder, {withFileTypes: true, encoding: 'buffer'}).catch((error: NodeJS.ErrnoException) => {
      throw new DocprovError(`Cannot list folder \`${shown}\` (${error.code ?? error.message}): check its permissions`, {
        code: 'usage',
        path: shown,
        cause: error
      })
    })
    const named = entries.map((entry) => ({entry, name: nameOf(entry.name)})).sort((a, b) => compare(a.name.text, b.name.text))
    for (const {entry, name} of named) {
      if (name.text.startsWith('.')) continue
      const full = typeof folder === 'string' && name.utf8 ? path.join(folder, name.text) : Buffer.concat([Buffer.from(folder), Buffer.from(path.sep), entry.name])
      const display = shown === '.' ? name.text : `${shown}/${name.text}`
      let isDirectory = entry.isDirectory()
      let isFile = entry.isFile()
      const wanted = Boolean(formatOf(name.text) && path.extname(name.text))
      if (entry.isSymbolicLink()) {
        const target = await realpath(full).catch(() => undefined)
        const info = target ? await stat(target).catch(() => undefined) : undefined
        if (!target || !info) {
          if (wanted) found.set(display, {path: display, format: formatOf(name.text), rejection: {reason: 'unreadable', message: 'Broken link: its target does not exist; fix or remove the link'}})
          continue
        }
        if (!inside(target)) {
          if (wanted || info.isDirectory()) {
            found.set(display, {
              path: display,
              format: formatOf(name.text),
              rejection: {reason: 'unsafe-link', message: `Link to \`${target}\`, outside the inputs: not followed; name that path as an input to build it`}
            })
          }
          continue
        }
        isDirectory = info.isDirectory()
        isFile = info.isFile()
      }
      if (isDirectory) await walk(full, display)
      else if (isFile && wanted) {
        found.set(display, {path: display, format: formatOf(name.text), ...(typeof full === 'string' ? {} : {location: full})})
      }
    }
  }
}

/** The bytes of a path that `discover` showed with `%XX` for a name that is not UTF-8 (the inverse of its naming). */
export function pathBytes(shown: string): Buffer {
  return Buffer.concat(shown.split(/(%[0-9A-F]{2})/).map((part) => (/^%[0-9A-F]{2}$/.test(part) ? Buffer.from([parseInt(part.slice(1), 16)]) : Buffer.from(part))))
}

/** A file name as text: itself when it is UTF-8, else with each byte from 0x80 up as `%XX`. */
function nameOf(bytes: Buffer): {text: string; utf8: boolean} {
  const text = bytes.toString('utf8')
  if (Buffer.from(text).equals(bytes)) return {text, utf8: true}
  return {text: [...bytes].map((byte) => (byte < 0x80 ? String.fromCharCode(byte) : '%' + byte.toString(16).toUpperCase().padStart(2, '0'))).join(''), utf8: false}
}

/** Compare strings by code unit, the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function toPosix(value: string): string {
  return value.split(path.sep).join('/')
}
