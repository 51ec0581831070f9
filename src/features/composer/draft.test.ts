import { describe, expect, it } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { parseDraft } from './draft'
import { defaultValues } from './form-values'

const options = { allowDemoMedia: true }
const wan = catalogV1.models.find((m) => m.id === 'wan27video')!

describe('parseDraft', () => {
  it('restores a saved draft as it was', () => {
    const saved = {
      ...defaultValues(wan),
      prompt: 'A chase',
      mode: 'first-frame',
      duration: 12,
      image_url: '/demo/lava-16x9-4s.jpg',
      negative_prompt: 'blur',
      seed: 42,
    }
    expect(parseDraft(JSON.stringify(saved), catalogV1, options)).toEqual(saved)
  })

  it('drops the values that no longer parse, keeping the rest', () => {
    const saved = { model: 'wan27video', mode: 'gone', prompt: 'Keep me', duration: 99, aspect_ratio: '21:9', seed: 7 }
    expect(parseDraft(JSON.stringify(saved), catalogV1, options)).toEqual({
      ...defaultValues(wan),
      prompt: 'Keep me',
      seed: 7,
    })
  })

  it('keeps a prompt that is over the limit: the form says so, the words are not lost', () => {
    const long = 'w'.repeat(6000)
    expect(parseDraft(JSON.stringify({ model: 'grok', prompt: long }), catalogV1, options)?.prompt).toBe(long)
  })

  it('keeps uploaded files: the studio’s own /media/ links in demo mode, its public https links in live mode', () => {
    const name = `${'ab'.repeat(32)}.png`
    for (const [url, allowDemoMedia] of [
      [`/media/${name}`, true],
      [`https://studio.example.com/media/${name}`, false],
    ] as const) {
      const saved = { model: 'wan27video', mode: 'first-frame', prompt: 'p', image_url: url }
      expect(parseDraft(JSON.stringify(saved), catalogV1, { allowDemoMedia })?.image_url).toBe(url)
    }
    const live = { model: 'wan27video', mode: 'first-frame', prompt: 'p', image_url: `/media/${name}` }
    expect(parseDraft(JSON.stringify(live), catalogV1, { allowDemoMedia: false })?.image_url).toBeUndefined()
  })

  it('keeps the filled rows of a reference list', () => {
    const saved = {
      model: 'seedance2',
      mode: 'reference',
      prompt: 'p',
      reference_image_urls: ['https://a.example/1.jpg', ''],
    }
    expect(parseDraft(JSON.stringify(saved), catalogV1, options)?.reference_image_urls).toEqual([
      'https://a.example/1.jpg',
    ])
  })

  it.each([null, '', 'not json', '[]', '42', JSON.stringify({ model: 'retired-model', prompt: 'p' })])(
    'gives no draft for %j',
    (raw) => {
      expect(parseDraft(raw, catalogV1, options)).toBeUndefined()
    },
  )
})
