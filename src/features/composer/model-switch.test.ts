import { describe, expect, it } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { defaultValues, type ComposerValues } from './form-values'
import { describeSwitch, switchMode, switchModel } from './model-switch'

const model = (id: string) => catalogV1.models.find((m) => m.id === id)!
const wan = model('wan27video')
const sora = model('sora2')
const veo = model('veo31')
const seedance = model('seedance2')
const grok = model('grok')

const wanValues = (values: Partial<ComposerValues>): ComposerValues => ({
  ...defaultValues(wan),
  prompt: 'A chase',
  ...values,
})

describe('switchModel', () => {
  it('clamps to the nearest step and drops what the target lacks, saying exactly that', () => {
    const result = switchModel(wanValues({ duration: 10, negative_prompt: 'blur' }), wan, sora)
    expect(result.changes).toEqual([
      'Negative prompt removed: Sora 2 does not support it',
      'Duration 10 s → 8 s',
      'Resolution 1080p → 720p',
    ])
    expect(result.values).toMatchObject({ model: 'sora2', prompt: 'A chase', duration: 8, resolution: '720p' })
    expect(result.values).not.toHaveProperty('negative_prompt')
    expect(describeSwitch(sora, result.changes)).toBe(
      'Switched to Sora 2. Negative prompt removed: Sora 2 does not support it; Duration 10 s → 8 s; Resolution 1080p → 720p.',
    )
  })

  it('keeps every value that is still valid and says nothing changed', () => {
    const result = switchModel(
      { ...defaultValues(sora), prompt: 'p', duration: 4, aspect_ratio: '9:16' },
      sora,
      model('sora2pro'),
    )
    expect(result.changes).toEqual([])
    expect(result.values).toMatchObject({ model: 'sora2pro', prompt: 'p', duration: 4, aspect_ratio: '9:16' })
    expect(describeSwitch(model('sora2pro'), [])).toBe('Switched to Sora 2 Pro; every value carried over.')
  })

  it('does not mention fields left at their defaults', () => {
    // Wan's prompt extend, watermark and safety checker are at their defaults: nothing the user chose is lost.
    expect(switchModel(wanValues({ resolution: '720p', duration: 8 }), wan, sora).changes).toEqual([])
  })

  it('falls back to text mode and carries media by role (First frame ↔ First frame)', () => {
    const continuing = switchModel(
      wanValues({ mode: 'continue', source_video_url: 'https://a.example/c.mp4', resolution: '720p', duration: 8 }),
      wan,
      sora,
    )
    expect(continuing.values.mode).toBe('text')
    expect(continuing.changes).toEqual([
      'Mode Continue clip → Text: Sora 2 has no Continue clip mode',
      'Source clip removed: Sora 2 does not support it',
    ])

    const framed = switchModel(wanValues({ mode: 'first-frame', image_url: 'https://a.example/f.jpg' }), wan, seedance)
    expect(framed.values).toMatchObject({ mode: 'first-frame', first_frame_url: 'https://a.example/f.jpg' })
    expect(framed.values).not.toHaveProperty('image_url')
  })

  it('trims reference images to the target maximum', () => {
    const urls = Array.from({ length: 5 }, (_, i) => `https://a.example/${i}.jpg`)
    const result = switchModel(
      { ...defaultValues(seedance), prompt: 'p', mode: 'reference', reference_image_urls: urls },
      seedance,
      veo,
    )
    expect(result.values.reference_image_urls).toEqual(urls.slice(0, 3))
    expect(result.changes).toContain('Reference images 5 → 3: Veo 3.1 takes at most 3')
    expect(result.changes).toContain('Duration 5 s → 8 s: Veo 3.1 needs an 8 s duration with reference images')
  })

  it('applies cross-field rules, reporting the final value once', () => {
    const result = switchModel(wanValues({ duration: 5, resolution: '1080p' }), wan, veo)
    expect(result.values).toMatchObject({ duration: 8, resolution: '1080p' })
    expect(result.changes).toEqual(['Duration 5 s → 8 s: Veo 3.1 needs an 8 s duration at 1080p'])
  })

  it('keeps a prompt over the target limit, and says so', () => {
    const long = 'x'.repeat(4500)
    const result = switchModel(wanValues({ prompt: long, resolution: '720p', duration: 10 }), wan, grok)
    expect(result.values.prompt).toBe(long)
    expect(result.changes).toEqual(["Prompt is over Grok's 4096 characters: shorten it before generating"])
  })

  it('clamps a range to its bounds', () => {
    const result = switchModel({ ...defaultValues(seedance), prompt: 'p', duration: 15 }, seedance, wan)
    expect(result.values.duration).toBe(15)
    const back = switchModel(wanValues({ duration: 2 }), wan, seedance)
    expect(back.values.duration).toBe(4)
    expect(back.changes).toContain('Duration 2 s → 4 s')
  })
})

describe('switchMode', () => {
  it('applies the rules a mode brings, and only then', () => {
    const values = { ...defaultValues(veo), prompt: 'p', duration: 4 }
    expect(switchMode(values, veo, 'reference')).toMatchObject({
      values: { ...values, mode: 'reference', duration: 8 },
      changes: ['Duration 4 s → 8 s: Veo 3.1 needs an 8 s duration with reference images'],
    })
    expect(switchMode(values, veo, 'first-frame').changes).toEqual([])
  })
})
