import { describe, expect, it } from 'vitest'
import { harbour, paintFrame, tiles } from '@/test/painted-frames'
import { COLOUR_JUMP, measureCut, STRUCTURE_JUMP, type Frame } from './cut-measure'

/** A seeded jitter, as compression and sensor noise leave between two grabs of one frame. */
function jittered(frame: Frame, amount: number): Frame {
  let seed = 7
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1
  const data = frame.data.map((v, i) => (i % 4 === 3 ? v : v + Math.round(random() * amount)))
  return { ...frame, data: new Uint8ClampedArray(data) }
}

describe('measureCut', () => {
  const harbourFrame = paintFrame(160, 90, harbour)

  it('finds no jump between a frame and itself', () => {
    expect(measureCut(harbourFrame, harbourFrame)).toEqual({ colour: 0, structure: 0, jumps: false })
  })

  it('finds no jump through compression-like jitter, nor between two sizes of one picture', () => {
    const noisy = measureCut(harbourFrame, jittered(harbourFrame, 8))
    expect(noisy.jumps).toBe(false)
    expect(noisy.colour).toBeLessThan(COLOUR_JUMP / 4)
    expect(noisy.structure).toBeLessThan(STRUCTURE_JUMP / 4)
    expect(measureCut(harbourFrame, paintFrame(448, 252, harbour)).jumps).toBe(false)
  })

  it('flags a colour jump on the same picture, as a colour shift rather than a change of picture', () => {
    const dusk = paintFrame(160, 90, (x, y) => {
      const [r, g, b] = harbour(x, y)
      return [r * 0.5 + 90, g * 0.55, b * 0.4]
    })
    const cut = measureCut(harbourFrame, dusk)
    expect(cut.jumps).toBe(true)
    expect(cut.colour).toBeGreaterThanOrEqual(COLOUR_JUMP)
    expect(cut.structure).toBeLessThan(STRUCTURE_JUMP)
  })

  it('flags a different picture', () => {
    const cut = measureCut(harbourFrame, paintFrame(160, 90, tiles))
    expect(cut.jumps).toBe(true)
    expect(cut.structure).toBeGreaterThanOrEqual(STRUCTURE_JUMP)
    expect(cut.colour).toBeLessThanOrEqual(1)
  })

  it('refuses a frame without pixels', () => {
    expect(() => measureCut(harbourFrame, { width: 0, height: 0, data: new Uint8ClampedArray() })).toThrow(
      'A frame to compare has no pixels',
    )
  })
})
