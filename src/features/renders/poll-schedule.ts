/** Polling cadence: the first poll after poll_after_ms, then a gentle backoff with jitter, capped. */
export const MAX_POLL_INTERVAL_MS = 10_000
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
