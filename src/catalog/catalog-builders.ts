import type { FieldSpec, MediaSlot, Mode, Source } from './catalog-schema'

/** The pieces catalog v1 is written with: sources, field specs and modes (the models are in models-v1.ts). */

export const documented = (line: string): Source => ({ evidence: 'documented', line })
export const provider = (line: string): Source => ({ evidence: 'provider', line })
export const inferred = (line: string): Source => ({ evidence: 'inferred', line })

const SEED_MAX = 2_147_483_647
const PROMPT_SOURCE = inferred("Cannon states no limit; 5,000 characters is Wan 2.7 i2v's (Novita docs), used for all")

export const prompt = (maxLength = 5000, source = PROMPT_SOURCE): FieldSpec => ({
  type: 'text',
  required: true,
  maxLength,
  source,
})
export const duration = (
  range: { min: number; max: number; values?: number[]; default: number },
  source: Source,
): FieldSpec => ({ type: 'integer', unit: 's', ...range, source })
export const choice = (values: string[], source: Source, fallback = values[0]!): FieldSpec => ({
  type: 'enum',
  values,
  default: fallback,
  source,
})
export const seed = (source: Source): FieldSpec => ({ type: 'integer', min: 0, max: SEED_MAX, source })
export const toggle = (fallback: boolean, source: Source): FieldSpec => ({ type: 'boolean', default: fallback, source })

type FrameField = 'image_url' | 'first_frame_url'
const FRAME_SOURCES: Record<FrameField, Source> = {
  image_url: documented('Cannon video.generate: image_url is the start frame (Wan example)'),
  first_frame_url: provider("In Cannon's field list; KIE's Seedance 2 route names the first frame so"),
}
const LAST_FRAME = provider("In Cannon's field list; the KIE routes name the end frame last_frame_url")

export const textOnly: Mode = { id: 'text', label: 'Text', media: [] }
export const frame = (field: FrameField): MediaSlot => ({
  field,
  kind: 'image',
  required: true,
  source: FRAME_SOURCES[field],
})
export const firstFrame = (field: FrameField): Mode => ({
  id: 'first-frame',
  label: 'First frame',
  media: [frame(field)],
})
export const firstLast = (first: FrameField): Mode => ({
  id: 'first-last',
  label: 'First + last frame',
  media: [frame(first), { field: 'last_frame_url', kind: 'image', required: true, source: LAST_FRAME }],
})
export const reference = (maxItems: number, source: Source): Mode => ({
  id: 'reference',
  label: 'Reference images',
  media: [{ field: 'reference_image_urls', kind: 'image', required: true, minItems: 1, maxItems, source }],
})
