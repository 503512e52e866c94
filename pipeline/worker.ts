/** A worker thread of the build pool: runs the per-file pipeline (see `pool.ts`). */
import {parentPort, workerData} from 'node:worker_threads'
import {createRunner, type RawInput, type RunnerOptions} from './build.js'

const run = createRunner(workerData as RunnerOptions)

parentPort!.on('message', (message: {index: number; input: RawInput}) => {
  run(message.input).then(
    (result) => parentPort!.postMessage({index: message.index, result}),
    (error: Error) => parentPort!.postMessage({index: message.index, error: error.stack ?? String(error)})
  )
})
