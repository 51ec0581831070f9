import { describe, expect, it } from 'vitest'
import { imageSize } from './image-size'
import { DEFAULT_LIMITS, imageSideProblem } from './limits'
import { concat, fixture, jpegOf, jpegSegment, noise, pngOf, text } from './test-samples'

describe('imageSize', () => {
  it.each([
    ['image.png', 'png'],
    ['image.jpg', 'jpg'],
    ['image-vp8.webp', 'webp'],
    ['image-vp8l.webp', 'webp'],
    ['image-vp8x.webp', 'webp'],
  ] as const)('reads %s (40 × 24, made by ffmpeg)', (file, ext) => {
    expect(imageSize(ext, fixture(file))).toEqual({ ok: true, width: 40, height: 24 })
  })

  it('reads PNG IHDR of any size', () => {
    expect(imageSize('png', pngOf(9000, 3))).toEqual({ ok: true, width: 9000, height: 3 })
  })

  it('walks JPEG segments to the frame header, past large metadata, for baseline and progressive frames', () => {
    const exif = Array.from({ length: 5 }, () => jpegSegment(0xe1, concat('Exif\0\0', noise(60_000))))
    expect(imageSize('jpg', jpegOf(8193, 100, exif))).toEqual({ ok: true, width: 8193, height: 100 })
    expect(imageSize('jpg', jpegOf(640, 480, [], 0xc2))).toEqual({ ok: true, width: 640, height: 480 })
    // A DHT segment (C4) is not a frame header even though it sits among the SOF markers.
    expect(imageSize('jpg', jpegOf(7, 9, [jpegSegment(0xc4, noise(20))]))).toEqual({ ok: true, width: 7, height: 9 })
  })

  it.each([
    ['a JPEG cut before its frame header', 'jpg', jpegOf(640, 480).subarray(0, 12)],
    ['a JPEG cut inside its frame header', 'jpg', jpegOf(640, 480).subarray(0, 25)],
    ['a JPEG whose scan comes before any frame', 'jpg', concat([0xff, 0xd8], jpegSegment(0xda, [1, 2, 3]))],
    ['a JPEG of height 0 (defined later by DNL)', 'jpg', jpegOf(640, 0)],
    ['a JPEG with garbage between segments', 'jpg', concat([0xff, 0xd8, 0x00, 0x00], jpegOf(1, 1))],
    ['a PNG cut inside IHDR', 'png', pngOf(10, 10).subarray(0, 18)],
    ['a PNG of width 0', 'png', pngOf(0, 10)],
    ['a WebP cut inside its VP8 header', 'webp', fixture('image-vp8.webp').subarray(0, 27)],
    [
      'a WebP whose VP8 key frame has no start code',
      'webp',
      concat(fixture('image-vp8.webp').subarray(0, 23), [0, 0, 0], noise(10)),
    ],
    ['a WebP of an unknown chunk', 'webp', concat('RIFF', [30, 0, 0, 0], 'WEBPVP8Z', noise(20))],
  ] as const)('refuses %s', (_name, ext, bytes) => {
    expect(imageSize(ext, bytes)).toEqual({
      ok: false,
      reason: expect.stringMatching(/truncated or damaged: its size cannot be read/),
    })
  })

  it('refuses to read a size from what is not an image', () => {
    expect(imageSize('mp4', text('anything'))).toMatchObject({ ok: false })
  })
})

describe('the pixel limit', () => {
  it('allows 8192 pixels a side and refuses more, naming the limit and the size', () => {
    expect(imageSideProblem(DEFAULT_LIMITS, 8192, 8192)).toBeUndefined()
    expect(imageSideProblem(DEFAULT_LIMITS, 8193, 10)).toBe(
      'Images can be at most 8192 pixels a side; this one is 8193 × 10',
    )
    expect(imageSideProblem(DEFAULT_LIMITS, 10, 9000)).toBe(
      'Images can be at most 8192 pixels a side; this one is 10 × 9000',
    )
  })
})
