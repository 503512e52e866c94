/**
 * Read `.tar`, `.tar.gz`/`.tgz` and `.zip` files into memory, entry by entry,
 * with node-tar and yauzl. Nothing is extracted to disk: entries become raw
 * inputs named `ARCHIVE!ENTRY`, so no entry name can make docprov write outside
 * its own folders. Unsafe entries are rejected with a reason.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {Parser, type ReadEntry} from 'tar'
import iconv from 'iconv-lite'
import yauzl from 'yauzl'
import {formatOf} from './discover.js'
import type {Rejection} from './manifest.js'
import type {Format} from './processor.js'

/** A file read from a package. */
export interface Entry {
  /** `ARCHIVE!ENTRY`, such as `batch.tar!seeds/000.txt`. */
  path: string
  bytes: Uint8Array
  format: Format
}

/** What a package holds: its files (sorted by name) and the entries rejected. */
export interface Unpacked {
  entries: Entry[]
  rejected: Rejection[]
}

/** Whether a path names a package docprov reads (by its extension). */
export function isPackage(file: string): boolean {
  return /\.(?:tar|tar\.gz|tgz|zip)$/i.test(file)
}

/**
 * Read a package. Entries with an absolute path or a `..` segment are rejected
 * `unsafe-path`; links pointing outside the package `unsafe-link`; links inside
 * it `link` (their target is read on its own); devices and the like
 * `unsupported-type`; files over `maxBytes` `too-large`. Folders, hidden entries
 * and files that are not text (by extension) are skipped, as in a folder.
 */
export async function unpack(file: string, maxBytes: number): Promise<Unpacked> {
  const bytes = await readFile(file)
  const raw = /\.zip$/i.test(file) ? await readZip(bytes, maxBytes) : await readTar(bytes, maxBytes)
  const entries: Entry[] = []
  const rejected: Rejection[] = []
  for (const item of raw) {
    const shown = `${file}!${item.name}`
    const problem = item.kind === 'file' ? unsafeName(item.name) : item.kind === 'link' ? unsafeLink(item.name, item.target) : undefined
    if (problem) {
      rejected.push({path: shown, sha256: null, reason: problem.reason, message: problem.message})
    } else if (item.kind === 'link') {
      rejected.push({
        path: shown,
        sha256: null,
        reason: 'link',
        message: `A link to \`${item.target}\` inside the package: that file is read on its own, the link is not followed`
      })
    } else if (item.kind === 'other') {
      rejected.push({path: shown, sha256: null, reason: 'unsupported-type', message: `Unexpected ${item.type} entry, expected a file: only files are read`})
    } else if (item.kind === 'file' && !hidden(item.name) && path.extname(item.name) && formatOf(item.name)) {
      if (item.size > maxBytes) {
        rejected.push({
          path: shown,
          sha256: null,
          reason: 'too-large',
          message: `Entry of ${item.size} bytes is larger than --max-bytes (${maxBytes}): raise --max-bytes or split the file`
        })
      } else entries.push({path: shown, bytes: item.bytes!, format: formatOf(item.name)!})
    }
  }
  const order = (a: {path: string}, b: {path: string}) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
  return {entries: entries.sort(order), rejected: rejected.sort(order)}
}

interface RawEntry {
  name: string
  kind: 'file' | 'link' | 'directory' | 'other'
  type?: string
  target?: string
  size: number
  bytes?: Uint8Array
}

function unsafeName(name: string): {reason: Rejection['reason']; message: string} | undefined {
  if (/^(?:[a-zA-Z]:|[\\/])/.test(name)) {
    return {reason: 'unsafe-path', message: `Unexpected absolute path \`${name}\` in the package, expected a relative one: the entry is not read`}
  }
  if (name.split(/[\\/]/).includes('..')) {
    return {reason: 'unsafe-path', message: `Unexpected \`..\` in \`${name}\`, expected a path inside the package: the entry is not read`}
  }
  return undefined
}

function unsafeLink(name: string, target = ''): {reason: Rejection['reason']; message: string} | undefined {
  const named = unsafeName(name)
  if (named) return named
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(name), target))
  if (/^(?:[a-zA-Z]:|[\\/])/.test(target) || resolved === '..' || resolved.startsWith('../')) {
    return {reason: 'unsafe-link', message: `Unexpected link to \`${target}\`, outside the package: the link is not followed`}
  }
  return undefined
}

function hidden(name: string): boolean {
  return name.split('/').some((part) => part.startsWith('.') && part !== '.' && part !== '..')
}

async function readTar(bytes: Buffer, maxBytes: number): Promise<RawEntry[]> {
  const entries: RawEntry[] = []
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({
      strict: true,
      onReadEntry(entry: ReadEntry) {
        const name = entry.path
        const kind =
          entry.type === 'File' || entry.type === 'OldFile' || entry.type === 'ContiguousFile'
            ? 'file'
            : entry.type === 'SymbolicLink' || entry.type === 'Link'
              ? 'link'
              : entry.type === 'Directory'
                ? 'directory'
                : 'other'
        const item: RawEntry = {name, kind, type: entry.type, target: entry.linkpath, size: entry.size ?? 0}
        entries.push(item)
        if (kind !== 'file' || item.size > maxBytes) {
          entry.resume()
          return
        }
        const chunks: Buffer[] = []
        entry.on('data', (chunk: Buffer) => chunks.push(chunk))
        entry.on('end', () => (item.bytes = new Uint8Array(Buffer.concat(chunks))))
      }
    })
    parser.on('error', reject)
    parser.on('warn', (code: string, message: string) => {
      if (code === 'TAR_BAD_ARCHIVE' || code === 'TAR_ABORT') reject(new Error(message))
    })
    parser.on('end', resolve)
    parser.end(bytes)
  })
  return entries
}

async function readZip(bytes: Buffer, maxBytes: number): Promise<RawEntry[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    // Names are decoded here, not by yauzl, so one unsafe name rejects its entry, not the whole file.
    yauzl.fromBuffer(bytes, {lazyEntries: true, decodeStrings: false}, (error, result) => (error ? reject(error) : resolve(result)))
  )
  const entries: RawEntry[] = []
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject)
    zip.on('end', resolve)
    zip.on('entry', (entry: yauzl.Entry) => {
      const rawName = entry.fileName as unknown as Buffer
      const name = (entry.generalPurposeBitFlag & 0x800) !== 0 ? rawName.toString('utf8') : iconv.decode(rawName, 'cp437')
      const mode = (entry.externalFileAttributes >>> 16) & 0o170000
      const kind = mode === 0o120000 ? 'link' : name.endsWith('/') ? 'directory' : 'file'
      const item: RawEntry = {name, kind, size: entry.uncompressedSize}
      entries.push(item)
      if (kind === 'directory' || (kind === 'file' && (item.size > maxBytes || unsafeName(name)))) {
        zip.readEntry()
        return
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error)
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('error', reject)
        stream.on('end', () => {
          const content = Buffer.concat(chunks)
          if (kind === 'link') item.target = content.toString('utf8')
          else item.bytes = new Uint8Array(content)
          zip.readEntry()
        })
      })
    })
    zip.readEntry()
  })
  return entries
}
