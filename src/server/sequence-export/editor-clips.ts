import { rateValue, type Cut, type CutShot, type Rate } from './cut'

/** A shot as editors' files write it: whole frames at the take's own rate, and an absolute URL to the take. */
export interface EditorClip {
  shot: CutShot
  url: string
  /** The in point, the trimmed length and the whole take's length, in frames at `shot.fps`. */
  inFrame: number
  frames: number
  takeFrames: number
}

export const framesAt = (ms: number, rate: Rate) => Math.round((ms * rate.num) / (rate.den * 1000))

/** The cut's shots in frames; `origin` makes a kept take's path (`/media/…`) a URL an editor can fetch. */
export function editorClips(cut: Cut, origin: string): EditorClip[] {
  return cut.shots.map((shot) => {
    const inFrame = framesAt(shot.inMs, shot.fps)
    return {
      shot,
      url: new URL(shot.url, origin).href,
      inFrame,
      frames: Math.max(1, framesAt(shot.outMs, shot.fps) - inFrame),
      takeFrames: framesAt(shot.durationMs, shot.fps),
    }
  })
}

/** A rate as FCP 7 XML writes it: a whole timebase, with NTSC meaning ×1000/1001. */
export function timebase(rate: Rate): { timebase: number; ntsc: boolean } {
  const ntsc = rate.den === 1001
  return { timebase: Math.round(ntsc ? rate.num / 1000 : rateValue(rate)), ntsc }
}
