/** A BFF call that did not succeed: HTTP status 0 means the network itself failed. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly retryAfterMs?: number,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** Worth retrying with the same idempotency key: network drops, rate limits, upstream trouble. */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status === 502 || this.status === 503 || this.status === 504
  }
}

/** What a call that never reached the studio's server fails with: the network's kind of ApiError, worth a retry. */
export const networkError = () =>
  new ApiError(0, 'network', 'The studio server could not be reached. Check your connection.')
