/**
 * Hostile and broken input: linear time on pathological files, limits, exact
 * YAML for hostile values, inert Markdown, safe output names, awkward input
 * names, and links out of the inputs.
 */
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type {Root} from 'mdast'
import {execa} from 'execa'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {afterAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {build, readInput} from '../pipeline/build.js'
import {printable} from '../pipeline/cli.js'
import {validateManifest} from '../pipeline/manifest.js'
import {assignNames, slugOf} from '../pipeline/names.js'
import {hostileCases, measure} from './bench/hostile.js'
import {readMarkdown, withoutEmpty} from './helpers.js'

const root = path.join(import.meta.dirname, '..')
const cli = path.join(root, 'dist', 'pipeline', 'cli.js')
const work = mkdtempSync(path.join(tmpdir(), 'docprov-hostile-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))
const referenceDate = new Date('2026-01-01T00:00:00Z')
const env = {SOURCE_DATE_EPOCH: '1767225600'}

function docprov(args: string[]) {
  return execa('node', [cli, ...args], {cwd: root, reject: false, env})
}

let count = 0
function folder(): string {
  const made = path.join(work, `case-${count++}`)
  mkdirSync(made)
  return made
}

const body = [
  'The council met on Tuesday to debate the budget for the coming year, and the debate ran late into the evening.',
  'Members said the plan would keep the libraries open and fund repairs to the harbour wall before the winter storms.'
]

describe('linear time', () => {
  // Times at a size and at four times that size: linear work gives about 4×, quadratic 16×.
  // The bound (10×, with a floor for timer noise) breaks only on a super-linear blow-up.
  for (const hostile of hostileCases) {
    it(`${hostile.name}: four times the input takes well under sixteen times as long`, async () => {
      const small = Math.round(hostile.sizes[0] / 5)
      const best = async (size: number) => Math.min(...(await Promise.all([0, 1].map(async () => (await measure(hostile, size)).seconds))))
      const first = await best(small)
      const second = await best(small * 4)
      expect(second, `${first.toFixed(3)} s → ${second.toFixed(3)} s`).toBeLessThan(10 * Math.max(first, 0.05))
    }, 60_000)
  }

  it('builds the four files of the issue at full size, each a document or a rejection with a reason', async () => {
    const inputs = folder()
    writeFileSync(path.join(inputs, 'no-newline.txt'), 'word '.repeat(1_000_000))
    writeFileSync(path.join(inputs, 'million-lines.txt'), 'ab\n'.repeat(1_000_000))
    writeFileSync(path.join(inputs, 'blank-lines.txt'), 'A title\n' + '\n'.repeat(100_000) + body.join('\n\n') + '\n')
    writeFileSync(path.join(inputs, 'long-word.txt'), 'A title\n\nStart ' + 'x'.repeat(200_000) + ' end.\n')
    const out = path.join(work, 'full-size-out')
    const result = await docprov(['build', inputs, '--out', out, '--no-cache'])
    expect(result.stderr).not.toContain('unexpected error')
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'))
    expect(validateManifest(manifest)).toEqual([])
    const paths = [...manifest.documents.map((document: {source: {path: string}}) => document.source.path), ...manifest.rejected.map((rejection: {path: string}) => rejection.path)]
    expect(paths.map((file: string) => path.basename(file)).sort()).toEqual(['blank-lines.txt', 'long-word.txt', 'million-lines.txt', 'no-newline.txt'])
    expect(manifest.rejected).toEqual([
      expect.objectContaining({path: expect.stringMatching(/million-lines\.txt$/), reason: 'too-many-lines', message: expect.stringContaining('Unexpected 1000000 lines of text, expected at most 50000 (--max-lines)')})
    ])
    expect(result.exitCode).toBe(1)
  }, 120_000)
})

describe('reading', () => {
  // A FIFO's size is 0 until it is read, so everything after the first byte
  // comes through the reads that follow it (a file that grows while read).
  async function readThroughFifo(content: string, maxBytes: number) {
    const inputs = folder()
    const fifo = path.join(inputs, 'growing.txt')
    writeFileSync(path.join(inputs, 'content'), content)
    await execa('mkfifo', [fifo])
    // Reading blocks this thread, so the writer must not need it (no stdin from here).
    const writer = execa('sh', ['-c', 'cat "$1" > "$2"', 'sh', path.join(inputs, 'content'), fifo], {reject: false})
    const read = await readInput({path: fifo, format: 'txt'}, maxBytes)
    writer.kill()
    await writer
    return read
  }

  it('reads a file that grows past what it measured at the start, and rejects it when it grows past --max-bytes', async () => {
    const content = Array.from({length: 6000}, (_, index) => `Line ${index} of a growing file`).join('\n')
    expect(content.length).toBeGreaterThan(150_000)
    const whole = await readThroughFifo(content, 1_000_000)
    expect('bytes' in whole && Buffer.from(whole.bytes).toString('utf8')).toBe(content)
    const over = await readThroughFifo(content, 100_000)
    expect(over).toMatchObject({reason: 'unreadable', message: expect.stringContaining('EFBIG')})
  })
})

describe('--max-lines', () => {
  it('rejects a file over the limit with a reason, builds it when raised, and refuses a bad value', async () => {
    const inputs = folder()
    writeFileSync(path.join(inputs, 'list.txt'), Array.from({length: 30}, (_, index) => `Line ${index} of a list`).join('\n') + '\n')
    const out = path.join(work, 'max-lines-out')
    const limited = await docprov(['build', inputs, '--out', out, '--no-cache', '--max-lines', '29', '--json'])
    expect(limited.exitCode).toBe(1)
    expect(JSON.parse(limited.stdout).files[0].messages[0]).toMatchObject({ruleId: 'too-many-lines', fatal: true})
    const raised = await docprov(['build', inputs, '--out', out, '--no-cache', '--max-lines', '30'])
    expect(raised.exitCode, raised.stderr).toBe(0)
    for (const bad of ['0', '-1', '1.5', 'many']) {
      const refused = await docprov(['build', inputs, '--out', out, `--max-lines=${bad}`])
      expect(refused.exitCode).toBe(2)
      expect(refused.stderr).toContain(`Invalid --max-lines \`${bad}\``)
    }
  }, 60_000)
})

describe('hostile values', () => {
  const hostile = [
    'Budget: the council says yes',
    '# Not a comment, a title',
    '@mayor answers the council',
    '&anchor and *alias in a title',
    '! Not a tag, a headline',
    '| Not a block scalar',
    '> Not a folded scalar',
    '--- Three dashes open this title',
    '... Three dots open this one',
    `Quotes "double" 'single' “curly” ‘single curly’ «guillemets» \`backticks\``,
    'A tab\tinside the title',
    'Bidi \u202Eevil\u202C and \u2066isolates\u2069 in a title',
    'A key: {flow: [mapping]} with, commas',
    'null',
    'true',
    'yes',
    '~ a tilde first',
    '% a directive sign first',
    '? a question mark first',
    '- a dash and space first',
    '0x1F and 1e3 and .inf'
  ]
  for (const title of hostile) {
    it(`keeps ${JSON.stringify(title)} exact in YAML (frontmatter = manifest)`, async () => {
      const inputs = folder()
      writeFileSync(path.join(inputs, 'article.txt'), ` date 2021-11-08\n\n${title}\n\n${body.join('\n\n')}\n`)
      const {manifest, files} = await build({paths: [inputs], referenceDate})
      expect(manifest.rejected).toEqual([])
      const [document] = manifest.documents
      const markdown = files.get(document.output.path)!
      const {frontmatter} = readMarkdown(markdown)
      const {id: _id, provenance: _provenance, ...fields} = frontmatter
      expect(fields).toEqual(withoutEmpty(document.metadata as unknown as Record<string, unknown>))
      // The title is the line itself, as the documented normalization leaves it (a tab is white space).
      expect(document.metadata.title).toBe(title.replace(/\t/g, ' '))
      expect(typeof frontmatter.title).toBe('string')
      // The frontmatter is one YAML document: nothing in the title closes it.
      const block = /^---\n([\s\S]*?)\n---\n/.exec(markdown)![1]
      expect(parse(block)).toEqual(frontmatter)
    })
  }

  it('keeps text that looks like HTML, Markdown or XML inert and literal in the Markdown', async () => {
    const lines = [
      '<script>alert("pwned")</script>',
      'Close ]]> a CDATA section and <![CDATA[ open one',
      'Entities &amp; &lt;b&gt; stay as typed',
      '[click me](javascript:alert(1)) and ![image](http://example.com/x.png)',
      '# not a heading',
      '1. not a list item',
      '* not a bullet',
      '---',
      '<!-- not a comment -->',
      '| not | a | table |'
    ]
    const inputs = folder()
    writeFileSync(path.join(inputs, 'article.txt'), ` date 2021-11-08\n\nA plain title\n\n${body[0]}\n\n${lines.join('\n\n')}\n\n${body[1]}\n`)
    const {manifest, files} = await build({paths: [inputs], referenceDate})
    const [document] = manifest.documents
    const markdown = files.get(document.output.path)!
    const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(markdown) as Root
    const kinds = new Set<string>()
    visit(tree, (node) => {
      kinds.add(node.type)
    })
    for (const live of ['html', 'link', 'image', 'heading', 'list', 'thematicBreak', 'table', 'definition']) expect(kinds.has(live), live).toBe(false)
    const paragraphs = readMarkdown(markdown).blocks.map((block) => block.text)
    for (const line of lines) {
      const kept = paragraphs.includes(line) || document.removed.some((span) => span.text === line)
      expect(kept, line).toBe(true)
    }
  })
})

describe('output names', () => {
  it('never leave OUT, stay ASCII within 255 bytes, avoid reserved names, and never collide', () => {
    const titles = [
      '../../etc/passwd',
      '..\\..\\windows\\system32',
      '/absolute/path',
      'CON',
      'aux',
      'nul',
      'Manifest',
      '.hidden',
      '東京の議会が予算を可決した。'.repeat(40),
      '🎉🎉🎉',
      'x'.repeat(1000),
      'Same Title',
      'same title',
      'SAME TITLE',
      'Same-Title'
    ]
    const names = assignNames(titles.map((title) => ({title, date: null, sourcePath: 'in/raw.txt'})))
    for (const name of names) {
      expect(name).toMatch(/^[a-z0-9][a-z0-9-]*\.md$/)
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255)
      expect(path.basename(name)).toBe(name)
      expect(/^(con|prn|aux|nul|com\d|lpt\d|manifest)\.md$/i.test(name)).toBe(false)
    }
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length)
    expect(names.slice(-4)).toEqual(['same-title.md', 'same-title-2.md', 'same-title-3.md', 'same-title-4.md'])
    expect(slugOf(null, 'in/ raw file?.txt')).toBe('raw-file')
  })

  it('never overwrite a file in OUT that docprov did not write', async () => {
    const inputs = folder()
    writeFileSync(path.join(inputs, 'readme.txt'), `Readme\n\n${body.join('\n\n')}\n`)
    const out = path.join(work, 'foreign-out')
    mkdirSync(out)
    writeFileSync(path.join(out, 'readme.md'), 'My own notes.\n')
    const refused = await docprov(['build', inputs, '--out', out, '--no-cache'])
    expect(refused.exitCode).toBe(2)
    expect(refused.stderr).toContain(`Cannot write \`${path.join(out, 'readme.md')}\`: a file of that name is there, and the last build's manifest does not list it`)
    expect(readFileSync(path.join(out, 'readme.md'), 'utf8')).toBe('My own notes.\n')
    expect(readdirSync(out).sort()).toEqual(['readme.md'])
  }, 30_000)
})

describe('input names and links', () => {
  it('reads names with spaces, line breaks and bytes that are not UTF-8, and prints them safely', async () => {
    const inputs = folder()
    const text = (word: string) => ` date 2021-11-08\n\nA ${word} title\n\n${body.join('\n\n')}\n`
    writeFileSync(path.join(inputs, 'with space.txt'), text('spaced'))
    writeFileSync(path.join(inputs, 'line\nbreak.txt'), text('broken'))
    writeFileSync(Buffer.concat([Buffer.from(inputs + '/caf'), Buffer.from([0xe9]), Buffer.from('.txt')]), text('Latin-1'))
    writeFileSync(path.join(inputs, '\u001b[31mred.txt'), text('escaped'))
    const out = path.join(work, 'names-out')
    const result = await docprov(['build', inputs, '--out', out, '--no-cache', '--json'])
    expect(result.exitCode, result.stderr).toBe(0)
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'))
    expect(manifest.documents.map((document: {source: {path: string}}) => path.basename(document.source.path)).sort()).toEqual(
      ['\u001b[31mred.txt', 'caf%E9.txt', 'line\nbreak.txt', 'with space.txt'].sort()
    )
    // The raw bytes of each were read (the Latin-1 name included).
    expect(manifest.documents.every((document: {metadata: {title: string}}) => / title$/.test(document.metadata.title))).toBe(true)
    // Nothing from a name reaches the terminal raw.
    expect(result.stderr).not.toContain('\u001b')
    expect(printable('a\nb\u001b[31m\u202e')).toBe('a\\u{a}b\\u{1b}[31m\\u{202e}')
    // And `verify` finds each raw file again, the Latin-1 name included.
    const verified = await docprov(['verify', out])
    expect(verified.exitCode, verified.stderr).toBe(0)
    // A problem with a file of such a name is reported without its raw escape sequence.
    writeFileSync(path.join(inputs, '\u001b[31mred.txt'), text('changed'))
    const tampered = await docprov(['verify', out])
    expect(tampered.exitCode).toBe(1)
    expect(tampered.stderr).toContain('digest-mismatch')
    expect(tampered.stderr).toContain('\\u{1b}[31mred.txt')
    expect(tampered.stderr).not.toContain('\u001b')
  }, 30_000)

  it('follows links inside the inputs only, rejects links out and broken links, and survives loops', async () => {
    const outside = folder()
    writeFileSync(path.join(outside, 'secret.txt'), `Secret\n\n${body.join('\n\n')}\n`)
    const inputs = folder()
    mkdirSync(path.join(inputs, 'sub'))
    writeFileSync(path.join(inputs, 'sub', 'article.txt'), `An article\n\n${body.join('\n\n')}\n`)
    symlinkSync(path.join(outside, 'secret.txt'), path.join(inputs, 'secret-link.txt'))
    symlinkSync(outside, path.join(inputs, 'outside-folder'))
    symlinkSync(path.join(inputs, 'missing.txt'), path.join(inputs, 'broken.txt'))
    symlinkSync('..', path.join(inputs, 'sub', 'loop'))
    symlinkSync('sub/article.txt', path.join(inputs, 'inside-link.txt'))
    const {manifest} = await build({paths: [inputs], referenceDate})
    expect(manifest.documents.map((document) => path.relative(inputs, document.source.path)).sort()).toEqual(['inside-link.txt', 'sub/article.txt'])
    expect(manifest.rejected.map((rejection) => [path.relative(inputs, rejection.path), rejection.reason]).sort()).toEqual([
      ['broken.txt', 'unreadable'],
      ['outside-folder', 'unsafe-link'],
      ['secret-link.txt', 'unsafe-link']
    ])
    expect(JSON.stringify(manifest)).not.toContain('Secret\\n')
    // Naming the outside folder as an input builds it.
    const named = await build({paths: [inputs, outside], referenceDate})
    expect(named.manifest.documents.map((document) => path.basename(document.source.path)).sort()).toEqual(['article.txt', 'inside-link.txt', 'secret-link.txt', 'secret.txt'])
  })
})
