/** The clock docprov may read: `SOURCE_DATE_EPOCH` when set (kept apart from the date parsers, which are heavy to load). */

/** The day after which dates are rejected: `SOURCE_DATE_EPOCH` when set, else now. */
export function referenceDay(): Date {
  return sourceDateEpoch() ?? new Date()
}

/** The time `SOURCE_DATE_EPOCH` (whole seconds) names, if it is set: the one way docprov is told what time to record. */
export function sourceDateEpoch(): Date | undefined {
  const epoch = process.env.SOURCE_DATE_EPOCH
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined
}
