/** W3C PROV export of a build: PROV-JSON made from OUT/manifest.json. */
import path from 'node:path'
import slugify from '@sindresorhus/slugify'
import {sourceDateEpoch} from '../plugins/support/epoch.js'
import {metadataFields} from '../plugins/types.js'
import {DocprovError} from './errors.js'
import {loadManifest, type Manifest} from './manifest.js'
import {pluginNames} from './processor.js'
import {writeAtomic} from './write.js'
import {sha256} from '../plugins/support/metadata.js'

/** Options of `provDocument`. */
export interface ProvOptions {
  /** SHA-256 of `manifest.json` as written, to describe it as an entity. */
  manifestSha256?: string
  /** When the build ended; left out by default so the export is deterministic. */
  endTime?: Date
}

/** Namespaces of the export. */
export const provPrefixes = {
  docprov: 'https://docprov.dev/ns#',
  raw: 'urn:docprov:raw:',
  doc: 'urn:docprov:doc:',
  cluster: 'urn:docprov:cluster:',
  outlet: 'urn:docprov:outlet:',
  plugin: 'https://docprov.dev/plugins/',
  rejected: 'urn:docprov:rejected:'
} as const

type Records = Record<string, Record<string, unknown>>

/**
 * The PROV-JSON document of a build:
 *
 * - entities: each raw file (`raw:ID`, with its path, sha256, bytes, encoding),
 *   each output (`doc:ID`), each rejected input (`rejected:N`), each cluster
 *   (`cluster:ID`, a `prov:Collection` with `hadMember`), and the manifest;
 * - one activity, `docprov:build`, that `used` every input and generated every output;
 * - agents: docprov and each of its plugins (`prov:SoftwareAgent`, the plugins
 *   acting on behalf of docprov, all associated with the build), and each
 *   outlet named by a `source` (`prov:Organization`);
 * - `wasDerivedFrom` each output to its raw file, plus one derivation of type
 *   `docprov:Inheritance` for each field an output inherited from another copy
 *   (to that copy's raw file, with the field, value and byte span);
 * - `wasAttributedTo` each output (and each raw file with a source of its own)
 *   to its outlet; `alternateOf` between copies of one work.
 */
