import { formatElapsed } from '@/components/elapsed'

export interface ProgressEstimate {
  /** 0–1 along the bar; undefined for an indeterminate bar (no history to go by). */
  fraction?: number
  text: string
}

/** The bar never looks finished before the render is: the estimate is a median, not a promise. */
const MAX_FRACTION = 0.95

/** "about 5 s", "about 20 s", "about 2 min": coarser the further off, as an estimate should read. */
function roughly(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  if (seconds < 10) return `about ${seconds} s`
  if (seconds < 60) return `about ${Math.ceil(seconds / 5) * 5} s`
  return `about ${Math.round(seconds / 60)} min`
}

/**
 * How far along a render probably is, `elapsedMs` after it was made, when this studio's renders like it took
 * `medianMs` (null or undefined: no history, so no estimate).
 */
export function progressEstimate(elapsedMs: number, medianMs: number | null | undefined): ProgressEstimate {
  if (!medianMs || medianMs <= 0) return { text: `${formatElapsed(elapsedMs)} so far` }
  const left = medianMs - elapsedMs
  const fraction = Math.min(MAX_FRACTION, Math.max(0, elapsedMs / medianMs))
  if (left > 0) return { fraction, text: `${roughly(left)} left (estimate)` }
  return { fraction, text: `taking longer than usual (estimate was ${formatElapsed(medianMs)})` }
}
