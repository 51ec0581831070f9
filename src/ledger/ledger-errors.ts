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
