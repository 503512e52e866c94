/** A worker thread of the build pool: runs the per-file task on the inputs sent to it (see `pool.ts`, `task.ts`). */
import {parentPort, workerData} from 'node:worker_threads'
import {finishDocument, readSpooled, spooledDocument, SpoolWriter} from './assemble.js'
import {DocprovError} from './errors.js'
import {createTask} from './task.js'
import type {WorkerRequest, WorkerSetup} from './pool.js'

const {task: options, spool, spools} = workerData as WorkerSetup
const task = createTask(options, new SpoolWriter(spool.spool, spool.fd))
const read = (at: {spool: number; offset: number; length: number}) => spooledDocument(readSpooled(spools[at.spool], at))

parentPort!.on('message', (message: WorkerRequest) => {
  const work = 'input' in message ? task(message.input) : Promise.resolve().then(() => finishDocument(read, message.finish))
  work.then(
    (result) => parentPort!.postMessage({index: message.index, result}),
    (error: Error) =>
      parentPort!.postMessage({
        index: message.index,
        // A DocprovError (such as a full temporary folder) keeps its code and path across the thread.
        error: {stack: error.stack ?? String(error), message: error.message, ...(error instanceof DocprovError ? {code: error.code, path: error.path} : {})}
      })
  )
})
