/** End-to-end: the built CLI, run with execa. */
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {execa} from 'execa'
import {afterAll, describe, expect, it} from 'vitest'

const root = path.join(import.meta.dirname, '..')
const cli = path.join(root, 'dist', 'pipeline', 'cli.js')
const work = mkdtempSync(path.join(tmpdir(), 'docprov-cli-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

function docprov(args: string[], cwd = root) {
  return execa('node', [cli, ...args], {cwd, reject: false, env: {SOURCE_DATE_EPOCH: '1767225600'}})
}

const article = 'A Short Headline Here\n\nThe first paragraph says what happened, in one plain sentence.\n\nSource: Example Herald\n'

describe('docprov CLI', () => {
  it('prints help for the program and for build', async () => {
    const main = await docprov(['--help'])
    expect(main.exitCode).toBe(0)
    expect(main.stdout).toContain('Usage: docprov <command> [options]')
    const help = await docprov(['build', '--help'])
    expect(help.exitCode).toBe(0)
    for (const flag of ['--out DIR', '--check', '--json', '--quiet', '--max-bytes N', '--help']) expect(help.stdout).toContain(flag)
  })

  it('prints the version', async () => {
    const {stdout, exitCode} = await docprov(['--version'])
    expect(exitCode).toBe(0)
    expect(stdout).toBe(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version)
  })

  it('exits 2 on usage errors, saying what to do', async () => {
    const none = await docprov([])
    expect(none.exitCode).toBe(2)
    const unknown = await docprov(['frobnicate'])
    expect(unknown.exitCode).toBe(2)
    expect(unknown.stderr).toBe('docprov: Unknown command `frobnicate`, expected `build`, `merge`, `ingest`, `verify`, `prov`, `feed` or `eval`\nTry `docprov --help`.')
    const noOut = await docprov(['build', 'seeds'])
    expect(noOut.exitCode).toBe(2)
    expect(noOut.stderr).toContain('Missing `--out DIR`: say where to write the documents')
    const noPaths = await docprov(['build', '--out', path.join(work, 'x')])
    expect(noPaths.exitCode).toBe(2)
    expect(noPaths.stderr).toContain('Missing input paths')
    const missing = await docprov(['build', 'no-such-folder', '--out', path.join(work, 'x')])
    expect(missing.exitCode).toBe(2)
    expect(missing.stderr).toContain('Cannot find input `no-such-folder`: check the path')
    const badFlag = await docprov(['build', 'seeds', '--out', path.join(work, 'x'), '--frail'])
    expect(badFlag.exitCode).toBe(2)
    expect(badFlag.stderr).toContain("Unknown option '--frail'")
    const badBytes = await docprov(['build', 'seeds', '--out', path.join(work, 'x'), '--max-bytes', 'lots'])
    expect(badBytes.exitCode).toBe(2)
    expect(badBytes.stderr).toContain('Invalid --max-bytes `lots`')
    expect(existsSync(path.join(work, 'x'))).toBe(false)
  })

  it('exits 2 when OUT cannot be written', async () => {
    const blocker = path.join(work, 'blocker')
    writeFileSync(blocker, 'a file, not a folder')
    const result = await docprov(['build', 'seeds', '--out', blocker])
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toContain(`Cannot create output folder \`${blocker}\``)
  })

  it('rejects bad files with reasons, goes on, and lists each input once', async () => {
    const input = path.join(work, 'mixed')
    mkdirSync(input)
    writeFileSync(path.join(input, 'good.txt'), article)
    writeFileSync(path.join(input, 'empty.txt'), '')
    writeFileSync(path.join(input, 'blank.txt'), ' \n\t\n\u00a0\n')
    writeFileSync(path.join(input, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48]))
    writeFileSync(path.join(input, 'big.txt'), 'Big File Title\n\n' + 'word '.repeat(100) + '\n')
    writeFileSync(path.join(input, 'notes.html'), '<p>not read from a folder</p>')
    writeFileSync(path.join(input, '.hidden.txt'), 'skipped')
    writeFileSync(path.join(work, 'page.html'), '<p>named on the command line</p>')
    const out = path.join(work, 'mixed-out')
    const result = await docprov(['build', input, path.join(work, 'page.html'), '--out', out, '--max-bytes', '300'])
    expect(result.exitCode).toBe(1)
    expect(result.stderr.split('\n').at(-1)).toBe('1 document, 0 clusters, 5 rejected, 1 warning')
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'))
    expect(manifest.documents.map((document: {source: {path: string}}) => path.basename(document.source.path))).toEqual(['good.txt'])
    expect(manifest.rejected.map((item: {path: string; reason: string}) => [path.basename(item.path), item.reason])).toEqual([
      ['big.txt', 'too-large'],
      ['binary.txt', 'binary'],
      ['blank.txt', 'empty'],
      ['empty.txt', 'empty'],
      ['page.html', 'unsupported-type']
    ])
    expect(result.stderr).toContain('error    Unexpected NUL byte, expected a text file: this looks like a binary file  binary')
    expect(readFileSync(path.join(out, 'a-short-headline-here.md'), 'utf8')).toContain('source: Example Herald')
  })

  it('checks OUT without writing, and exits 1 when it would change', async () => {
    const committed = await docprov(['build', 'seeds', '--out', 'output', '--check'])
    expect(committed.stderr).toContain('output is up to date')
    expect(committed.exitCode).toBe(0)

    const out = path.join(work, 'check-out')
    cpSync(path.join(root, 'output'), out, {recursive: true})
    const name = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')).documents[0].output.path as string
    writeFileSync(path.join(out, name), 'edited by hand\n')
    const stale = await docprov(['build', 'seeds', '--out', out, '--check'])
    expect(stale.exitCode).toBe(1)
    expect(stale.stderr).toContain(`${out} is out of date; these would change:\n  ${name}\n`)
    expect(readFileSync(path.join(out, name), 'utf8')).toBe('edited by hand\n')
  })

  it('removes outputs that a rebuild no longer makes, and leaves other files alone', async () => {
    const input = path.join(work, 'shrinking')
    mkdirSync(input)
    writeFileSync(path.join(input, 'a.txt'), article)
    writeFileSync(path.join(input, 'b.txt'), article.replace('A Short Headline Here', 'Another Headline Entirely'))
    const out = path.join(work, 'shrinking-out')
    expect((await docprov(['build', input, '--out', out])).exitCode).toBe(0)
    writeFileSync(path.join(out, 'notes.txt'), 'mine')
    rmSync(path.join(input, 'b.txt'))
    expect((await docprov(['build', input, '--out', out])).exitCode).toBe(0)
    expect(existsSync(path.join(out, 'another-headline-entirely.md'))).toBe(false)
    expect(existsSync(path.join(out, 'a-short-headline-here.md'))).toBe(true)
    expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('mine')
  })

  it('prints a JSON summary with --json, and nothing but errors with --quiet', async () => {
    const out = path.join(work, 'json-out')
    const result = await docprov(['build', 'seeds', '--out', out, '--json', '--quiet'])
    expect(result.exitCode).toBe(0)
    expect(result.stderr).toBe('')
    const summary = JSON.parse(result.stdout)
    expect(summary).toMatchObject({documents: 2, clusters: 1, rejected: 0, warnings: 5, check: false})
    expect(summary.changed).toEqual(['2021-11-08-000-3ba8a089deaed923.md', '2021-11-08-001-f6498cae55641803.md', 'manifest.json'])
    expect(summary.files[0].messages[0]).toEqual({
      ruleId: 'no-date',
      message: 'Missing publication date, expected a ` date YYYY-MM-DD` crawl header or a dateline',
      line: 1,
      column: 1,
      fatal: false
    })
  })

  it('reports warnings per file, unified-engine style', async () => {
    const result = await docprov(['build', 'seeds', '--out', path.join(work, 'report-out')])
    expect(result.exitCode).toBe(0)
    expect(result.stderr).toContain(
      'seeds/000_3ba8a089deaed923.txt\n  1:1      warning  Missing publication date, expected a ` date YYYY-MM-DD` crawl header or a dateline  no-date\n'
    )
    // The cache may already hold these files from another test: the line then says so.
    expect(result.stderr.split('\n').at(-1)).toMatch(/^2 documents, 1 cluster, 0 rejected, 5 warnings(?: \(0 processed, 2 from the cache\))?$/)
  })
})

describe('source profiles', () => {
  it('maps a user profile’s aliases to its name with --profiles', async () => {
    const input = path.join(work, 'profiled')
    const profiles = path.join(work, 'profiles')
    mkdirSync(input)
    mkdirSync(profiles)
    writeFileSync(path.join(input, 'a.txt'), article.replace('Source: Example Herald', 'Source: The Herald'))
    writeFileSync(path.join(profiles, 'herald.yaml'), 'name: Example Herald Group\naliases: [The Herald, Herald]\ndomains: [herald.example]\n')
    const out = path.join(work, 'profiled-out')
    expect((await docprov(['build', input, '--out', out])).exitCode).toBe(0)
    expect(readFileSync(path.join(out, 'a-short-headline-here.md'), 'utf8')).toContain('source: The Herald\n')
    expect((await docprov(['build', input, '--out', out, '--profiles', profiles])).exitCode).toBe(0)
    expect(readFileSync(path.join(out, 'a-short-headline-here.md'), 'utf8')).toContain('source: Example Herald Group\n')
  })

  it('rejects an invalid profile with its path and what is expected', async () => {
    const profiles = path.join(work, 'bad-profiles')
    mkdirSync(profiles)
    writeFileSync(path.join(profiles, 'bad.yaml'), 'aliases: [x]\n')
    const result = await docprov(['build', 'seeds', '--out', path.join(work, 'bad-out'), '--profiles', profiles])
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toContain(`Invalid profile \`${path.join(profiles, 'bad.yaml')}\`: / must have required property 'name'`)
  })
})

describe('docprov eval', () => {
  it('prints per-field precision and recall', async () => {
    const result = await docprov(['eval', 'test/eval'])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(/^\d+ cases\nfield +precision +recall +tp +fp +fn\ntitle /)
    expect(result.stdout).toMatch(/\ndate +1\.000 /)
  })
})
