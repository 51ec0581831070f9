import { describe, expect, it } from 'vitest'
import { catalogSchema } from './catalog-schema'
import { catalogV1 } from './models-v1'
import { buildCreateRequestSchema, buildVideoInputSchema, firstIssue } from './request-schema'

const live = buildVideoInputSchema(catalogV1, { allowDemoMedia: false })
const demo = buildVideoInputSchema(catalogV1, { allowDemoMedia: true })

function issueOf(input: unknown) {
  const result = live.safeParse(input)
  if (result.success) throw new Error(`expected a refusal for ${JSON.stringify(input)}`)
  return firstIssue(result.error)
}

describe('catalog v1', () => {
  it('is a valid catalog with all eight models', () => {
    expect(catalogSchema.parse(catalogV1).models.map((m) => m.name)).toEqual([
      'Seedance 2.0',
      'Seedance 2.0 Fast',
      'Wan 2.7',
      'Veo 3.1',
      'Sora 2',
      'Sora 2 Pro',
      'Grok',
      'Nano Banana',
    ])
  })

  it('rejects a catalog whose default is not an allowed value', () => {
    const broken = structuredClone(catalogV1)
    broken.models[0]!.fields.aspect_ratio = { type: 'enum', values: ['16:9'], default: '1:1' }
    expect(catalogSchema.safeParse(broken).success).toBe(false)
  })
})

describe('video.generate input', () => {
  it('accepts the documented Wan 2.7 example as it is', () => {
    const example = {
      prompt: 'A handheld chase through a crowded market at blue hour.',
      model: 'wan27video',
      duration: 10,
      aspect_ratio: '16:9',
      resolution: '1080p',
      image_url: 'https://example.com/start-frame.jpg',
      audio_url: 'https://example.com/drive-track.mp3',
      negative_prompt: 'distorted faces, warping, text overlays',
    }
    expect(live.parse(example)).toEqual(example)
  })

  it('offers Sora 2 exactly 4/8/12/16/20 s', () => {
    const accepted = [1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24].filter(
      (duration) => live.safeParse({ model: 'sora2', prompt: 'x', duration }).success,
    )
    expect(accepted).toEqual([4, 8, 12, 16, 20])
  })

  it('names the field and what is allowed', () => {
    expect(issueOf({ model: 'sora2', prompt: 'x', duration: 10 })).toEqual({
      field: 'duration',
      message: 'Choose a duration of 4, 8, 12, 16 or 20 s',
    })
    expect(issueOf({ model: 'sora2', prompt: 'x', negative_prompt: 'no' })).toEqual({
      field: 'negative_prompt',
      message: 'Sora 2 does not support negative_prompt',
    })
    expect(issueOf({ model: 'wan27video' })).toEqual({ field: 'prompt', message: 'Write a prompt' })
    expect(issueOf({ model: 'grok', prompt: 'x'.repeat(4097) })).toEqual({
      field: 'prompt',
      message: 'Shorten the prompt to 4,096 characters or fewer',
    })
    expect(issueOf({ model: 'nope', prompt: 'x' }).field).toBe('model')
  })

  it('words each refusal as what to do', () => {
    const message = (input: Record<string, unknown>) => issueOf({ prompt: 'x', ...input }).message
    expect(message({ model: 'wan27video', prompt: ' ' })).toBe('Write a prompt')
    expect(message({ model: 'wan27video', duration: 16 })).toBe('Set the duration to a whole number from 2 to 15 s')
    expect(message({ model: 'wan27video', seed: -1 })).toBe('Set the seed to a whole number from 0 to 2,147,483,647')
    expect(message({ model: 'sora2', aspect_ratio: '1:1' })).toBe('Choose an aspect ratio: 16:9 or 9:16')
    expect(message({ model: 'grok', image_url: 'http://a.example/f.png' })).toBe(
      'Use an https:// URL for the first frame',
    )
    expect(message({ model: 'veo31', reference_image_urls: [] })).toBe('Add at least one reference image')
    expect(message({ model: 'veo31', reference_image_urls: ['ftp://a.example/r.png'] })).toBe(
      'Use an https:// URL for each of the reference images',
    )
  })

  it('does not coerce types', () => {
    expect(issueOf({ model: 'sora2', prompt: 'x', duration: '4' }).field).toBe('duration')
    expect(issueOf({ model: 'wan27video', prompt: 'x', watermark: 'true' }).field).toBe('watermark')
  })

  it('applies cross-field rules from the catalog', () => {
    expect(issueOf({ model: 'veo31', prompt: 'x', resolution: '1080p', duration: 4 })).toEqual({
      field: 'duration',
      message: 'Veo 3.1 needs an 8 s duration at 1080p',
    })
    expect(
      issueOf({ model: 'veo31', prompt: 'x', duration: 6, reference_image_urls: ['https://a.example/1.png'] }).field,
    ).toBe('duration')
    expect(
      live.safeParse({ model: 'veo31', prompt: 'x', reference_image_urls: ['https://a.example/1.png'] }).success,
    ).toBe(true)
  })

  it('detects modes from the media fields', () => {
    expect(issueOf({ model: 'wan27video', prompt: 'x', last_frame_url: 'https://a.example/l.png' })).toEqual({
      field: 'image_url',
      message: 'Add a first frame to go with the last frame',
    })
    expect(
      issueOf({
        model: 'wan27video',
        prompt: 'x',
        image_url: 'https://a.example/f.png',
        source_video_url: 'https://a.example/c.mp4',
      }).message,
    ).toBe('Remove the first frame or the source clip: Wan 2.7 cannot use them together')
    expect(
      issueOf({ model: 'seedance2', prompt: 'x', reference_image_urls: Array(10).fill('https://a.example/r.png') })
        .message,
    ).toBe('Use at most 9 reference images')
  })

  it('accepts only https media, and demo media only in demo mode', () => {
    expect(issueOf({ model: 'grok', prompt: 'x', image_url: 'http://a.example/f.png' }).field).toBe('image_url')
    expect(live.safeParse({ model: 'grok', prompt: 'x', image_url: '/demo/lava-16x9-4s.jpg' }).success).toBe(false)
    expect(demo.safeParse({ model: 'grok', prompt: 'x', image_url: '/demo/lava-16x9-4s.jpg' }).success).toBe(true)
    expect(demo.safeParse({ model: 'grok', prompt: 'x', image_url: '/demo/../etc/passwd' }).success).toBe(false)
  })
})

describe('request envelope', () => {
  const envelope = buildCreateRequestSchema(catalogV1, { allowDemoMedia: false })

  it('refuses other operations', () => {
    const result = envelope.safeParse({ operation: 'video.upscale', input: {} })
    expect(result.success).toBe(false)
  })

  it('accepts prompt.enhance.video with camelCase input', () => {
    const body = { operation: 'prompt.enhance.video', input: { prompt: 'a runner', aspectRatio: '16:9', duration: 8 } }
    expect(envelope.parse(body)).toEqual(body)
  })
})
