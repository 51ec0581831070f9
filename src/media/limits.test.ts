import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, formatBytes, kindLimit, overallLimit, tooLargeMessage } from './limits'

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

  it('name the limit and the size in their message', () => {
    expect(tooLargeMessage('image', 20 * MB, 23.4 * MB)).toBe('Images can be at most 20 MB; this one is 23.4 MB')
    expect(tooLargeMessage('video', 100 * MB, 250 * MB)).toBe('Videos can be at most 100 MB; this one is 250 MB')
    expect(tooLargeMessage('audio', 15 * MB)).toBe('Audio files can be at most 15 MB; this one is larger')
    expect(tooLargeMessage(undefined, 100 * MB, 101 * MB)).toBe('Files can be at most 100 MB; this one is 101 MB')
    // Just over: never "at most 20 MB; this one is 20 MB".
    expect(tooLargeMessage('image', 20 * MB, 20 * MB + 1)).toBe('Images can be at most 20 MB; this one is larger')
  })

  it('format sizes as people read them', () => {
    expect(formatBytes(512)).toBe('512 bytes')
    expect(formatBytes(64 * 1024)).toBe('64 KB')
    expect(formatBytes(1.25 * MB)).toBe('1.3 MB')
    expect(formatBytes(20 * MB)).toBe('20 MB')
  })
})
