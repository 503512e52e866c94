/** docprov's name and version, read from its package.json. */
import {readFileSync} from 'node:fs'

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  name: string
  version: string
}

/** The package version. */
export const version: string = pkg.version
/** The generator string written into outputs: `docprov@<version>`. */
export const generator = `${pkg.name}@${pkg.version}`
