/**
 * Lineage across documents: exact duplicates, variants (one text largely inside
 * another), clusters of documents that are one work, and metadata merged across a
 * cluster with the evidence of where each value came from.
 *
 * Candidates come from MinHash LSH band keys of content-defined chunks (see
 * `plugins/support/fingerprint.ts`): documents meet only when a band key is
 * shared, found by sorting (key, document) pairs, never by comparing all pairs.
 * Each candidate pair is then checked exactly on its shingle sets.
 */
import {sameOutlet} from '../plugins/extract-source.js'
import {sharedShingles, type Fingerprint} from '../plugins/support/fingerprint.js'
import {metadataFields, type Evidence, type FieldName, type Metadata} from '../plugins/types.js'
import {compare} from './discover.js'

/** Most documents one `link` call takes: a 32-bit band key and a rank share one double. */
const maxDocuments = 2 ** 21

/**
 * What lineage needs of a fingerprint. `shingles` may be only their number:
 * then `LinkOptions.shingles` loads them for the pairs that are checked
 * (most documents share no band with another, and their shingles are never
 * needed), so a build keeps about 2 KB less per document in memory.
 */
export type LineageFingerprint = Pick<Fingerprint, 'words' | 'digest' | 'bands'> & {shingles: Uint32Array | number}

/** One document as lineage sees it. */
export interface LineageInput {
  id: string
  /** Source path: the last tie-break of completeness. */
  path: string
  fingerprint: LineageFingerprint
  /** How many metadata fields the document has of its own (more is more complete). */
  fields: number
  /** Whether the document takes part (listing pages do not: they quote many articles). */
  eligible: boolean
}

/** How one document relates to another. */
export interface Relation {
  /** `duplicate-of`: same words; `variant-of`: this text lies largely inside the target's; `contains`: the reverse. */
  type: 'duplicate-of' | 'variant-of' | 'contains'
  target: string
  /** Jaccard similarity of the two shingle sets (3 decimals). */
  similarity: number
  /** Share of the smaller shingle set found in the larger (3 decimals). */
  containment: number
}

/** Documents that are one work. */
export interface LineageCluster {
  id: string
  /** The most complete text. */
  canonical: string
  /** Member ids from most to least complete; the canonical first. */
  members: string[]
}

/** What `link` finds. */
export interface Lineage {
  clusters: LineageCluster[]
  /** Relations of each document that has any, sorted by type then target. */
  relations: Map<string, Relation[]>
  /** Cluster id of each clustered document. */
  clusterOf: Map<string, string>
  /** Counts, for benchmarks and reports. */
  stats: {candidates: number; verified: number}
}

/** Options of `link`. */
export interface LineageOptions {
  /** Least containment for a variant (default: 0.7). */
  threshold?: number
  /** Fewest shingles a text needs to be linked at all (default: 16, about 20 words). */
  minShingles?: number
  /** Each member of an LSH bucket is paired with at most this many later members (default: 32). */
  window?: number
}

/** Options of `link` and `findEdges` over inputs of type `T`. */
export interface LinkOptions<T extends LineageInput> extends LineageOptions {
  /** The shingles of an input whose fingerprint holds only their number (required for such inputs). */
  shingles?: (input: T) => Uint32Array
}

/** Most loaded shingle sets kept while checking pairs. */
const loadedShingles = 1024

/** The number of shingles of a fingerprint. */
export function shingleCount(fingerprint: LineageFingerprint): number {
  return typeof fingerprint.shingles === 'number' ? fingerprint.shingles : fingerprint.shingles.length
}

/** A document as the lineage graph sees it: enough to rank and group it, no shingles. */
export interface LineageNode {
  id: string
  path: string
  /** Words of the body (more is more complete). */
  words: number
  /** Digest of the normalized words: equal for exact duplicates. */
  digest: string
  /** Number of distinct shingles. */
  shingles: number
  fields: number
  eligible: boolean
}

/** A verified pair of texts, by digest (so it holds for every exact copy of either). */
export interface LineageEdge {
  a: string
  b: string
  /** Jaccard similarity, 3 decimals. */
  similarity: number
  /** Share of the smaller text inside the larger, 3 decimals. */
  containment: number
}

/** The node of an input. */
export function nodeOf(input: LineageInput): LineageNode {
  const {id, path, fingerprint, fields, eligible} = input
  return {id, path, words: fingerprint.words, digest: fingerprint.digest, shingles: shingleCount(fingerprint), fields, eligible}
}

/**
 * Link documents: rank them by completeness (more words, then more own metadata
 * fields, then path), group exact duplicates, find variants through the LSH index
 * and check each candidate exactly, then attach every document to its best more
 * complete relative (highest containment). A cluster is a tree of such links; its
 * root, the most complete text, is the canonical. Deterministic: the result does
 * not depend on the order of `inputs`.
 */
