/** The ledger cannot be opened or reached. The message says what to fix; it never holds a password. */
export class LedgerUnavailable extends Error {
  override name = 'LedgerUnavailable'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

/** A `cursor` given to listRenders that this ledger did not make (or that was altered). */
export class InvalidCursor extends Error {
  override name = 'InvalidCursor'
  constructor(message = 'cursor is not one this studio made: start again from the first page') {
    super(message)
  }
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'])

/**
 * Whether a query failed because the database is away (not because of the query): refused or dropped connections,
 * Postgres shutting down or refusing connections (SQLSTATE classes 08 and 57P), a pool that timed out connecting.
 */
export function isLedgerUnreachable(error: unknown): boolean {
  if (error instanceof LedgerUnavailable) return true
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || /^08|^57P0[1-3]$/.test(code))) return true
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    error.message,
  )
}
