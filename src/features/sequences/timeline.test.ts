import { describe, expect, it } from 'vitest'
import { globalTimeOf, locate, runningTimeMs, snapToFrame, spansOf } from './timeline'

// Three shots: 1–3 s of the first take, 0–4 s of the second, 500 ms–1.5 s of the third: 2 + 4 + 1 = 7 s.
const shots = [
  { inMs: 1000, outMs: 3000 },
  { inMs: 0, outMs: 4000 },
  { inMs: 500, outMs: 1500 },
]

describe('the sequence timeline', () => {
  it('puts the trimmed shots one after another', () => {
    expect(spansOf(shots)).toEqual([
      { index: 0, startMs: 0, endMs: 2000 },
      { index: 1, startMs: 2000, endMs: 6000 },
      { index: 2, startMs: 6000, endMs: 7000 },
    ])
    expect(runningTimeMs(shots)).toBe(7000)
    expect(runningTimeMs([])).toBe(0)
  })

  it('finds the shot and the time within its take at any global time', () => {
    expect(locate(shots, 0)).toEqual({ index: 0, localMs: 1000 })
    expect(locate(shots, 1999)).toEqual({ index: 0, localMs: 2999 })
    expect(locate(shots, 2000)).toEqual({ index: 1, localMs: 0 }) // a cut belongs to the incoming shot
    expect(locate(shots, 6500)).toEqual({ index: 2, localMs: 1000 })
    expect(locate(shots, 7000)).toEqual({ index: 2, localMs: 1500 })
  })

  it('holds times outside the sequence to it, and has no shot for an empty one', () => {
    expect(locate(shots, -50)).toEqual({ index: 0, localMs: 1000 })
    expect(locate(shots, 99_000)).toEqual({ index: 2, localMs: 1500 })
    expect(locate([], 10)).toBeUndefined()
  })

  it('turns a time within a shot back into the global time, within its trims', () => {
    expect(globalTimeOf(shots, 0, 1000)).toBe(0)
    expect(globalTimeOf(shots, 1, 2500)).toBe(4500)
    expect(globalTimeOf(shots, 2, 1500)).toBe(7000)
    expect(globalTimeOf(shots, 2, 9000)).toBe(7000)
    expect(globalTimeOf(shots, 0, 0)).toBe(0)
    for (const t of [0, 1234, 2000, 5999, 6000, 6999])
      expect(globalTimeOf(shots, locate(shots, t)!.index, locate(shots, t)!.localMs)).toBe(t)
  })

  it('snaps times to whole frames', () => {
    expect(snapToFrame(1000)).toBe(1000)
    expect(snapToFrame(1030)).toBe(1042) // 25 frames at 24 fps
    expect(snapToFrame(1010, 30)).toBe(1000)
    expect(snapToFrame(1020, 30)).toBe(1033)
  })
})