export function link<T extends LineageInput>(inputs: readonly T[], options: LinkOptions<T> = {}): Lineage {
  const {edges, candidates} = findEdges(inputs, options)
  return assemble(inputs.map(nodeOf), edges, {...options, candidates})
}

/** Ranking: more words, then more own fields, then path, then id. */
function byCompleteness(a: LineageNode, b: LineageNode): number {
  return b.words - a.words || b.fields - a.fields || compare(a.path, b.path) || compare(a.id, b.id)
}

function eligibleNodes<T extends {eligible: boolean}>(items: readonly T[], shingles: (item: T) => number, options: LineageOptions): T[] {
  const minShingles = options.minShingles ?? 16
  return items.filter((item) => item.eligible && shingles(item) >= minShingles)
}

/**
 * Verified edges among `inputs`: one text per digest enters the LSH index
 * (band keys sorted with their document, so each bucket is a run); pairs
 * sharing a bucket (each member with at most `window` later ones) are checked
 * exactly on their shingle sets and kept at `threshold` containment or more.
 */
export function findEdges<T extends LineageInput>(inputs: readonly T[], options: LinkOptions<T> = {}): {edges: LineageEdge[]; candidates: number} {
  const threshold = validThreshold(options)
  const window = options.window ?? 32
  const seen = new Set<string>()
  const indexed = eligibleNodes(inputs, (input) => shingleCount(input.fingerprint), options)
    .map((input) => ({input, node: nodeOf(input)}))
    .sort((a, b) => byCompleteness(a.node, b.node))
    .map(({input}) => input)
    .filter((input) => !seen.has(input.fingerprint.digest) && Boolean(seen.add(input.fingerprint.digest)))
  const count = indexed.length
  if (count > maxDocuments) {
    throw new RangeError(`Cannot link more than ${maxDocuments} documents at once: build in shards (\`--shard\`) and merge`)
  }
  let total = 0
  for (const input of indexed) total += input.fingerprint.bands.length
  const entries = new Float64Array(total)
  let at = 0
  indexed.forEach((input, index) => {
    for (const key of input.fingerprint.bands) entries[at++] = key * maxDocuments + index
  })
  entries.sort()
  const pairs = new Set<number>()
  for (let start = 0; start < total; ) {
    const key = Math.floor(entries[start] / maxDocuments)
    let end = start + 1
    while (end < total && Math.floor(entries[end] / maxDocuments) === key) end++
    for (let a = start; a < end; a++) {
      const first = entries[a] % maxDocuments
      for (let b = a + 1; b < Math.min(end, a + 1 + window); b++) pairs.add(first * count + (entries[b] % maxDocuments))
    }
    start = end
  }
  const edges: LineageEdge[] = []
  const shingles = shingleLoader(options)
  // Pairs in order: each first member's pairs come together.
  for (const pair of [...pairs].sort((a, b) => a - b)) {
    const [a, b] = [indexed[Math.floor(pair / count)], indexed[pair % count]]
    const edge = verifyPair({digest: a.fingerprint.digest, shingles: shingles(a)}, {digest: b.fingerprint.digest, shingles: shingles(b)}, threshold)
    if (edge) edges.push(edge)
  }
  return {edges, candidates: pairs.size}
}

/** The shingles of an input: its own, or loaded by `options.shingles` (the last `loadedShingles` kept). */
function shingleLoader<T extends LineageInput>(options: LinkOptions<T>): (input: T) => Uint32Array {
  const kept = new Map<T, Uint32Array>()
  return (input) => {
    const own = input.fingerprint.shingles
    if (typeof own !== 'number') return own
    let found = kept.get(input)
    if (found) {
      // Most recently used last.
      kept.delete(input)
    } else {
      if (!options.shingles) throw new TypeError('Missing `shingles` in `options`, expected a function: a fingerprint holds only the number of its shingles')
      found = options.shingles(input)
      if (found.length !== own) throw new Error(`The shingles loaded for \`${input.path}\` are ${found.length}, expected ${own} (a bug)`)
      if (kept.size >= loadedShingles) kept.delete(kept.keys().next().value!)
    }
    kept.set(input, found)
    return found
  }
}

/** Check two fingerprints exactly: an edge when containment reaches `threshold`. */
export function verifyPair(a: Pick<Fingerprint, 'digest' | 'shingles'>, b: Pick<Fingerprint, 'digest' | 'shingles'>, threshold: number): LineageEdge | undefined {
  const smaller = Math.min(a.shingles.length, b.shingles.length)
  if (smaller === 0) return undefined
  // The fewest shared shingles that reach `threshold` (by the same division that decides).
  let needed = Math.max(0, Math.floor(threshold * smaller) - 1)
  while (needed / smaller < threshold) needed++
  const shared = sharedShingles(a.shingles, b.shingles, needed)
  if (shared < 0 || shared / smaller < threshold) return undefined
  return {a: a.digest, b: b.digest, similarity: round(shared / (a.shingles.length + b.shingles.length - shared)), containment: round(shared / smaller)}
}

