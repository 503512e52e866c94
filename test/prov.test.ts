/** W3C PROV export: `docprov prov OUT`, read back by the reference Python library (python3-prov). */
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {execa} from 'execa'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Manifest} from '../pipeline/manifest.js'
import {provDocument} from '../pipeline/prov.js'
import {pluginNames} from '../pipeline/processor.js'
import {haveTool} from './helpers.js'

const root = path.join(import.meta.dirname, '..')
const cli = path.join(root, 'dist', 'pipeline', 'cli.js')
const work = mkdtempSync(path.join(tmpdir(), 'docprov-prov-'))
const out = path.join(work, 'out')
const python = '/usr/bin/python3'
let manifest: Manifest
let full: Manifest['documents'][number]
let truncated: Manifest['documents'][number]

beforeAll(async () => {
  const env = {SOURCE_DATE_EPOCH: '1767225600'}
  await execa('node', [cli, 'build', 'seeds', '--out', out, '--quiet'], {cwd: root, env})
  await execa('node', [cli, 'prov', out], {cwd: root, env})
  manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'))
  full = manifest.documents.find((document) => document.source.path.includes('000_'))!
  truncated = manifest.documents.find((document) => document.source.path.includes('001_'))!
})
afterAll(() => rmSync(work, {recursive: true, force: true}))

describe('docprov prov', () => {
  it('writes OUT/prov.json, the same as provDocument, with the end time from SOURCE_DATE_EPOCH', () => {
    const written = JSON.parse(readFileSync(path.join(out, 'prov.json'), 'utf8'))
    expect(written.activity['docprov:build']['prov:endTime']).toBe('2026-01-01T00:00:00.000Z')
    const manifestText = readFileSync(path.join(out, 'manifest.json'), 'utf8')
    const expected = provDocument(manifest, {
      manifestSha256: createHash('sha256').update(manifestText).digest('hex'),
      endTime: new Date(1767225600 * 1000)
    })
    expect(written).toEqual(expected)
  })

  it('has no wall-clock time without SOURCE_DATE_EPOCH', () => {
    const document = provDocument(manifest) as {activity: Record<string, Record<string, unknown>>}
    expect(document.activity['docprov:build']).not.toHaveProperty('prov:endTime')
  })

  it('fails with a clear message when OUT has no manifest', async () => {
    const result = await execa('node', [cli, 'prov', path.join(work, 'missing')], {reject: false})
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toMatch(/^docprov: Cannot read `.*missing\/manifest\.json` \(ENOENT\): run `docprov build … --out .*missing` first$/)
  })
})

const hasProv = haveTool(
  'Debian python3-prov',
  () => spawnSync(python, ['-c', 'import prov'], {stdio: 'ignore'}).status === 0,
  'apt-get install -y python3-prov'
)

