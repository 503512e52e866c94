/** A worker thread of the build pool: runs the per-file pipeline (see `pool.ts`). */
import {parentPort, workerData} from 'node:worker_threads'
import type {Profile} from '../plugins/types.js'
import {createRunner, type RawInput} from './build.js'

const data = workerData as {referenceDate?: Date; profiles: Profile[]}
const run = createRunner({referenceDate: data.referenceDate, profiles: data.profiles})

parentPort!.on('message', (message: {index: number; input: RawInput}) => {
  run(message.input).then(
    (result) => parentPort!.postMessage({index: message.index, result}),
    (error: Error) => parentPort!.postMessage({index: message.index, error: error.stack ?? String(error)})
  )
})
