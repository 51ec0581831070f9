import { ascii, hasAscii, hasBytes, u32be, u32le } from './bytes'
import { sniffEbml } from './ebml'
import { sniffIsoBmff } from './iso-bmff'
import { endsWithZip, findMarkup, MARKUP_WINDOW } from './markup-scan'
import { MEDIA_TYPES, type MediaExt, type MediaType } from '@/catalog/media-formats'
import { adtsFrameLength, framesAt, mp3FrameLength } from './mpeg-audio'
import { refusalReason, refusedRiff } from './refused-types'

export type SniffResult = ({ ok: true } & MediaType) | { ok: false; reason: string }

export interface SniffOptions {
  /**
   * True when `head` is only the start of the file (the rest still streaming). Then the checks of a file's end
   * (truncation, appended data) wait for `checkEnding`. Default false: `head` is the whole file.
   */
  partial?: boolean
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const PNG_IEND = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]
const JPEG_SOI = [0xff, 0xd8, 0xff]
const EMPTY = 'The file is empty'

const accept = (ext: MediaExt): SniffResult => ({ ok: true, ...MEDIA_TYPES[ext] })
const refuse = (reason: string): SniffResult => ({ ok: false, reason })

function sniffRiff(head: Uint8Array): SniffResult {
  const form = ascii(head, 8, 12)
  if (form === undefined) return refuse('The file is truncated: its header is incomplete')
  if (form === 'WEBP') {
    const chunk = ascii(head, 12, 16)
    if (chunk === undefined) return refuse('The WebP image is truncated: its header is incomplete')
    return chunk === 'VP8 ' || chunk === 'VP8L' || chunk === 'VP8X'
      ? accept('webp')
      : refuse('The WebP image is damaged: its first chunk is not an image')
  }
  if (form === 'WAVE') {
    // Chunks after the header: "fmt " must come (usually first) before the sound data.
    for (let at = 12; at + 8 <= head.length;) {
      const id = ascii(head, at, at + 4)!
      const size = u32le(head, at + 4)!
      if (id === 'fmt ') {
        return size >= 16 && at + 8 + 16 <= head.length
          ? accept('wav')
          : refuse('The WAV file is truncated: its format header is incomplete')
      }
      if (id === 'data') break
      at += 8 + size + (size % 2)
    }
    return refuse('The WAV file is truncated or damaged: it has no format header')
  }
  return refuse(refusedRiff(form))
}

function sniffPng(head: Uint8Array): SniffResult {
  // The signature, then the IHDR chunk (13 bytes of data), always first.
  if (head.length < 33) return refuse('The PNG image is truncated: its header is incomplete')
  if (u32be(head, 8) !== 13 || !hasAscii(head, 12, 'IHDR')) return refuse('The PNG image is damaged: no IHDR header')
  return accept('png')
}

/** MP3 (an ID3v2 tag or a frame sync) or AAC in ADTS frames: two consecutive frames must be there. */
function sniffMpegAudio(head: Uint8Array, partial: boolean): SniffResult | undefined {
  let at = 0
  if (hasAscii(head, 0, 'ID3')) {
    const [version, , flags, ...size] = head.subarray(3, 10)
    if (size.length < 4 || version === undefined || version < 2 || version > 4 || size.some((b) => b >= 0x80)) {
      return refuse('The MP3 file is damaged or truncated: its ID3 tag header is malformed')
    }
    at = 10 + size.reduce((n, b) => n * 128 + b, 0) + ((flags ?? 0) & 0x10 ? 10 : 0)
    // A large tag (cover art) may end past what has arrived: its header alone decides until the rest is seen.
    if (at + 4 > head.length) return partial ? accept('mp3') : refuse('The MP3 file is truncated: it holds only a tag')
    if (framesAt(head, at, mp3FrameLength, partial)) return accept('mp3')
    if (framesAt(head, at, adtsFrameLength, partial)) return accept('aac')
    return refuse(`The audio after the ID3 tag is not MP3 or AAC: use MP3, WAV or M4A/AAC`)
  }
  if (framesAt(head, at, mp3FrameLength)) return accept('mp3')
  if (framesAt(head, at, adtsFrameLength)) return accept('aac')
  if (mp3FrameLength(head, at) !== undefined || adtsFrameLength(head, at) !== undefined) {
    return refuse('The audio file is truncated: it holds less than two frames')
  }
  return undefined
}

