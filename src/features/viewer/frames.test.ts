import { describe, expect, it } from 'vitest'
import { FRAME_SAMPLES, frameSecondsFrom, frameStepTarget } from './frames'

const steps = (seconds: number, odd: number[] = []) => [...Array(FRAME_SAMPLES - odd.length).fill(seconds), ...odd]

describe('frameSecondsFrom', () => {
  it('waits for enough frames', () => {
    expect(frameSecondsFrom(steps(1 / 30).slice(1))).toBeUndefined()
  })

  it('tells apart rates that are close or multiples of each other', () => {
    expect(frameSecondsFrom(steps(1 / 24))).toBeCloseTo(1 / 24, 9)
    expect(frameSecondsFrom(steps(1 / 23.976))).toBeCloseTo(1 / 23.976, 9)
    expect(frameSecondsFrom(steps(1 / 30))).toBeCloseTo(1 / 30, 9)
    expect(frameSecondsFrom(steps(1 / 16))).toBeCloseTo(1 / 16, 9)
    expect(frameSecondsFrom(steps(1 / 60))).toBeCloseTo(1 / 60, 9)
  })

  it('sees through dropped frames, even when every other frame is dropped', () => {
    expect(frameSecondsFrom(steps(1 / 25, [2 / 25, 3 / 25]))).toBeCloseTo(1 / 25, 9)
    expect(frameSecondsFrom(steps(2 / 24))).toBeCloseTo(1 / 24, 9)
    expect(frameSecondsFrom(steps(2 / 30, [3 / 30]))).toBeCloseTo(1 / 30, 9)
  })

  it('keeps to the default when the steps fit no common rate', () => {
    expect(frameSecondsFrom(steps(1 / 24, [0.3]))).toBeUndefined()
    expect(frameSecondsFrom(steps(1 / 21))).toBeUndefined()
  })
})

describe('frameStepTarget', () => {
  const frame = 1 / 24

  it('lands in the middle of the next or previous frame, wherever in a frame it starts', () => {
    expect(frameStepTarget(0, 1, frame, 4)).toBeCloseTo(1.5 * frame)
    expect(frameStepTarget(10.9 * frame, 1, frame, 4)).toBeCloseTo(11.5 * frame)
    expect(frameStepTarget(11 * frame, -1, frame, 4)).toBeCloseTo(10.5 * frame)
    // A second step from where the first landed moves one frame again.
    expect(frameStepTarget(frameStepTarget(0, 1, frame, 4), 1, frame, 4)).toBeCloseTo(2.5 * frame)
  })

  it('stays within the clip', () => {
    expect(frameStepTarget(0.01, -1, frame, 4)).toBeCloseTo(0.5 * frame)
    expect(frameStepTarget(3.99, 1, frame, 4)).toBeCloseTo(95.5 * frame)
    expect(frameStepTarget(1, 1, frame, 0)).toBeCloseTo(25.5 * frame)
  })
})
