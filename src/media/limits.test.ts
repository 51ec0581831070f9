import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, kindLimit, overallLimit } from './limits'

const MB = 1024 * 1024

describe('byte limits', () => {
  it('are 20 MB for images, 100 MB for video, 15 MB for audio', () => {
    expect(DEFAULT_LIMITS.bytes).toEqual({ image: 20 * MB, video: 100 * MB, audio: 15 * MB })
    expect(DEFAULT_LIMITS.maxImageSide).toBe(8192)
  })

  it('take a caller cap below the kind limit, never above it', () => {
    expect(kindLimit(DEFAULT_LIMITS, 'video', 50 * MB)).toBe(50 * MB)
    expect(kindLimit(DEFAULT_LIMITS, 'audio', 50 * MB)).toBe(15 * MB)
    expect(overallLimit(DEFAULT_LIMITS)).toBe(100 * MB)
    expect(overallLimit(DEFAULT_LIMITS, 1000)).toBe(1000)
    expect(overallLimit(DEFAULT_LIMITS, undefined, ['image', 'audio'])).toBe(20 * MB)
  })
})
