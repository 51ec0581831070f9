import { afterEach, describe, expect, it, vi } from 'vitest'
import { drawWhenDecoded } from './frame-handoff'

/** A 2D context whose canvas stays empty (transparent) for the first `emptyDraws` draws, then holds a frame. */
function fakeContext(emptyDraws: number) {
  let draws = 0
  return {
    draws: () => draws,
    context: {
      drawImage: vi.fn(() => (draws += 1)),
      getImageData: vi.fn(() => ({ data: new Uint8ClampedArray([0, 0, 0, draws > emptyDraws ? 255 : 0]) })),
    } as unknown as CanvasRenderingContext2D,
  }
}
const video = { error: null } as HTMLVideoElement

describe('drawWhenDecoded', () => {
  afterEach(() => vi.useRealTimers())

  it('draws again until the frame is there: a canvas left empty is not a black frame', async () => {
    vi.useFakeTimers()
    const { context, draws } = fakeContext(3)
    const drawn = drawWhenDecoded(video, context, 64, 36)
    await vi.advanceTimersByTimeAsync(1000)
    await drawn
    expect(draws()).toBe(4)
  })

  it('draws once when the frame is there at once', async () => {
    const { context, draws } = fakeContext(0)
    await drawWhenDecoded(video, context, 64, 36)
    expect(draws()).toBe(1)
  })

  it('gives up with a clear message when no frame comes', async () => {
    vi.useFakeTimers()
    const { context } = fakeContext(Infinity)
    const drawn = drawWhenDecoded(video, context, 64, 36)
    const failed = expect(drawn).rejects.toThrow('The take did not load in time to grab a frame')
    await vi.advanceTimersByTimeAsync(25_000)
    await failed
  })
})
