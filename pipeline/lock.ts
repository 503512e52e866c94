/** Exclusive locks on folders (an archive, an output folder), and the crash test hook. */
import {randomBytes} from 'node:crypto'
import {hostname} from 'node:os'
import {open, readFile, rm} from 'node:fs/promises'
import path from 'node:path'
import {DocprovError} from './errors.js'

/** Who holds a lock. */
export interface Holder {
  pid: number
  host: string
}

/**
 * Take `folder/name` (created exclusively, holding pid and host). A lock whose
 * process is gone on this host (a killed run) is taken over. Otherwise wait up
 * to `wait` seconds, then fail with the message `busy` gives for the holder
 * (code `locked`). Resolves to the function that releases the lock.
 */
export async function lockFolder(
  folder: string,
  options: {name: string; wait: number; busy: (holder: Holder | undefined) => string}
): Promise<() => Promise<void>> {
  const file = path.join(folder, options.name)
  const token = randomBytes(8).toString('hex')
  const deadline = Date.now() + options.wait * 1000
  for (;;) {
    try {
      const handle = await open(file, 'wx')
      await handle.writeFile(JSON.stringify({pid: process.pid, host: hostname(), token}) + '\n')
      await handle.close()
      return async () => {
        const holder = await readFile(file, 'utf8').catch(() => '')
        if (holder.includes(token)) await rm(file, {force: true})
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DocprovError(`Cannot lock \`${folder}\` (${(error as NodeJS.ErrnoException).code}): check that the folder is writable`, {
          code: 'io',
          path: file,
          cause: error
        })
      }
    }
    const holder = await readFile(file, 'utf8').then(
      (text) => JSON.parse(text) as Holder,
      () => undefined
    )
    if (holder && holder.host === hostname() && !alive(holder.pid)) {
      await rm(file, {force: true})
      continue
    }
    if (Date.now() >= deadline) throw new DocprovError(options.busy(holder), {code: 'locked', path: file})
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Test hook: `DOCPROV_CRASH_AT=<step>` kills the process with SIGKILL at that step (see the tests of ingest and build). */
export function crashPoint(step: string): void {
  if (process.env.DOCPROV_CRASH_AT === step) process.kill(process.pid, 'SIGKILL')
}
