import type { Catalog, FieldSpec, Mode } from './catalog-schema'

/*
 * Catalog v1 (DESIGN.md "Model catalog v1"). Cannon documents only wan27video and seedance2 and Sora 2's
 * durations; the rest are the providers' public limits (cannon-api.md §5). Every value sits here once, so
 * a correction is a one-line change; STUDIO_CATALOG_FILE replaces the whole catalog without a rebuild.
 */

const SEED_MAX = 2_147_483_647

const prompt = (maxLength = 5000): FieldSpec => ({ type: 'text', required: true, maxLength })
const duration = (range: { min: number; max: number; values?: number[]; default: number }): FieldSpec => ({
  type: 'integer',
  unit: 's',
  ...range,
})
const choice = (values: string[], fallback = values[0]!): FieldSpec => ({ type: 'enum', values, default: fallback })
const seed: FieldSpec = { type: 'integer', min: 0, max: SEED_MAX }
const toggle = (fallback: boolean): FieldSpec => ({ type: 'boolean', default: fallback })

const textOnly: Mode = { id: 'text', label: 'Text', media: [] }
const firstFrame = (field: 'image_url' | 'first_frame_url'): Mode => ({
  id: 'first-frame',
  label: 'First frame',
  media: [{ field, kind: 'image', required: true }],
})
const firstLast = (first: 'image_url' | 'first_frame_url'): Mode => ({
  id: 'first-last',
  label: 'First + last frame',
  media: [
    { field: first, kind: 'image', required: true },
    { field: 'last_frame_url', kind: 'image', required: true },
  ],
})
const reference = (maxItems: number): Mode => ({
  id: 'reference',
  label: 'Reference images',
  media: [{ field: 'reference_image_urls', kind: 'image', required: true, minItems: 1, maxItems }],
})

const seedanceFields = (resolutions: string[]): Record<string, FieldSpec> => ({
  prompt: prompt(),
  duration: duration({ min: 4, max: 15, default: 5 }),
  aspect_ratio: choice(['21:9', '16:9', '4:3', '1:1', '3:4', '9:16'], '16:9'),
  resolution: choice(resolutions, '720p'),
  seed,
  watermark: toggle(false),
  nsfw_checker: toggle(true),
})
const seedanceModes: Mode[] = [textOnly, firstFrame('first_frame_url'), firstLast('first_frame_url'), reference(9)]

// Wan 2.7's driving audio: wav/mp3 of about 2–30 s (cannon-api.md §5, provider docs).
const withAudio = (mode: Mode): Mode => ({
  ...mode,
  media: [...mode.media, { field: 'audio_url', kind: 'audio', required: false, minSeconds: 2, maxSeconds: 30 }],
})

const sora = (resolutions: string[]) => ({
  fields: {
    prompt: prompt(),
    duration: duration({ min: 4, max: 20, values: [4, 8, 12, 16, 20], default: 8 }),
    aspect_ratio: choice(['16:9', '9:16']),
    resolution: choice(resolutions, '720p'),
  },
  modes: [textOnly, firstFrame('image_url')],
})

export const catalogV1: Catalog = {
  version: 1,
  models: [
    {
      id: 'seedance2',
      name: 'Seedance 2.0',
      tagline: '4–15 s, up to 1080p; first/last frames or up to 9 reference images',
      provider: 'seedance',
      idInferred: false,
      fields: seedanceFields(['480p', '720p', '1080p']),
      modes: seedanceModes,
      rules: [],
    },
    {
      id: 'seedance2fast',
      name: 'Seedance 2.0 Fast',
      tagline: 'Faster, cheaper Seedance: 4–15 s at 480p or 720p',
      provider: 'seedance',
      idInferred: true,
      fields: seedanceFields(['480p', '720p']),
      modes: seedanceModes,
      rules: [],
    },
    {
      id: 'wan27video',
      name: 'Wan 2.7',
      tagline: '2–15 s with a driving audio track; first/last frames or continue a clip',
      provider: 'wan',
      idInferred: false,
      fields: {
        prompt: prompt(),
        negative_prompt: { type: 'text', required: false, maxLength: 500 },
        duration: duration({ min: 2, max: 15, default: 5 }),
        aspect_ratio: choice(['16:9', '9:16', '1:1', '4:3', '3:4']),
        resolution: choice(['720p', '1080p'], '1080p'),
        seed,
        prompt_extend: toggle(true),
        watermark: toggle(false),
        nsfw_checker: toggle(true),
      },
      modes: [
        withAudio(textOnly),
        withAudio(firstFrame('image_url')),
        withAudio(firstLast('image_url')),
        withAudio({
          id: 'continue',
          label: 'Continue clip',
          // The source clip must be 2–10 s long (cannon-api.md §5, provider docs).
          media: [{ field: 'source_video_url', kind: 'video', required: true, minSeconds: 2, maxSeconds: 10 }],
        }),
      ],
      rules: [],
    },
    {
      id: 'veo31',
      name: 'Veo 3.1',
      tagline: '4, 6 or 8 s with native audio; up to 3 reference images',
      provider: 'veo',
      idInferred: true,
      fields: {
        prompt: prompt(),
        negative_prompt: { type: 'text', required: false, maxLength: 5000 },
        duration: duration({ min: 4, max: 8, values: [4, 6, 8], default: 8 }),
        aspect_ratio: choice(['16:9', '9:16']),
        resolution: choice(['720p', '1080p'], '720p'),
        seed,
      },
      modes: [textOnly, firstFrame('image_url'), firstLast('image_url'), reference(3)],
      rules: [
        {
          when: { field: 'mode', equals: 'reference' },
          then: { field: 'duration', oneOf: [8] },
          message: 'Veo 3.1 needs an 8 s duration with reference images',
        },
        {
          when: { field: 'resolution', equals: '1080p' },
          then: { field: 'duration', oneOf: [8] },
          message: 'Veo 3.1 needs an 8 s duration at 1080p',
        },
      ],
    },
    {
      id: 'sora2',
      name: 'Sora 2',
      tagline: '4–20 s in 4 s steps, landscape or portrait, 720p',
      provider: 'sora2',
      idInferred: true,
      ...sora(['720p']),
      rules: [],
    },
    {
      id: 'sora2pro',
      name: 'Sora 2 Pro',
      tagline: 'Sora 2 with 1080p native sizes, 4–20 s in 4 s steps',
      provider: 'sora2',
      idInferred: true,
      ...sora(['720p', '1080p']),
      rules: [],
    },
    {
      id: 'grok',
      name: 'Grok',
      tagline: '6 or 10 s clips with sound, seven aspect ratios, up to 720p',
      provider: 'grok',
      idInferred: true,
      fields: {
        prompt: prompt(4096),
        duration: duration({ min: 6, max: 10, values: [6, 10], default: 6 }),
        aspect_ratio: choice(['16:9', '9:16', '1:1', '4:3', '3:4', '3:2', '2:3']),
        resolution: choice(['480p', '720p'], '720p'),
      },
      modes: [textOnly, firstFrame('image_url')],
      rules: [],
    },
    {
      id: 'nanobanana',
      name: 'Nano Banana',
      tagline: "Google's image model in motion; no duration or resolution to set",
      provider: 'nanobanana',
      idInferred: true,
      fieldsUnverified: true,
      fields: {
        prompt: prompt(),
        aspect_ratio: choice(['16:9', '9:16', '1:1']),
      },
      modes: [textOnly, firstFrame('image_url')],
      rules: [],
    },
  ],
}
