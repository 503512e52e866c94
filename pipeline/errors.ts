/** The one error class of docprov. */

/** What kind of failure: bad arguments or paths (`usage`), the file system (`io`), or an archive held by another run (`locked`). */
export type DocprovErrorCode = 'usage' | 'io' | 'locked'

/** An error that says which path was wrong and what to do; the original error is its `cause`. */
export class DocprovError extends Error {
  override name = 'DocprovError'
  readonly code: DocprovErrorCode
  readonly path: string | undefined

  constructor(message: string, options: {code: DocprovErrorCode; path?: string; cause?: unknown}) {
    super(message, {cause: options.cause})
    this.code = options.code
    this.path = options.path
  }
}
