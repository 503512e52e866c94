/** Worker of the (b) floor: a trivial text parser, remark-stringify and one write per file. */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {parentPort, workerData} from 'node:worker_threads'
import type {Root} from 'mdast'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'

const {files, out} = workerData as {files: string[]; out: string}
const processor = unified().use(remarkStringify)
mkdirSync(out, {recursive: true})
for (const file of files) {
  const text = readFileSync(file, 'utf8')
  const tree: Root = {
    type: 'root',
    children: text
      .split(/\r?\n\s*\r?\n/)
      .map((block) => block.trim())
      .filter(Boolean)
      .map((block) => ({type: 'paragraph', children: [{type: 'text', value: block}]}))
  }
  writeFileSync(path.join(out, path.basename(file, '.txt') + '.md'), processor.stringify(tree))
}
parentPort!.postMessage('done')
