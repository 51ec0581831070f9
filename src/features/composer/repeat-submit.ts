/** A second Generate of the very same input within this window is an impatient repeat, not a new render. */
export const REPEAT_WINDOW_MS = 1000

export interface LastSubmit {
  /** The input as the form holds it after the submission (a re-drawn seed included). */
  key: string
  /** When the person pressed Generate for it (or for the latest repeat of it). */
  atMs: number
}

export function isRepeat(last: LastSubmit | undefined, key: string, nowMs: number): boolean {
  return last !== undefined && last.key === key && nowMs - last.atMs < REPEAT_WINDOW_MS
}

/**
 * When an event happened, as epoch ms: a queued keypress keeps its own time however late a busy page handles it.
 * Browsers count `timeStamp` from the page's time origin; some environments (jsdom) give epoch ms already.
 */
export function eventTimeMs(event: { timeStamp: number }): number {
  const { timeStamp } = event
  if (!(timeStamp > 0)) return Date.now()
  return Math.round(timeStamp > EPOCH_LIKE_MS ? timeStamp : performance.timeOrigin + timeStamp)
}
const EPOCH_LIKE_MS = 1e12
