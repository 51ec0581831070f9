import type { Shot } from '@/catalog/sequence-contract'
import { DEFAULT_FPS } from './timeline'

/** How much of a shot's end the frame picker offers. */
export const HANDOFF_SECONDS = 2

// Trims are whole milliseconds, a frame boundary rounded either way: half a millisecond keeps it on its frame.
const ROUNDING_MS = 0.5

/**
 * The frames (indexes within the take, at `fps`) of the shot's last HANDOFF_SECONDS: `last` is the frame under
 * the out point, the one actually seen last; `first` never lies before the in point.
 */
export function handoffFrames(shot: Pick<Shot, 'inMs' | 'outMs'>, fps: number = DEFAULT_FPS) {
  const frameAt = (ms: number) => Math.ceil(((ms - ROUNDING_MS) * fps) / 1000)
  const last = Math.max(0, frameAt(shot.outMs) - 1)
  const first = Math.min(last, Math.max(frameAt(shot.inMs), last - HANDOFF_SECONDS * fps + 1))
  return { first, last }
}

/** The time to seek to for frame `n`: its middle, so a rounded seek still lands on it. */
export const frameSeconds = (n: number, fps: number = DEFAULT_FPS) => (n + 0.5) / fps

/** Frame `n` as a creative reads it: when it starts, and its number. */
export const frameLabel = (n: number, fps: number = DEFAULT_FPS) => `${(n / fps).toFixed(3)} s, frame ${n}`
