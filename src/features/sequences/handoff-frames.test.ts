import { expect, it } from 'vitest'
import { frameLabel, frameSeconds, handoffFrames } from './handoff-frames'
import { snapToFrame } from './timeline'

it('offers the last two seconds up to the frame under the out point', () => {
  expect(handoffFrames({ inMs: 0, outMs: 5000 })).toEqual({ first: 72, last: 119 })
  expect(frameLabel(119)).toBe('4.958 s, frame 119')
})

it('keeps a trim snapped to a frame on that frame', () => {
  // Out at the start of frame 100 (rounded to 4167 ms): frame 99 is the last one seen.
  expect(handoffFrames({ inMs: snapToFrame(1000), outMs: snapToFrame((100 / 24) * 1000) })).toEqual({
    first: 52,
    last: 99,
  })
})

it('never starts before the in point, and a one-frame shot offers its one frame', () => {
  expect(handoffFrames({ inMs: 4000, outMs: 5000 })).toEqual({ first: 96, last: 119 })
  expect(handoffFrames({ inMs: snapToFrame(2000), outMs: snapToFrame(2000 + 1000 / 24) })).toEqual({
    first: 48,
    last: 48,
  })
})

it('seeks to the middle of a frame', () => {
  expect(frameSeconds(0)).toBeCloseTo(1 / 48)
  expect(Math.floor(frameSeconds(119) * 24)).toBe(119)
})
