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
      message: 'Duration must be one of 4, 8, 12, 16, 20 s',
    })
    expect(issueOf({ model: 'sora2', prompt: 'x', negative_prompt: 'no' })).toEqual({
      field: 'negative_prompt',
      message: 'Sora 2 does not support negative_prompt',
    })
    expect(issueOf({ model: 'wan27video' })).toEqual({ field: 'prompt', message: 'Prompt is required' })
    expect(issueOf({ model: 'grok', prompt: 'x'.repeat(4097) })).toEqual({
      field: 'prompt',
      message: 'Prompt must be at most 4096 characters',
    })
    expect(issueOf({ model: 'nope', prompt: 'x' }).field).toBe('model')
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
      message: 'First frame is required with Last frame',
    })
    expect(
      issueOf({
        model: 'wan27video',
        prompt: 'x',
        image_url: 'https://a.example/f.png',
        source_video_url: 'https://a.example/c.mp4',
      }).message,
    ).toBe('Wan 2.7 cannot combine First frame with Source clip')
    expect(
      issueOf({ model: 'seedance2', prompt: 'x', reference_image_urls: Array(10).fill('https://a.example/r.png') })
        .message,
    ).toBe('Reference images allows at most 9')
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