export function provDocument(manifest: Manifest, options: ProvOptions = {}): Record<string, unknown> {
  const entity: Records = {}
  const activity: Records = {}
  const agent: Records = {}
  const used: Records = {}
  const wasGeneratedBy: Records = {}
  const wasDerivedFrom: Records = {}
  const wasAttributedTo: Records = {}
  const wasAssociatedWith: Records = {}
  const actedOnBehalfOf: Records = {}
  const hadMember: Records = {}
  const alternateOf: Records = {}
  const build = 'docprov:build'
  const qualified = (name: string) => ({$: name, type: 'prov:QUALIFIED_NAME'})

  activity[build] = {
    'prov:type': qualified('docprov:Build'),
    'prov:label': `docprov ${manifest.generator.version} build`,
    ...(options.endTime ? {'prov:endTime': options.endTime.toISOString()} : {})
  }
  agent['docprov:docprov'] = {
    'prov:type': qualified('prov:SoftwareAgent'),
    'prov:label': 'docprov',
    'docprov:version': manifest.generator.version
  }
  wasAssociatedWith['_:associated-docprov'] = {'prov:activity': build, 'prov:agent': 'docprov:docprov'}
  for (const name of pluginNames()) {
    agent[`plugin:${name}`] = {'prov:type': qualified('prov:SoftwareAgent'), 'prov:label': name}
    actedOnBehalfOf[`_:delegated-${name}`] = {'prov:delegate': `plugin:${name}`, 'prov:responsible': 'docprov:docprov', 'prov:activity': build}
    wasAssociatedWith[`_:associated-${name}`] = {'prov:activity': build, 'prov:agent': `plugin:${name}`}
  }

  const outlets = new Map<string, string>()
  const outletOf = (name: string) => {
    const id = `outlet:${slugify(name) || 'outlet'}`
    if (!outlets.has(id)) {
      outlets.set(id, name)
      agent[id] = {'prov:type': qualified('prov:Organization'), 'prov:label': name}
    }
    return id
  }

  for (const document of manifest.documents) {
    const raw = `raw:${document.id}`
    const output = `doc:${document.id}`
    entity[raw] = {
      'prov:type': qualified('docprov:RawFile'),
      'prov:label': document.source.path,
      'docprov:path': document.source.path,
      'docprov:sha256': document.source.sha256,
      'docprov:bytes': document.source.bytes,
      'docprov:encoding': document.source.encoding
    }
    entity[output] = {
      'prov:type': qualified('docprov:Document'),
      'prov:label': document.metadata.title ?? document.output.path,
      'docprov:path': document.output.path,
      'docprov:sha256': document.output.sha256,
      ...(document.metadata.date ? {'docprov:date': document.metadata.date} : {})
    }
    used[`_:used-${document.id}`] = {'prov:activity': build, 'prov:entity': raw}
    wasGeneratedBy[`_:generated-${document.id}`] = {'prov:entity': output, 'prov:activity': build}
    wasDerivedFrom[`_:derived-${document.id}`] = {
      'prov:generatedEntity': output,
      'prov:usedEntity': raw,
      'prov:activity': build,
      'prov:type': qualified('prov:PrimarySource')
    }
    for (const name of metadataFields) {
      const evidence = document.evidence[name]
      const via = evidence?.[0]?.via
      if (!evidence || !via) continue
      wasDerivedFrom[`_:inherited-${document.id}-${name}`] = {
        'prov:generatedEntity': output,
        'prov:usedEntity': `raw:${via}`,
        'prov:activity': build,
        'prov:type': qualified('docprov:Inheritance'),
        'docprov:field': name,
        'docprov:value': typeof document.metadata[name] === 'string' ? document.metadata[name] : JSON.stringify(document.metadata[name]),
        'docprov:evidence': evidence.map((item) => `${item.path}:${item.line}:${item.column} bytes ${item.start}-${item.end} ${item.rule}`).join('; ')
      }
    }
    if (document.metadata.source) {
      const outlet = outletOf(document.metadata.source)
      wasAttributedTo[`_:attributed-${document.id}`] = {'prov:entity': output, 'prov:agent': outlet}
      if (document.evidence.source && !document.evidence.source[0].via) {
        wasAttributedTo[`_:attributed-raw-${document.id}`] = {'prov:entity': raw, 'prov:agent': outlet}
      }
    }
    for (const relation of document.relations) {
      if (relation.type === 'contains') continue
      alternateOf[`_:alternate-${document.id}-${relation.target}`] = {'prov:alternate1': output, 'prov:alternate2': `doc:${relation.target}`}
    }
  }

  manifest.rejected.forEach((rejection, index) => {
    const id = `rejected:${index + 1}`
    entity[id] = {
      'prov:type': qualified('docprov:RejectedFile'),
      'prov:label': rejection.path,
      'docprov:path': rejection.path,
      ...(rejection.sha256 ? {'docprov:sha256': rejection.sha256} : {}),
      'docprov:reason': rejection.reason
    }
    used[`_:used-rejected-${index + 1}`] = {'prov:activity': build, 'prov:entity': id}
  })

  for (const cluster of manifest.clusters) {
    const id = `cluster:${cluster.id}`
    entity[id] = {
      'prov:type': qualified('prov:Collection'),
      'prov:label': cluster.metadata.title ?? cluster.id,
      'docprov:canonical': `doc:${cluster.canonical}`
    }
    wasGeneratedBy[`_:generated-${cluster.id}`] = {'prov:entity': id, 'prov:activity': build}
    for (const member of cluster.members) hadMember[`_:member-${cluster.id}-${member}`] = {'prov:collection': id, 'prov:entity': `doc:${member}`}
  }

  entity['docprov:manifest'] = {
    'prov:type': qualified('docprov:Manifest'),
    'prov:label': 'manifest.json',
    'docprov:path': 'manifest.json',
    ...(options.manifestSha256 ? {'docprov:sha256': options.manifestSha256} : {})
  }
  wasGeneratedBy['_:generated-manifest'] = {'prov:entity': 'docprov:manifest', 'prov:activity': build}

  const sections: Record<string, Records> = {
    entity,
    activity,
    agent,
    used,
    wasGeneratedBy,
    wasDerivedFrom,
    wasAttributedTo,
    wasAssociatedWith,
    actedOnBehalfOf,
    hadMember,
    alternateOf
  }
  const result: Record<string, unknown> = {prefix: {...provPrefixes}}
  for (const [name, records] of Object.entries(sections)) {
    if (Object.keys(records).length > 0) result[name] = records
  }
  return result
}

/**
 * Read `OUT/manifest.json` and write `OUT/prov.json` (atomically). Returns the
 * path written. The end time is recorded only when `SOURCE_DATE_EPOCH` is set.
 */
export async function writeProv(out: string): Promise<string> {
  const state = await loadManifest(out)
  if ('problem' in state) {
    const file = path.join(out, 'manifest.json')
    const hint = state.problem.code === 'manifest-missing' ? `run \`docprov build … --out ${out}\` first` : 'rebuild it with `docprov build`'
    throw new DocprovError(`${state.problem.message}: ${hint}`, {code: 'io', path: file})
  }
  const {manifest, text} = state
  const document = provDocument(manifest, {manifestSha256: sha256(text), endTime: sourceDateEpoch()})
  const target = path.join(out, 'prov.json')
  await writeAtomic(target, JSON.stringify(document, null, 2) + '\n')
  return target
}