function validThreshold(options: LineageOptions): number {
  const threshold = options.threshold ?? 0.7
  if (!(threshold > 0 && threshold <= 1)) throw new TypeError('Invalid `threshold` in `options`, expected a number in (0, 1]')
  return threshold
}

/**
 * Clusters and relations from nodes and verified edges: exact duplicates hang
 * from the most complete copy; every other text from its best more complete
 * relative (highest containment, then rank); each tree is a cluster whose root
 * is the canonical. Edges are by digest, so they follow whichever copy is the
 * most complete. The same nodes and edges always give the same result.
 */
export function assemble(
  nodes: readonly LineageNode[],
  edges: readonly LineageEdge[],
  options: LineageOptions & {candidates?: number} = {}
): Lineage {
  validThreshold(options)
  const ranked = eligibleNodes(nodes, (node) => node.shingles, options).sort(byCompleteness)
  const count = ranked.length
  const relations = new Map<string, Relation[]>()
  const parent = new Int32Array(count).fill(-1)
  const relate = (from: number, relation: Relation) => {
    const id = ranked[from].id
    const list = relations.get(id)
    if (list) list.push(relation)
    else relations.set(id, [relation])
  }

  // Exact duplicates: the most complete of each group stands for the rest.
  const representative = new Map<string, number>()
  for (let index = 0; index < count; index++) {
    const first = representative.get(ranked[index].digest)
    if (first === undefined) representative.set(ranked[index].digest, index)
    else {
      parent[index] = first
      relate(index, {type: 'duplicate-of', target: ranked[first].id, similarity: 1, containment: 1})
    }
  }

  const neighbours = new Map<number, Array<{other: number; containment: number}>>()
  const done = new Set<number>()
  let verified = 0
  const pairs = edges
    .map((edge) => ({edge, x: representative.get(edge.a), y: representative.get(edge.b)}))
    .filter((item): item is {edge: LineageEdge; x: number; y: number} => item.x !== undefined && item.y !== undefined && item.x !== item.y)
    .map(({edge, x, y}) => ({edge, better: Math.min(x, y), worse: Math.max(x, y)}))
    .sort((p, q) => p.better - q.better || p.worse - q.worse)
  for (const {edge, better, worse} of pairs) {
    if (done.has(better * count + worse)) continue
    done.add(better * count + worse)
    verified++
    const {similarity, containment} = edge
    relate(worse, {type: 'variant-of', target: ranked[better].id, similarity, containment})
    relate(better, {type: 'contains', target: ranked[worse].id, similarity, containment})
    const list = neighbours.get(worse) ?? []
    list.push({other: better, containment})
    neighbours.set(worse, list)
  }

  // Each text hangs from its best more complete relative; roots are canonicals.
  const root = new Int32Array(count)
  for (let index = 0; index < count; index++) {
    if (parent[index] < 0) {
      let best: {other: number; containment: number} | undefined
      for (const candidate of neighbours.get(index) ?? []) {
        if (!best || candidate.containment > best.containment || (candidate.containment === best.containment && candidate.other < best.other)) {
          best = candidate
        }
      }
      if (best) parent[index] = best.other
    }
    root[index] = parent[index] < 0 ? index : root[parent[index]]
  }

  const members = new Map<number, string[]>()
  for (let index = 0; index < count; index++) {
    const list = members.get(root[index]) ?? []
    list.push(ranked[index].id)
    members.set(root[index], list)
  }
  const clusters: LineageCluster[] = []
  const clusterOf = new Map<string, string>()
  for (const [index, ids] of members) {
    if (ids.length < 2) continue
    const id = `c-${ranked[index].id}`
    clusters.push({id, canonical: ranked[index].id, members: ids})
    for (const member of ids) clusterOf.set(member, id)
  }
  clusters.sort((a, b) => compare(a.id, b.id))
  for (const list of relations.values()) list.sort((a, b) => compare(a.type, b.type) || compare(a.target, b.target))
  return {clusters, relations, clusterOf, stats: {candidates: options.candidates ?? pairs.length, verified}}
}

/** Verified edges recorded in a manifest's relations (`variant-of`, from the smaller text), by digest. */
export function edgesOf(documents: ReadonlyArray<{id: string; fingerprint?: {digest: string}; relations: Relation[]}>): LineageEdge[] {
  const digests = new Map(documents.map((document) => [document.id, document.fingerprint?.digest]))
  const edges: LineageEdge[] = []
  for (const document of documents) {
    for (const relation of document.relations) {
      if (relation.type !== 'variant-of') continue
      const a = digests.get(document.id)
      const b = digests.get(relation.target)
      if (a && b) edges.push({a, b, similarity: relation.similarity, containment: relation.containment})
    }
  }
  return edges
}

