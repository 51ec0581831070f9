import { runningTimeMs, type Shot } from '@/catalog/sequence-contract'

/*
 * The sequence as one timeline: the trimmed shots one after another. Global times run from 0 to the running
 * time; a shot's local times are times within its active take (from its in point to its out point).
 */

type Trimmed = Pick<Shot, 'inMs' | 'outMs'>

export interface Span {
  index: number
  /** Where the shot starts and ends on the sequence's timeline. */
  startMs: number
  endMs: number
}

/** Where each shot sits on the timeline. */
export function spansOf(shots: readonly Trimmed[]): Span[] {
  let startMs = 0
  return shots.map((shot, index) => {
    const span = { index, startMs, endMs: startMs + shot.outMs - shot.inMs }
    startMs = span.endMs
    return span
  })
}

export { runningTimeMs }

/**
 * The shot playing at global time `tMs` and the time within its take. A cut belongs to the shot it cuts to; the
 * very end of the sequence to the last shot's out point. Times outside the sequence are held to it. Undefined
 * for an empty sequence.
 */
export function locate(shots: readonly Trimmed[], tMs: number): { index: number; localMs: number } | undefined {
  if (shots.length === 0) return undefined
  const t = Math.min(Math.max(tMs, 0), runningTimeMs(shots))
  const spans = spansOf(shots)
  const span = spans.find((s) => t < s.endMs) ?? spans[spans.length - 1]!
  return { index: span.index, localMs: shots[span.index]!.inMs + t - span.startMs }
}

/** The global time of `localMs` within shot `index`, held to the shot's trims. */
export function globalTimeOf(shots: readonly Trimmed[], index: number, localMs: number): number {
  const shot = shots[index]
  if (!shot) return 0
  const start = spansOf(shots)[index]!.startMs
  return start + Math.min(Math.max(localMs, shot.inMs), shot.outMs) - shot.inMs
}

/** The frame rate the studio assumes when a take does not say its own (the models' usual rate). */
export const DEFAULT_FPS = 24

/** `ms` on the nearest whole frame at `fps`, in whole milliseconds. */
export function snapToFrame(ms: number, fps: number = DEFAULT_FPS): number {
  return Math.round(Math.round((ms / 1000) * fps) * (1000 / fps))
}
