/** A worker thread of the build pool: runs the per-file task on the inputs sent to it (see `pool.ts`, `task.ts`). */
import {parentPort, workerData} from 'node:worker_threads'
import {SpoolWriter} from './assemble.js'
import {DocprovError} from './errors.js'
import {createTask} from './task.js'
import type {Input} from './discover.js'
import type {WorkerSetup} from './pool.js'

const {task: options, spool} = workerData as WorkerSetup
const task = createTask(options, new SpoolWriter(spool.spool, spool.fd))

parentPort!.on('message', (message: {index: number; input: Input}) => {
  task(message.input).then(
    (result) => parentPort!.postMessage({index: message.index, result}),
    (error: Error) =>
      parentPort!.postMessage({
        index: message.index,
        // A DocprovError (such as a full temporary folder) keeps its code and path across the thread.
        error: {stack: error.stack ?? String(error), message: error.message, ...(error instanceof DocprovError ? {code: error.code, path: error.path} : {})}
      })
  )
})