/** A document as `mergeCluster` needs it. */
export interface MergeInput {
  id: string
  path: string
  metadata: Metadata
  evidence: Partial<Record<FieldName, Evidence[]>>
}

/** A member whose own value differs from the cluster's. */
export interface Conflict {
  field: FieldName
  /** The member with the differing value. */
  via: string
  value: unknown
}

/** A warning for one member, at a place in its own raw file. */
export interface MergeWarning {
  id: string
  ruleId: 'cluster-conflict'
  message: string
  line: number | null
  column: number | null
}

/** What `mergeCluster` gives. */
export interface Merged {
  /** The cluster's metadata: the canonical's values, gaps filled from other members. */
  metadata: Metadata
  /** Evidence of each cluster value, each item naming the member it came from (`via`). */
  evidence: Partial<Record<FieldName, Array<Evidence & {via: string}>>>
  conflicts: Conflict[]
  /** Per member: the fields it takes from others, with the donor's evidence (`via`). */
  inherited: Map<string, Partial<Record<FieldName, {value: unknown; evidence: Array<Evidence & {via: string}>}>>>
  warnings: MergeWarning[]
}

/** Fields that describe the work, so members share them. `kind` describes each file and is not shared. */
export const inheritedFields: readonly FieldName[] = metadataFields.filter((name) => name !== 'kind')
/** Fields whose differing values among members are reported. */
export const conflictFields: readonly FieldName[] = ['date', 'source', 'lang']

/**
 * Merge the metadata of a cluster's members (`members` from most to least
 * complete, the canonical first): each field takes the first member's own value;
 * a member without a value takes the cluster's, with the donor's evidence. A
 * member whose own date, source or language differs from the cluster's keeps its
 * own and gets a `cluster-conflict` warning citing both places.
 */
export function mergeCluster(cluster: LineageCluster, members: ReadonlyMap<string, MergeInput>): Merged {
  const ordered = cluster.members.map((id) => {
    const member = members.get(id)
    if (!member) throw new Error(`Missing member \`${id}\` of cluster \`${cluster.id}\``)
    return member
  })
  const canonical = ordered[0]
  const metadata = {...canonical.metadata}
  const evidence: Merged['evidence'] = {}
  const conflicts: Conflict[] = []
  const warnings: MergeWarning[] = []
  const inherited: Merged['inherited'] = new Map()

  for (const name of metadataFields) {
    if (!inheritedFields.includes(name)) {
      if (canonical.evidence[name]) evidence[name] = canonical.evidence[name]!.map((item) => ({...item, via: canonical.id}))
      continue
    }
    const donor = ordered.find((member) => !isEmpty(member.metadata[name]))
    if (!donor) continue
    const value = donor.metadata[name]
    const cited = (donor.evidence[name] ?? []).map((item) => ({...item, via: donor.id}))
    ;(metadata as Record<FieldName, unknown>)[name] = value
    evidence[name] = cited

    for (const member of ordered) {
      if (member === donor) continue
      const own = member.metadata[name]
      if (isEmpty(own)) {
        const fields = inherited.get(member.id) ?? {}
        fields[name] = {value, evidence: cited}
        inherited.set(member.id, fields)
      } else if (conflictFields.includes(name) && !agree(name, own, value)) {
        conflicts.push({field: name, via: member.id, value: own})
        const here = member.evidence[name]?.[0]
        const there = cited[0]
        warnings.push({
          id: member.id,
          ruleId: 'cluster-conflict',
          message: `Unexpected \`${name}\` ${show(own)}${here ? ` (${here.line}:${here.column})` : ''} in a copy of \`${donor.path}\`, which has ${show(value)}${there ? ` (${there.line}:${there.column})` : ''}; the cluster keeps ${show(value)}, this document keeps its own`,
          line: here?.line ?? null,
          column: here?.column ?? null
        })
      }
    }
  }
  conflicts.sort((a, b) => compare(a.field, b.field) || compare(a.via, b.via))
  return {metadata, evidence, conflicts, inherited, warnings}
}

function agree(name: FieldName, a: unknown, b: unknown): boolean {
  if (name === 'date' && typeof a === 'string' && typeof b === 'string') return a.slice(0, 10) === b.slice(0, 10)
  if (name === 'source' && typeof a === 'string' && typeof b === 'string') return sameOutlet(a, b)
  return JSON.stringify(a) === JSON.stringify(b)
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0)
}

function show(value: unknown): string {
  return typeof value === 'string' ? `\`${value}\`` : JSON.stringify(value)
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
