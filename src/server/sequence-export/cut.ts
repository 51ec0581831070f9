import type { Me } from '@/catalog/credits-contract'

/*
 * The cut an export is made from: a sequence's shots in order, each resolved to its active take's kept copy, with
 * what the file itself says of its picture and sound (probed, never taken from a request).
 */

/** A sequence as DESIGN.md ("Sequences and review") fixes it; inMs/outMs are times within the active take. */
export interface SequenceShape {
  id: string
  name: string
  version: number
  shots: readonly { id: string; takeIds: readonly string[]; activeTakeId: string; inMs: number; outMs: number }[]
}

/** A frame rate as a fraction, so 29.97 stays 30000/1001 in editors' files. */
export interface Rate {
  num: number
  den: number
}

export interface CutShot {
  takeId: string
  /** The take's prompt-based file name (see takeFileName), which editors show on the clip. */
  name: string
  model: string
  inMs: number
  outMs: number
  /** The kept take's bytes on this machine (the folder store's file, or a download of an S3 copy). */
  file: string
  /** Where the kept take can be fetched (absolute, or a path on the studio's origin). */
  url: string
  width: number
  height: number
  fps: Rate
  hasAudio: boolean
  durationMs: number
}

export interface Cut {
  sequenceId: string
  name: string
  version: number
  shots: CutShot[]
  /** Removes any temporary copies made for this cut; call once the export no longer needs them. */
  release(): Promise<void>
}

/**
 * The cut of a sequence as `who` may see it; undefined when there is no such sequence (404). Throws CutProblem
 * when the sequence cannot be exported as it stands. See createCutLoader.
 */
export type LoadCut = (sequenceId: string, who: Me) => Promise<Cut | undefined>

/**
 * Why a sequence cannot be exported as it stands (an unknown take, a take not finished or not yet kept, a trim
 * past a take's end): the routes answer it as a 4xx JSON error.
 */
export class CutProblem extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 422,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'CutProblem'
  }
}

export const rateValue = (rate: Rate) => rate.num / rate.den

/** The running time of the cut as the encoder makes it: each shot rounded to whole frames at `fps`. */
export function framesOf(shot: Pick<CutShot, 'inMs' | 'outMs'>, fps: Rate): number {
  return Math.max(1, Math.round(((shot.outMs - shot.inMs) * fps.num) / (fps.den * 1000)))
}
