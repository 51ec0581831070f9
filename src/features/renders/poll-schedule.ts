/** Polling cadence: the first poll after poll_after_ms, then a gentle backoff with jitter, capped. */
export const MAX_POLL_INTERVAL_MS = 10_000
/** A hidden tab polls this many times more slowly (still capped by HIDDEN_MAX_POLL_INTERVAL_MS). */
export const HIDDEN_SLOWDOWN = 3
export const HIDDEN_MAX_POLL_INTERVAL_MS = 30_000
/** A render unfinished this long after it was accepted (or last checked again) is marked stale. */
export const STALE_AFTER_MS = 30 * 60_000
export const DEFAULT_POLL_AFTER_MS = 2000
const GROWTH = 1.5
const JITTER = 0.2

export function nextPollDelay(pollAfterMs: number, pollsSoFar: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_POLL_INTERVAL_MS, Math.max(500, pollAfterMs) * GROWTH ** Math.max(0, pollsSoFar - 1))
  const jitter = 1 + (random() * 2 - 1) * JITTER
  return Math.round(Math.min(MAX_POLL_INTERVAL_MS, base * jitter))
}

/** How long to wait before the very first poll of a render accepted at `acceptedAtMs`. */
export function firstPollWait(acceptedAtMs: number, pollAfterMs: number, nowMs: number): number {
  return Math.max(0, acceptedAtMs + pollAfterMs - nowMs)
}

export interface PollState {
  pollAfterMs: number
  /** Answers and failures so far: the backoff grows with both. */
  pollsSoFar: number
  /** Set when the last poll was refused with a Retry-After. */
  retryAfterMs?: number
  hidden: boolean
}

/** The wait before the next poll: Retry-After wins; a hidden tab waits longer. */
export function pollDelay(state: PollState, random: () => number = Math.random): number {
  if (state.retryAfterMs !== undefined) return Math.max(state.retryAfterMs, 250)
  const delay = nextPollDelay(state.pollAfterMs, state.pollsSoFar, random)
  return state.hidden ? Math.min(HIDDEN_MAX_POLL_INTERVAL_MS, delay * HIDDEN_SLOWDOWN) : delay
}
