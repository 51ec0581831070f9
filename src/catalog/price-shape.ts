import type { Model } from './catalog-schema'
import { effectiveResolution, effectiveSeconds } from './effective-values'

/**
 * The media fields whose presence can change a price (which mode, with or without driving audio). The ledger
 * keeps the same list, frozen in its migration 004, as a generated column over each render's input.
 */
export const PRICE_MEDIA_FIELDS = [
  'audio_url',
  'end_image_url',
  'first_clip_url',
  'first_frame_url',
  'image_url',
  'last_frame_url',
  'reference_image_urls',
  'source_video_url',
] as const

/**
 * What decides a render's price, as the ledger can match it: the model, its duration and resolution (with
 * each one's default, which a recorded input may have left out), and which media fields it
 * carries (`image_url,audio_url,`: the fields present, in PRICE_MEDIA_FIELDS order, each followed by a comma).
 */
export interface PriceShape {
  model: string
  seconds: number | null
  /** The model's default duration, which a recorded input that names none ran for. */
  defaultSeconds: number | null
  resolution: string | null
  defaultResolution: string | null
  media: string
}

const present = (value: unknown) =>
  value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)

export function priceShape(model: Model, input: Record<string, unknown>): PriceShape {
  return {
    model: model.id,
    seconds: effectiveSeconds(model, input) ?? null,
    defaultSeconds: effectiveSeconds(model, {}) ?? null,
    resolution: effectiveResolution(model, input) ?? null,
    defaultResolution: effectiveResolution(model, {}) ?? null,
    media: PRICE_MEDIA_FIELDS.filter((field) => present(input[field]))
      .map((field) => `${field},`)
      .join(''),
  }
}

/** One string per price: the key estimates are cached under. */
export const priceShapeKey = (shape: PriceShape) =>
  JSON.stringify([shape.model, shape.seconds, shape.resolution, shape.media])
