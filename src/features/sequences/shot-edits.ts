import type { Shot } from '@/catalog/sequence-contract'
import { DEFAULT_FPS, snapToFrame } from './timeline'

/*
 * The edits a creative makes to a sequence's shots, each giving the whole new list (what a PATCH sends).
 */

/** The shots with the one at `from` moved to `to`. */
export function moveShot(shots: readonly Shot[], from: number, to: number): Shot[] {
  const next = [...shots]
  const [shot] = next.splice(from, 1)
  if (shot) next.splice(Math.min(Math.max(to, 0), next.length), 0, shot)
  return next
}

/** The shots without the one at `index`. */
export const removeShot = (shots: readonly Shot[], index: number): Shot[] => shots.filter((_, i) => i !== index)

/** `shot` put back at `index` (Undo of a removal), unless the list has it again already. */
export function restoreShot(shots: readonly Shot[], shot: Shot, index: number): Shot[] {
  if (shots.some((s) => s.id === shot.id)) return [...shots]
  const next = [...shots]
  next.splice(Math.min(index, next.length), 0, shot)
  return next
}

const FRAME_MS = 1000 / DEFAULT_FPS

/**
 * The shot trimmed to `inMs`–`outMs` (on whole frames, within its take's `lengthMs` when known), or undefined
 * when the in point would not come at least a frame before the out point.
 */
export function trimShot(shot: Shot, trims: { inMs?: number; outMs?: number }, lengthMs?: number): Shot | undefined {
  const end = lengthMs ?? Infinity
  const inMs = Math.max(0, snapToFrame(trims.inMs ?? shot.inMs))
  const outMs = Math.min(end, snapToFrame(trims.outMs ?? shot.outMs))
  if (outMs - inMs < FRAME_MS - 1) return undefined
  return { ...shot, inMs, outMs }
}

/**
 * The shot playing `takeId` instead: the trims stay where they fit the new take; an out point past its end
 * moves to its end, and the in point back to its start when nothing would be left.
 */
export function withActiveTake(shot: Shot, takeId: string, lengthMs: number | undefined): Shot {
  const outMs = lengthMs === undefined ? shot.outMs : Math.min(shot.outMs, lengthMs)
  const inMs = shot.inMs < outMs ? shot.inMs : 0
  return { ...shot, activeTakeId: takeId, inMs, outMs }
}

/** "2.04 s": a trimmed length, to the hundredth (a frame is about 4 hundredths). */
export const formatSeconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
