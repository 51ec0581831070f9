import { MAX_IMAGE_SIDE, MEDIA_BYTE_LIMITS, type MediaKind } from '@/catalog/media-formats'

export interface MediaLimits {
  /** The most bytes a file of each kind may have. */
  bytes: Readonly<Record<MediaKind, number>>
  /** The most pixels an image may have on either side. */
  maxImageSide: number
}

/** The studio's defaults, the same numbers the browser checks before sending. */
export const DEFAULT_LIMITS: MediaLimits = { bytes: MEDIA_BYTE_LIMITS, maxImageSide: MAX_IMAGE_SIDE }

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

/** Why an image of this size is refused, or undefined when each side is within the limit. */
export function imageSideProblem(limits: MediaLimits, width: number, height: number): string | undefined {
  if (width <= limits.maxImageSide && height <= limits.maxImageSide) return undefined
  return `Images can be at most ${limits.maxImageSide} pixels a side; this one is ${width} × ${height}`
}
