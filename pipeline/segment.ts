/**
 * Lineage segments of an archive: for each version, the fingerprints of the
 * documents it added, written once and never changed (an append-only index).
 *
 * `index/vN.keys`: the LSH band keys, as sorted little-endian uint32 pairs
 * (key, ordinal); `index/vN.shingles`: each document's sorted shingle hashes
 * (uint32), one after another; `index/vN.json`: `[{id, digest, offset, count}]`
 * by ordinal (offset and count in shingles).
 *
 * Finding which old documents a batch may copy reads only the key files, in one
 * merge pass each, and the shingles of the candidates found.
 */
import {open, readFile} from 'node:fs/promises'
import path from 'node:path'
import type {Fingerprint} from '../plugins/support/fingerprint.js'
import {verifyPair, type LineageEdge} from './lineage.js'

/** One document of a segment. */
export interface SegmentDocument {
  id: string
  digest: string
  offset: number
  count: number
}

/** The three files of a segment, relative to the archive. */
export function segmentFiles(version: number): {keys: string; shingles: string; documents: string} {
  const stem = `index/v${version}`
  return {keys: `${stem}.keys`, shingles: `${stem}.shingles`, documents: `${stem}.json`}
}

/** The contents of a new segment for `documents` (in the given order). */
export function makeSegment(documents: ReadonlyArray<{id: string; fingerprint: Fingerprint}>): {keys: Uint8Array; shingles: Uint8Array; documents: string} {
  const pairs: Array<[number, number]> = []
  const list: SegmentDocument[] = []
  let offset = 0
  documents.forEach(({id, fingerprint}, ordinal) => {
    for (const key of fingerprint.bands) pairs.push([key, ordinal])
    list.push({id, digest: fingerprint.digest, offset, count: fingerprint.shingles.length})
    offset += fingerprint.shingles.length
  })
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const keys = new Uint32Array(pairs.length * 2)
  pairs.forEach(([key, ordinal], index) => {
    keys[index * 2] = key
    keys[index * 2 + 1] = ordinal
  })
  const shingles = new Uint32Array(offset)
  documents.forEach(({fingerprint}, ordinal) => shingles.set(fingerprint.shingles, list[ordinal].offset))
  return {keys: littleEndian(keys), shingles: littleEndian(shingles), documents: JSON.stringify(list) + '\n'}
}

/**
 * Verified edges between a batch and the documents of earlier segments: band
 * keys are merge-joined (each key pairs a batch document with at most `window`
 * old ones), then each candidate is checked exactly on its shingles.
 */
export async function edgesAgainst(
  archive: string,
  versions: readonly number[],
  batch: ReadonlyArray<{fingerprint: Fingerprint}>,
  options: {threshold: number; window: number}
): Promise<{edges: LineageEdge[]; candidates: number}> {
  const probes: Array<[number, number]> = []
  batch.forEach(({fingerprint}, index) => {
    for (const key of fingerprint.bands) probes.push([key, index])
  })
  probes.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const edges: LineageEdge[] = []
  let candidates = 0

  for (const version of versions) {
    const files = segmentFiles(version)
    const keys = fromLittleEndian(await readFile(path.join(archive, files.keys)))
    const documents = JSON.parse(await readFile(path.join(archive, files.documents), 'utf8')) as SegmentDocument[]
    const pairs = new Set<number>()
    let i = 0
    let j = 0
    const total = keys.length / 2
    while (i < probes.length && j < total) {
      const key = keys[j * 2]
      if (probes[i][0] < key) i++
      else if (probes[i][0] > key) j++
      else {
        let end = j
        while (end < total && keys[end * 2] === key && end - j < options.window) end++
        while (i < probes.length && probes[i][0] === key) {
          for (let at = j; at < end; at++) pairs.add(probes[i][1] * documents.length + keys[at * 2 + 1])
          i++
        }
        while (j < total && keys[j * 2] === key) j++
      }
    }
    candidates += pairs.size
    if (pairs.size === 0) continue
    const handle = await open(path.join(archive, files.shingles), 'r')
    try {
      const cache = new Map<number, Uint32Array>()
      for (const pair of [...pairs].sort((a, b) => a - b)) {
        const mine = batch[Math.floor(pair / documents.length)].fingerprint
        const ordinal = pair % documents.length
        let shingles = cache.get(ordinal)
        if (!shingles) {
          const document = documents[ordinal]
          const buffer = Buffer.alloc(document.count * 4)
          await handle.read(buffer, 0, buffer.length, document.offset * 4)
          shingles = fromLittleEndian(buffer)
          cache.set(ordinal, shingles)
        }
        const edge = verifyPair(mine, {digest: documents[ordinal].digest, shingles}, options.threshold)
        if (edge) edges.push(edge)
      }
    } finally {
      await handle.close()
    }
  }
  return {edges, candidates}
}

function littleEndian(values: Uint32Array): Uint8Array {
  const buffer = Buffer.alloc(values.length * 4)
  for (let index = 0; index < values.length; index++) buffer.writeUInt32LE(values[index], index * 4)
  return new Uint8Array(buffer)
}

function fromLittleEndian(buffer: Uint8Array): Uint32Array {
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  const values = new Uint32Array(buffer.byteLength / 4)
  for (let index = 0; index < values.length; index++) values[index] = view.getUint32(index * 4, true)
  return values
}
