/**
 * A thread that writes staged files for an `OutputWriter` (see `write.ts`):
 * creating thousands of small files is the kernel's work, which this thread
 * does on another core while the main one finishes the next documents. It
 * answers each `sync` with how many files it wrote and the first failure.
 */
import {writeFileSync} from 'node:fs'
import {parentPort} from 'node:worker_threads'

/** A message to the thread: a file to write, or a request for its progress. */
export type StageMessage = {file: string; content: string} | {sync: number}

/** The thread's answer to `{sync}`: files written so far, and the first that failed. */
export interface StageReport {
  sync: number
  written: number
  failure?: {file: string; code: string}
}

let written = 0
let failure: StageReport['failure']

parentPort!.on('message', (message: StageMessage) => {
  if ('sync' in message) {
    parentPort!.postMessage({sync: message.sync, written, failure} satisfies StageReport)
    return
  }
  // After a failure the build fails: nothing more is written.
  if (failure) return
  try {
    writeFileSync(message.file, message.content)
    written++
  } catch (error) {
    failure = {file: message.file, code: (error as NodeJS.ErrnoException).code ?? String(error)}
  }
})
