/**
 * Benchmark of archive ingestion: the cost of adding a batch of 1,000 files to
 * archives of growing size. Per-document data of the documents already held must
 * not be rewritten: the run lists what it created and checks that no older file
 * changed (only `manifest.json` is rewritten, once per run).
 */
import {mkdirSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {ingest} from '../../pipeline/ingest.js'
import {random, vocabulary} from './corpus.js'

/** Write `count` article-like raw files (date header, headline, paragraphs of sentences) into `folder`. */
export function writeArticles(folder: string, count: number, seed: number): void {
  mkdirSync(folder, {recursive: true})
  const next = random(seed)
  const words = vocabulary().slice(0, 3000)
  const word = () => words[Math.floor(next() ** 2 * words.length)]
  const sentence = (length: number) => {
    const parts = Array.from({length}, word)
    return parts[0][0].toUpperCase() + parts[0].slice(1) + ' ' + parts.slice(1).join(' ') + '.'
  }
  for (let index = 0; index < count; index++) {
    const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(next() * 3000) * 86400000).toISOString().slice(0, 10)
    const headline = sentence(7).slice(0, -1)
    const paragraphs = Array.from({length: 4 + Math.floor(next() * 5)}, () => Array.from({length: 3}, () => sentence(14 + Math.floor(next() * 10))).join(' '))
    writeFileSync(path.join(folder, `a${String(index).padStart(6, '0')}.txt`), ` date ${day}\n\n${headline}\n\n${paragraphs.join('\n\n')}\n`)
  }
}

function snapshot(folder: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>()
  for (const entry of readdirSync(path.join(folder, prefix), {withFileTypes: true})) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) for (const [name, stamp] of snapshot(folder, relative)) files.set(name, stamp)
    else {
      const info = statSync(path.join(folder, relative))
      files.set(relative, `${info.size}:${info.mtimeMs}`)
    }
  }
  return files
}

/** Ingest a batch of `batch` files into archives holding `sizes` documents; one row per size. */
export async function benchArchive(sizes: number[], batch = 1000) {
  const work = path.join(tmpdir(), 'docprov-bench-archive')
  rmSync(work, {recursive: true, force: true})
  const rows = []
  for (const size of sizes) {
    const archive = path.join(work, `archive-${size}`)
    for (let start = 0; start < size; start += 10000) {
      const folder = path.join(work, `base-${size}-${start}`)
      writeArticles(folder, Math.min(10000, size - start), size + start)
      await ingest({paths: [folder], archive, time: new Date(0)})
      rmSync(folder, {recursive: true, force: true})
    }
    const folder = path.join(work, `batch-${size}`)
    writeArticles(folder, batch, 999_999)
    const before = snapshot(archive)
    const started = process.hrtime.bigint()
    const result = await ingest({paths: [folder], archive, time: new Date(0)})
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    const after = snapshot(archive)
    const created = [...after.keys()].filter((name) => !before.has(name))
    const rewritten = [...before].filter(([name, stamp]) => name !== 'manifest.json' && after.get(name) !== stamp).map(([name]) => name)
    const createdBytes = created.reduce((sum, name) => sum + Number(after.get(name)!.split(':')[0]), 0)
    rows.push({
      held: size,
      batch,
      added: result.added.length,
      seconds: Math.round(seconds * 100) / 100,
      filesCreated: created.length,
      olderFilesRewritten: rewritten.length,
      createdMB: Math.round((createdBytes / 1e6) * 10) / 10,
      manifestMB: Math.round((Number(after.get('manifest.json')!.split(':')[0]) / 1e6) * 10) / 10
    })
    rmSync(folder, {recursive: true, force: true})
  }
  rmSync(work, {recursive: true, force: true})
  return rows
}

/** Print the archive table. */
export async function reportArchive(sizes: number[]) {
  const rows = await benchArchive(sizes)
  console.log('\nArchive: ingest 1,000 new files into an archive already holding N documents:')
  console.log('held N  added  seconds  files created  older files rewritten  created MB  manifest.json MB')
  for (const row of rows) {
    console.log(
      `${String(row.held).padStart(6)}  ${String(row.added).padStart(5)}  ${row.seconds.toFixed(2).padStart(7)}  ${String(row.filesCreated).padStart(13)}  ${String(row.olderFilesRewritten).padStart(21)}  ${row.createdMB.toFixed(1).padStart(10)}  ${row.manifestMB.toFixed(1).padStart(16)}`
    )
  }
  return rows
}
