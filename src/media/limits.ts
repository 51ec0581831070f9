import type { MediaKind } from './media-types'

const MB = 1024 * 1024

export interface MediaLimits {
  /** The most bytes a file of each kind may have. */
  bytes: Readonly<Record<MediaKind, number>>
  /** The most pixels an image may have on either side. */
  maxImageSide: number
}

/** The studio's defaults: the providers behind Cannon take less, and these keep one upload cheap to hold. */
export const DEFAULT_LIMITS: MediaLimits = {
  bytes: { image: 20 * MB, video: 100 * MB, audio: 15 * MB },
  maxImageSide: 8192,
}

const NOUNS: Record<MediaKind, string> = { image: 'Images', video: 'Videos', audio: 'Audio files' }

/** Sizes as a person reads them: "20 MB", "23.4 MB", "512 KB" (binary units, as file managers mostly show). */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${trim(bytes / MB)} MB`
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`
  return `${bytes} bytes`
}

function trim(value: number): string {
  return value >= 100 || Number.isInteger(value) ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '')
}

/**
 * The largest an upload may be before its kind is known: the largest limit of the kinds allowed (all by default),
 * or a smaller cap.
 */
export function overallLimit(limits: MediaLimits, cap?: number, kinds?: readonly MediaKind[]): number {
  const allowed = kinds?.length ? kinds : (Object.keys(limits.bytes) as MediaKind[])
  const largest = Math.max(...allowed.map((kind) => limits.bytes[kind]))
  return cap === undefined ? largest : Math.min(largest, cap)
}

/** The limit for a file of this kind, with a caller's cap (e.g. keeping takes) applied. */
export function kindLimit(limits: MediaLimits, kind: MediaKind, cap?: number): number {
  return cap === undefined ? limits.bytes[kind] : Math.min(limits.bytes[kind], cap)
}

/**
 * The message of a file over its limit, naming the limit: "Images can be at most 20 MB; this one is 23.4 MB".
 * `actual` is undefined when the upload was stopped at the limit without knowing its full size.
 */
export function tooLargeMessage(kind: MediaKind | undefined, limit: number, actual?: number): string {
  const noun = kind ? NOUNS[kind] : 'Files'
  const shown = actual === undefined ? undefined : formatBytes(actual)
  const rest = shown === undefined || shown === formatBytes(limit) ? 'this one is larger' : `this one is ${shown}`
  return `${noun} can be at most ${formatBytes(limit)}; ${rest}`
}

/** Why an image of this size is refused, or undefined when each side is within the limit. */
export function imageSideProblem(limits: MediaLimits, width: number, height: number): string | undefined {
  if (width <= limits.maxImageSide && height <= limits.maxImageSide) return undefined
  return `Images can be at most ${limits.maxImageSide} pixels a side; this one is ${width} × ${height}`
}
