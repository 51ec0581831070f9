/** A second Generate of the very same input within this window is an impatient repeat, not a new render. */
export const REPEAT_WINDOW_MS = 1000

export interface LastSubmit {
  /** The input as the form holds it after the submission (a re-drawn seed included). */
  key: string
  atMs: number
}

export function isRepeat(last: LastSubmit | undefined, key: string, nowMs: number): boolean {
  return last !== undefined && last.key === key && nowMs - last.atMs < REPEAT_WINDOW_MS
}
