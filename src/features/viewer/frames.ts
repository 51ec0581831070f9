/** Cannon's output carries no frame rate; 24 fps, the models' usual rate, until the video shows its own. */
export const DEFAULT_FRAME_SECONDS = 1 / 24

const COMMON_RATES = [23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60]
/** How many one-frame steps are measured before the rate is trusted: a seek or a stall makes an odd one. */
export const FRAME_SAMPLES = 8

/**
 * The frame length that successive frames of a playing video show (the media time between two frames presented
 * one after the other), snapped to the nearest common rate when within 2 % of one. Undefined until enough steps.
 */
export function frameSecondsFrom(steps: readonly number[]): number | undefined {
  if (steps.length < FRAME_SAMPLES) return undefined
  const median = [...steps].sort((a, b) => a - b)[Math.floor(steps.length / 2)]!
  if (!(median > 0)) return undefined
  const rate = 1 / median
  const nearest = COMMON_RATES.reduce((best, r) => (Math.abs(r - rate) < Math.abs(best - rate) ? r : best))
  return Math.abs(nearest - rate) / nearest < 0.02 ? 1 / nearest : median
}

/**
 * Where a step of `frames` frames from `time` lands: the middle of the target frame, so that rounding in the
 * decoder never shows the frame before it. Stays within the clip.
 */
export function frameStepTarget(time: number, frames: number, frameSeconds: number, duration: number): number {
  const current = Math.floor(time / frameSeconds + 1e-6)
  const last = duration > 0 ? Math.max(0, Math.ceil(duration / frameSeconds - 1e-6) - 1) : Infinity
  return (Math.min(Math.max(current + frames, 0), last) + 0.5) * frameSeconds
}
