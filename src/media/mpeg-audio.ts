import { u32be } from './bytes'

const MP3_BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
const MP3_BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
const SAMPLE_RATES: Record<number, number[]> = {
  3: [44100, 48000, 32000], // MPEG-1
  2: [22050, 24000, 16000], // MPEG-2
  0: [11025, 12000, 8000], // MPEG-2.5
}
const ADTS_SAMPLE_RATE_COUNT = 13

/** The length of the MPEG-1/2/2.5 Layer III (MP3) frame whose header starts at `at`, or undefined if none does. */
export function mp3FrameLength(bytes: Uint8Array, at: number): number | undefined {
  const header = u32be(bytes, at)
  if (header === undefined || header >>> 21 !== 0x7ff) return undefined
  const version = (header >>> 19) & 3 // 1 is reserved
  const layer = (header >>> 17) & 3 // 1 is Layer III
  const bitrateIndex = (header >>> 12) & 15
  const rateIndex = (header >>> 10) & 3
  const padding = (header >>> 9) & 1
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return undefined
  const sampleRate = SAMPLE_RATES[version]![rateIndex]!
  const kbps = (version === 3 ? MP3_BITRATES_V1 : MP3_BITRATES_V2)[bitrateIndex]!
  return Math.floor(((version === 3 ? 144_000 : 72_000) * kbps) / sampleRate) + padding
}

/** The length of the AAC ADTS frame whose header starts at `at`, or undefined if none does. */
export function adtsFrameLength(bytes: Uint8Array, at: number): number | undefined {
  const header = u32be(bytes, at)
  const low = bytes[at + 4]
  const last = bytes[at + 5]
  if (header === undefined || low === undefined || last === undefined) return undefined
  if (header >>> 20 !== 0xfff || ((header >>> 17) & 3) !== 0) return undefined // sync, layer 00
  if (((header >>> 10) & 15) >= ADTS_SAMPLE_RATE_COUNT) return undefined
  const length = ((header & 3) << 11) | (low << 3) | (last >>> 5)
  const headerLength = (header >>> 16) & 1 ? 7 : 9
  return length > headerLength ? length : undefined
}

/**
 * Whether two frames follow each other from `at` (one lone sync word is too weak to call a file audio: 0xFFEx
 * happens in other data). A whole file must be long enough to hold both; of a `partial` head (more to come),
 * a first frame that runs to its end is enough.
 */
export function framesAt(bytes: Uint8Array, at: number, frameLength: typeof mp3FrameLength, partial = false): boolean {
  const first = frameLength(bytes, at)
  if (first === undefined) return false
  if (partial && at + first + 4 > bytes.length) return true
  return frameLength(bytes, at + first) !== undefined
}
