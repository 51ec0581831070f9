/** Cannon's output carries no frame rate; 24 fps, the models' usual rate, until the video shows its own. */
export const DEFAULT_FRAME_SECONDS = 1 / 24

/**
 * The rates video models deliver. 12 and 15 are left out: a busy machine that drops every other frame of 24 or
 * 30 fps video would look like them.
 */
const COMMON_RATES = [16, 23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60]
/** How many frame-to-frame steps are measured before the rate is trusted. */
export const FRAME_SAMPLES = 8
/** How far from a whole number of frames (in frames) a step may be and still count as whole. */
const WHOLE = 0.05

/** The furthest any step is from a whole number (at least one) of frames at `rate`. */
const misfit = (rate: number, steps: readonly number[]) =>
  Math.max(...steps.map((step) => (step * rate < 0.5 ? 1 : Math.abs(step * rate - Math.round(step * rate)))))

/**
 * The frame length of a playing video, from the media time between frames the browser presented one after the
 * other. A busy machine drops frames, so a step may span several: the rate is the common one that makes every
 * step a whole number of frames most exactly, the lowest of equals (24 over 48). Undefined until there are
 * enough steps, or when no common rate fits them.
 */
export function frameSecondsFrom(steps: readonly number[]): number | undefined {
  if (steps.length < FRAME_SAMPLES) return undefined
  let best: { rate: number; misfit: number } | undefined
  for (const rate of COMMON_RATES) {
    const fit = misfit(rate, steps)
    if (fit < WHOLE && (!best || fit < best.misfit - 1e-4)) best = { rate, misfit: fit }
  }
  return best && 1 / best.rate
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
