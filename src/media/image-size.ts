import { hasAscii, hasBytes, u16be, u16le, u24le, u32be, u32le } from './bytes'
import type { MediaExt } from '@/catalog/media-formats'

export type ImageSize = { ok: true; width: number; height: number } | { ok: false; reason: string }

/** JPEG start-of-frame markers (baseline, progressive, lossless, arithmetic): all but DHT (C4), JPG (C8), DAC (CC). */
const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])

const unreadable = (name: string): ImageSize => ({
  ok: false,
  reason: `The ${name} image is truncated or damaged: its size cannot be read`,
})
const size = (width: number, height: number, name: string): ImageSize =>
  width > 0 && height > 0 ? { ok: true, width, height } : unreadable(name)

function pngSize(bytes: Uint8Array): ImageSize {
  if (!hasAscii(bytes, 12, 'IHDR')) return unreadable('PNG')
  return size(u32be(bytes, 16) ?? 0, u32be(bytes, 20) ?? 0, 'PNG')
}

/** Walks the JPEG's marker segments to the first frame header (SOFn), which holds the size. */
export function jpegSize(bytes: Uint8Array): ImageSize {
  let at = 2
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return unreadable('JPEG')
    while (bytes[at] === 0xff) at++ // fill bytes
    const marker = bytes[at]
    at++
    if (marker === undefined) break
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue // stand-alone markers
    if (marker === 0xd9 || marker === 0xda) return unreadable('JPEG') // end of image, or scan data before any frame
    const length = u16be(bytes, at)
    if (length === undefined || length < 2) break
    if (SOF_MARKERS.has(marker)) return size(u16be(bytes, at + 5) ?? 0, u16be(bytes, at + 3) ?? 0, 'JPEG')
    at += length
  }
  return unreadable('JPEG')
}

function webpSize(bytes: Uint8Array): ImageSize {
  if (hasAscii(bytes, 12, 'VP8 ')) {
    // A key frame: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height (2 bits of scale each).
    if (!hasBytes(bytes, 23, [0x9d, 0x01, 0x2a])) return unreadable('WebP')
    return size((u16le(bytes, 26) ?? 0) & 0x3fff, (u16le(bytes, 28) ?? 0) & 0x3fff, 'WebP')
  }
  if (hasAscii(bytes, 12, 'VP8L')) {
    const bits = u32le(bytes, 21)
    if (bytes[20] !== 0x2f || bits === undefined) return unreadable('WebP')
    return size((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1, 'WebP')
  }
  if (hasAscii(bytes, 12, 'VP8X')) {
    const width = u24le(bytes, 24)
    const height = u24le(bytes, 27)
    if (width === undefined || height === undefined) return unreadable('WebP')
    return size(width + 1, height + 1, 'WebP')
  }
  return unreadable('WebP')
}

/**
 * The pixel size an image's header declares: PNG's IHDR, JPEG's frame header, WebP's VP8/VP8L/VP8X header. A
 * truncated or unreadable header is a refusal. `bytes` is the file's start (JPEG metadata may push the frame
 * header far in: give at least 1 MB, or the whole file).
 */
export function imageSize(ext: MediaExt, bytes: Uint8Array): ImageSize {
  if (ext === 'png') return pngSize(bytes)
  if (ext === 'jpg') return jpegSize(bytes)
  if (ext === 'webp') return webpSize(bytes)
  return { ok: false, reason: `${ext} is not an image type` }
}
