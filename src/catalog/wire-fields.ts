import type { IntegerFieldSpec } from './catalog-schema'

/** Every request field of Cannon's video.generate page (seeds/000), with the label a person reads. */
export const FIELD_LABELS = {
  prompt: 'Prompt',
  negative_prompt: 'Negative prompt',
  duration: 'Duration',
  aspect_ratio: 'Aspect ratio',
  resolution: 'Resolution',
  seed: 'Seed',
  image_url: 'First frame',
  first_frame_url: 'First frame',
  last_frame_url: 'Last frame',
  end_image_url: 'Last frame',
  reference_image_urls: 'Reference images',
  source_video_url: 'Source clip',
  first_clip_url: 'Source clip',
  audio_url: 'Audio',
  prompt_extend: 'Prompt extend',
  watermark: 'Watermark',
  nsfw_checker: 'Safety checker',
} as const

export type WireField = keyof typeof FIELD_LABELS
export const WIRE_FIELDS = Object.keys(FIELD_LABELS) as WireField[]

export function integerAllows(spec: IntegerFieldSpec, value: number): boolean {
  if (!Number.isInteger(value) || value < spec.min || value > spec.max) return false
  return spec.values ? spec.values.includes(value) : true
}
