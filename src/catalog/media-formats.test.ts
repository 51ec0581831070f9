import { describe, expect, it } from 'vitest'
import { formatBytes, tooLargeMessage } from './media-formats'

const MB = 1024 * 1024

describe('size messages', () => {
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
