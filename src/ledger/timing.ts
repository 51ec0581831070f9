/** A create with no 202 after this long is sent again (same idempotency key) by the sweeper. */
export const RESEND_AFTER_MS = 60_000
/** The poll interval when Cannon named none. */
export const DEFAULT_POLL_AFTER_MS = 2_000
/** Followed this long without an end, a render is marked stale and no longer polled until rechecked. */
export const STALE_AFTER_MS = 30 * 60_000
