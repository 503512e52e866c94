/** Source profiles: YAML files that describe an outlet (name, aliases, domains, boilerplate). */
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {Ajv} from 'ajv'
import {parse} from 'yaml'
import type {BoilerplateRule} from '../plugins/strip-boilerplate.js'
import type {Profile} from '../plugins/types.js'
import {compare} from './discover.js'
import {DocprovError} from './errors.js'
import {packageRoot} from './version.js'

const schema = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: {type: 'string', minLength: 1},
    aliases: {type: 'array', items: {type: 'string', minLength: 1}},
    domains: {type: 'array', items: {type: 'string', pattern: '^[a-z0-9.-]+\\.[a-z]{2,}$'}},
    boilerplate: {
      type: 'array',
      items: {
        type: 'object',
        required: ['reason', 'pattern'],
        additionalProperties: false,
        properties: {reason: {type: 'string', pattern: '^[a-z][a-z-]*$'}, pattern: {type: 'string', minLength: 1}, maxLength: {type: 'integer', minimum: 1}}
      }
    }
  }
}
const validate = new Ajv({allErrors: true}).compile(schema)

/** The folder of the profiles that ship with docprov. */
export const builtinProfiles = path.join(packageRoot, 'pipeline', 'profiles')

/**
 * Load the built-in profiles, then those in `folders` (`*.yaml`, `*.yml`); a
 * later profile with the same name replaces an earlier one. Every problem in a
 * file is reported with its path.
 */
export async function loadProfiles(folders: string[] = []): Promise<Profile[]> {
  const byName = new Map<string, Profile>()
  for (const folder of [builtinProfiles, ...folders]) {
    const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
      throw new DocprovError(`Cannot read profiles folder \`${folder}\` (${error.code ?? error.message}): check --profiles`, {
        code: 'usage',
        path: folder,
        cause: error
      })
    })
    for (const name of names.filter((name) => /\.ya?ml$/i.test(name)).sort(compare)) {
      const file = path.join(folder, name)
      let data: unknown
      try {
        data = parse(await readFile(file, 'utf8'))
      } catch (error) {
        throw new DocprovError(`Cannot parse profile \`${file}\`: ${(error as Error).message}`, {code: 'usage', path: file, cause: error})
      }
      if (!validate(data)) {
        const problems = (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`).join('; ')
        throw new DocprovError(`Invalid profile \`${file}\`: ${problems}; expected {name, aliases?, domains?, boilerplate?: [{reason, pattern}]}`, {
          code: 'usage',
          path: file
        })
      }
      const profile = data as unknown as Profile & {boilerplate?: Array<{reason: string; pattern: string; maxLength?: number}>}
      for (const rule of profile.boilerplate ?? []) {
        try {
          new RegExp(rule.pattern, 'u')
        } catch (error) {
          throw new DocprovError(`Invalid pattern \`${rule.pattern}\` in profile \`${file}\`: ${(error as Error).message}`, {code: 'usage', path: file})
        }
      }
      byName.set(profile.name.toLowerCase(), {name: profile.name, aliases: profile.aliases ?? [], domains: profile.domains ?? [], boilerplate: profile.boilerplate ?? []})
    }
  }
  return [...byName.values()].sort((a, b) => compare(a.name, b.name))
}

/** The boilerplate rules of profiles, for `stripBoilerplate`. */
export function profileRules(profiles: Profile[]): BoilerplateRule[] {
  return profiles.flatMap((profile) =>
    (profile.boilerplate ?? []).map((rule) => ({reason: rule.reason, test: new RegExp(rule.pattern, 'iu'), maxLength: rule.maxLength ?? 400}))
  )
}