/** The type of a file from its first bytes alone (no end checks, no markup scan). */
function sniffSignature(head: Uint8Array, partial: boolean): SniffResult {
  if (head.length === 0) return refuse(EMPTY)
  if (hasBytes(head, 0, JPEG_SOI)) return accept('jpg')
  if (hasBytes(head, 0, PNG_SIGNATURE)) return sniffPng(head)
  if (hasAscii(head, 0, 'RIFF')) return sniffRiff(head)
  const iso = sniffIsoBmff(head)
  if (iso) return 'ext' in iso ? accept(iso.ext) : refuse(iso.reason)
  const ebml = sniffEbml(head)
  if (ebml) return 'ext' in ebml ? accept(ebml.ext) : refuse(ebml.reason)
  return sniffMpegAudio(head, partial) ?? refuse(refusalReason(head))
}

export interface FileEnds {
  /** The first bytes, as given to sniffMedia. */
  head: Uint8Array
  /** The last bytes (up to 64 KB; the whole file when it is smaller). */
  tail: Uint8Array
  totalBytes: number
}

/**
 * Checks of a whole file's ends once its size is known: no active markup in the last 64 KB, no ZIP archive
 * appended, and the formats that say where they end (PNG's IEND, WebP's RIFF size) end there.
 */
export function checkEnding(type: MediaType, { head, tail, totalBytes }: FileEnds): string | undefined {
  const markup = findMarkup(tail)
  if (markup) return polyglotReason(type, markup.marker)
  if (endsWithZip(tail)) return `The file is ${describe(type)} with a ZIP archive appended, which is not accepted`
  if (type.ext === 'png' && !hasBytes(tail, tail.length - PNG_IEND.length, PNG_IEND)) {
    return 'The PNG image is truncated or has data after its end'
  }
  if (type.ext === 'webp') {
    const size = u32le(head, 4)
    const declared = size === undefined ? undefined : size + 8 + (size % 2)
    if (declared !== undefined && declared > totalBytes) return 'The WebP image is truncated'
    if (declared !== undefined && declared < totalBytes)
      return 'The WebP image has data after its end, which is not accepted'
  }
  return undefined
}

const DESCRIPTIONS: Record<MediaExt, string> = {
  jpg: 'a JPEG image',
  png: 'a PNG image',
  webp: 'a WebP image',
  mp4: 'an MP4 video',
  mov: 'a MOV video',
  webm: 'a WebM video',
  mp3: 'an MP3 file',
  wav: 'a WAV file',
  m4a: 'an M4A file',
  aac: 'an AAC file',
}

const describe = (type: MediaType) => DESCRIPTIONS[type.ext]

function polyglotReason(type: MediaType, marker: string): string {
  return `The file is ${describe(type)} but also carries web page or script code (“${marker}”), so it is not accepted`
}

/**
 * The real type of a file from its bytes (magic numbers), never from its name or declared type. `head` is the
 * file's first bytes (at least 1 MB when the file is larger, or all of it); with `partial`, the end checks wait.
 * Refused: every type not listed in MEDIA_TYPES, truncated headers, and polyglots (active markup in the first or
 * last 64 KB, a ZIP archive appended).
 */
export function sniffMedia(head: Uint8Array, options: SniffOptions = {}): SniffResult {
  const partial = options.partial ?? false
  const result = sniffSignature(head, partial)
  if (!result.ok) return result
  const markup = findMarkup(head.subarray(0, MARKUP_WINDOW))
  if (markup) return refuse(polyglotReason(result, markup.marker))
  if (partial) return result
  const tail = head.subarray(Math.max(0, head.length - MARKUP_WINDOW))
  const ending = checkEnding(result, { head, tail, totalBytes: head.length })
  return ending ? refuse(ending) : result
}
