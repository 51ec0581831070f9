import { readFileSync } from 'node:fs'

/** A committed fixture (made by fixtures/make-fixtures.sh). */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)))
}

export const text = (value: string) => new TextEncoder().encode(value)

/** Bytes as a web ReadableStream (what a fetch or Hono body is). */
export const streamOf = (bytes: Uint8Array) => new Blob([new Uint8Array(bytes)]).stream()

export function concat(...parts: (Uint8Array | string | number[])[]): Uint8Array {
  const arrays = parts.map((p) => (typeof p === 'string' ? text(p) : p instanceof Uint8Array ? p : Uint8Array.from(p)))
  const all = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0))
  let at = 0
  for (const a of arrays) {
    all.set(a, at)
    at += a.length
  }
  return all
}

const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]
const be16 = (n: number) => [(n >>> 8) & 255, n & 255]

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** A PNG chunk with its length and CRC. */
export function pngChunk(type: string, data: Uint8Array | number[] = []): Uint8Array {
  const body = concat(type, data)
  return concat(be32(body.length - 4), body, be32(crc32(body)))
}

/** A PNG of the given size: signature, IHDR, the chunks given (no pixels needed for sniffing), IEND. */
export function pngOf(width: number, height: number, ...chunks: Uint8Array[]): Uint8Array {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  const ihdr = pngChunk('IHDR', [...be32(width), ...be32(height), 8, 6, 0, 0, 0])
  return concat(signature, ihdr, ...chunks, pngChunk('IEND'))
}

/** A JPEG marker segment: FF, marker, length, data. */
export function jpegSegment(marker: number, data: Uint8Array | number[]): Uint8Array {
  return concat([0xff, marker, ...be16(data.length + 2)], data)
}

/** A JPEG header of the given size: SOI, the segments given, a frame header (SOF0 unless told), a scan, EOI. */
export function jpegOf(width: number, height: number, segments: Uint8Array[] = [], sof = 0xc0): Uint8Array {
  const frame = jpegSegment(sof, [8, ...be16(height), ...be16(width), 1, 1, 0x11, 0])
  const scan = jpegSegment(0xda, [1, 1, 0, 0, 0x3f, 0])
  return concat(
    [0xff, 0xd8],
    jpegSegment(0xe0, text('JFIF\0\x01\x01\0\0\x01\0\x01\0\0')),
    ...segments,
    frame,
    scan,
    [0x12, 0x34, 0xff, 0xd9],
  )
}

/** An ISO BMFF box. */
export function box(type: string, data: Uint8Array | number[] | string = []): Uint8Array {
  const body = typeof data === 'string' ? text(data) : data
  return concat(be32(body.length + 8), type, body)
}

/** An `ftyp` box with a major brand and compatible brands, then a `free` box. */
export function ftypOf(major: string, ...compatible: string[]): Uint8Array {
  return concat(box('ftyp', concat(major, [0, 0, 2, 0], compatible.join(''))), box('free', [0, 0, 0, 0]))
}

/** Deterministic bytes that look like compressed data (no markup by construction: each byte ≥ 0x80). */
export function noise(length: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(length)
  let x = seed
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    bytes[i] = 0x80 | (x >>> 24)
  }
  return bytes
}

/** An MP4 fixture grown past `length` bytes with a `free` box of noise before its end. */
export function largeMp4(length: number): Uint8Array {
  return concat(fixture('video-h264.mp4'), box('free', noise(length)))
}

/** A source that yields `bytes` in chunks of `size`, counting the chunks pulled, optionally failing after `failAfter`. */
export function chunkedSource(bytes: Uint8Array, size: number, failAfter?: number) {
  const counter = { pulled: 0, finished: false }
  async function* source() {
    try {
      for (let at = 0; at < bytes.length; at += size) {
        if (failAfter !== undefined && counter.pulled >= failAfter) throw new Error('connection reset by peer')
        counter.pulled++
        yield bytes.slice(at, at + size)
      }
    } finally {
      counter.finished = true
    }
  }
  return { source: source(), counter }
}
