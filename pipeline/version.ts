/** docprov's name and version, and where its package lies. */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

/** The folder of docprov's package.json (from `pipeline/` in source, or `dist/pipeline/` when built). */
export const packageRoot: string = (() => {
  let folder = path.dirname(fileURLToPath(import.meta.url))
  while (!existsSync(path.join(folder, 'package.json'))) {
    const parent = path.dirname(folder)
    if (parent === folder) throw new Error('Cannot find docprov’s package.json above ' + fileURLToPath(import.meta.url))
    folder = parent
  }
  return folder
})()

const pkg = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as {name: string; version: string}

/** The package version. */
export const version: string = pkg.version
/** The generator string written into outputs: `docprov@<version>`. */
export const generator = `${pkg.name}@${pkg.version}`

/**
 * The compiled module `pipeline/<name>` that a worker thread runs: beside this
 * one when built, else (from TypeScript sources, in tests) the one in `dist/`.
 */
export function threadModule(name: string): URL {
  const url = new URL(`./${name}`, import.meta.url)
  return existsSync(url) ? url : pathToFileURL(path.join(packageRoot, 'dist', 'pipeline', name))
}