describe.runIf(hasProv)('PROV-JSON read by python3-prov', () => {
  interface Summary {
    entities: Record<string, Record<string, string[]>>
    agents: Record<string, Record<string, string[]>>
    activities: string[]
    derivations: Array<{generated: string; used: string; attributes: Record<string, string[]>}>
    attributions: Array<[string, string]>
    associations: Array<[string, string]>
    delegations: Array<[string, string]>
    members: Array<[string, string]>
    alternates: Array<[string, string]>
  }
  let summary: Summary

  beforeAll(() => {
    // The reference library parses the file; we read the records back through its model.
    const script = String.raw`
import json, sys
import prov
from prov.model import (ProvEntity, ProvAgent, ProvActivity, ProvDerivation, ProvAttribution,
  ProvAssociation, ProvDelegation, ProvMembership, ProvAlternate, PROV_ATTR_GENERATED_ENTITY,
  PROV_ATTR_USED_ENTITY)
doc = prov.read(sys.argv[1], format='json')
def text(value):
    # Literals print quoted; their value is what was written.
    return str(value.value) if isinstance(value, prov.model.Literal) else str(value)
def attrs(record):
    result = {}
    for key, value in record.attributes:
        result.setdefault(str(key), []).append(text(value))
    return result
def pair(record):
    values = [str(value) for _, value in record.formal_attributes if value is not None]
    return values[:2]
out = {
  'entities': {str(r.identifier): attrs(r) for r in doc.get_records(ProvEntity)},
  'agents': {str(r.identifier): attrs(r) for r in doc.get_records(ProvAgent)},
  'activities': [str(r.identifier) for r in doc.get_records(ProvActivity)],
  'derivations': [{'generated': str(r.get_attribute(PROV_ATTR_GENERATED_ENTITY).pop()),
                   'used': str(r.get_attribute(PROV_ATTR_USED_ENTITY).pop()),
                   'attributes': {str(k): [text(v)] for k, v in r.extra_attributes}} for r in doc.get_records(ProvDerivation)],
  'attributions': [pair(r) for r in doc.get_records(ProvAttribution)],
  'associations': [pair(r) for r in doc.get_records(ProvAssociation)],
  'delegations': [pair(r) for r in doc.get_records(ProvDelegation)],
  'members': [pair(r) for r in doc.get_records(ProvMembership)],
  'alternates': [pair(r) for r in doc.get_records(ProvAlternate)],
}
json.dump(out, sys.stdout)
`
    const result = spawnSync(python, ['-c', script, path.join(out, 'prov.json')], {encoding: 'utf8'})
    if (result.status !== 0) throw new Error(`python3-prov could not read prov.json:\n${result.stderr}`)
    summary = JSON.parse(result.stdout)
  })

  it('has the raw files and outputs as entities with their sha256', () => {
    for (const document of manifest.documents) {
      expect(summary.entities[`raw:${document.id}`]['docprov:sha256']).toEqual([document.source.sha256])
      expect(summary.entities[`raw:${document.id}`]['docprov:path']).toEqual([document.source.path])
      expect(summary.entities[`doc:${document.id}`]['docprov:sha256']).toEqual([document.output.sha256])
    }
    expect(summary.entities['docprov:manifest']).toBeDefined()
  })

  it('has the build as an activity, docprov and each plugin as software agents', () => {
    expect(summary.activities).toEqual(['docprov:build'])
    expect(summary.agents['docprov:docprov']['prov:type']).toEqual(['prov:SoftwareAgent'])
    for (const name of pluginNames()) {
      expect(summary.agents[`plugin:${name}`]['prov:type']).toEqual(['prov:SoftwareAgent'])
      expect(summary.delegations).toContainEqual([`plugin:${name}`, 'docprov:docprov'])
      expect(summary.associations).toContainEqual(['docprov:build', `plugin:${name}`])
    }
    expect(summary.associations).toContainEqual(['docprov:build', 'docprov:docprov'])
  })

  it('derives each output from its raw file and attributes it to the publisher', () => {
    for (const document of manifest.documents) {
      expect(summary.derivations).toContainEqual({
        generated: `doc:${document.id}`,
        used: `raw:${document.id}`,
        attributes: {'prov:type': ['prov:PrimarySource']}
      })
      expect(summary.attributions).toContainEqual([`doc:${document.id}`, 'outlet:trt-world'])
    }
    expect(summary.agents['outlet:trt-world']).toMatchObject({'prov:type': ['prov:Organization'], 'prov:label': ['TRT World']})
    // Only the full article names TRT World itself.
    expect(summary.attributions).toContainEqual([`raw:${full.id}`, 'outlet:trt-world'])
    expect(summary.attributions).not.toContainEqual([`raw:${truncated.id}`, 'outlet:trt-world'])
  })

  it('has a derivation for each inherited field, from the copy it came from', () => {
    const inherited = summary.derivations
      .filter((derivation) => derivation.attributes['prov:type']?.[0] === 'docprov:Inheritance')
      .map((derivation) => [derivation.generated, derivation.used, derivation.attributes['docprov:field'][0], derivation.attributes['docprov:value'][0]])
    expect(inherited).toEqual(
      expect.arrayContaining([
        [`doc:${full.id}`, `raw:${truncated.id}`, 'date', '2021-11-08'],
        [`doc:${truncated.id}`, `raw:${full.id}`, 'source', 'TRT World']
      ])
    )
    const fromManifest = manifest.documents.flatMap((document) =>
      Object.entries(document.evidence)
        .filter(([, evidence]) => evidence[0].via)
        .map(([name]) => `${document.id} ${name}`)
    )
    expect(inherited.length).toBe(fromManifest.length)
  })

  it('has the cluster as a collection of both outputs, the copies as alternates', () => {
    const [cluster] = manifest.clusters
    expect(summary.entities[`cluster:${cluster.id}`]['prov:type']).toEqual(['prov:Collection'])
    expect(summary.members.sort()).toEqual([
      [`cluster:${cluster.id}`, `doc:${full.id}`],
      [`cluster:${cluster.id}`, `doc:${truncated.id}`]
    ].sort())
    expect(summary.alternates).toEqual([[`doc:${truncated.id}`, `doc:${full.id}`]])
  })
})
