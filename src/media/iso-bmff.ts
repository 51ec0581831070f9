import { ascii, hasAscii, u32be } from './bytes'
import type { MediaExt } from '@/catalog/media-formats'

/** Brands of MP4 video (ISO base media, MPEG-4, the H.264/H.265/AV1 and DASH profiles, Apple M4V, camera MP4s). */
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'iso8',
  'iso9',
  'mp41',
  'mp42',
  'mp71',
  'avc1',
  'av01',
  'hvc1',
  'hev1',
  'dash',
  'mmp4',
  'M4V ',
  'M4VH',
  'M4VP',
  'MSNV',
  'XAVC',
  'f4v ',
])

/** Brands that make an ISO file something other than what the studio takes, with a plain word for it. */
const REFUSED_BRANDS: [brands: string[], reason: string][] = [
  [
    ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'],
    'HEIC/HEIF images are not accepted: use PNG, JPEG or WebP',
  ],
  [['avif', 'avis'], 'AVIF images are not accepted: use PNG, JPEG or WebP'],
  [
    ['3gp4', '3gp5', '3gp6', '3gp7', '3ge6', '3ge7', '3gg6', '3g2a', '3g2b', '3g2c'],
    '3GP videos are not accepted: use MP4, MOV or WebM',
  ],
  [['jp2 ', 'jpx ', 'jpm '], 'JPEG 2000 images are not accepted: use PNG, JPEG or WebP'],
  [['crx '], 'Camera raw files are not accepted: use PNG, JPEG or WebP'],
  [['M4B ', 'M4P '], 'Audiobooks and protected iTunes audio are not accepted: use MP3, WAV or M4A'],
  [['F4A ', 'F4B '], 'Flash audio is not accepted: use MP3, WAV or M4A'],
]

export type IsoBmffAnswer = { ext: MediaExt } | { reason: string } | undefined

/**
 * An ISO base media file (MP4, MOV, M4A and their cousins): a complete `ftyp` box at the very start, judged by its
 * major brand and then by its compatible brands. Undefined when the bytes do not start with an `ftyp` box.
 */
export function sniffIsoBmff(head: Uint8Array): IsoBmffAnswer {
  if (!hasAscii(head, 4, 'ftyp')) return undefined
  const size = u32be(head, 0)!
  if (size < 16 || size > 4096 || size % 4 !== 0) return { reason: 'The MP4 file is damaged: its header is malformed' }
  if (size > head.length) return { reason: 'The MP4 file is truncated: its header is incomplete' }
  const major = ascii(head, 8, 12)!
  const compatible: string[] = []
  for (let at = 16; at + 4 <= size; at += 4) compatible.push(ascii(head, at, at + 4)!)

  const refusal = (brand: string) => REFUSED_BRANDS.find(([brands]) => brands.includes(brand))?.[1]
  if (major === 'qt  ') return { ext: 'mov' }
  if (major === 'M4A ') return { ext: 'm4a' }
  if (MP4_BRANDS.has(major)) return { ext: 'mp4' }
  const refused = refusal(major)
  if (refused) return { reason: refused }
  // An unknown major brand (a camera's own) that declares itself compatible with plain MP4 or QuickTime.
  if (compatible.some((b) => MP4_BRANDS.has(b)) && !compatible.some(refusal)) return { ext: 'mp4' }
  if (compatible.includes('qt  ')) return { ext: 'mov' }
  return {
    reason: `This MP4-family file (brand “${major.trim() || '?'}”) is not accepted: use MP4, MOV or WebM video, or M4A audio`,
  }
}
