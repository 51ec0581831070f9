import { expect, it } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { takeFileName } from '@/catalog/take-name'
import { posterOf } from './poster'
import { continueClipInput, lastFrameInput, variationInputs } from './variations'
import { newRenderRecord } from './use-submit-render'

const model = (id: string) => catalogV1.models.find((m) => m.id === id)

it('gives each variation a new seed where the model takes one, and appends the tweak', () => {
  const input = { model: 'seedance2', prompt: 'A fox in snow', seed: 7, duration: 5 }
  const rolls = [0.1, 0.5, 0.9]
  const variations = variationInputs(input, model('seedance2'), 3, ' at dawn ', () => rolls.shift()!)
  expect(variations.map((v) => v.prompt)).toEqual(Array(3).fill('A fox in snow at dawn'))
  expect(new Set(variations.map((v) => v.seed)).size).toBe(3)
  expect(variations.every((v) => v.duration === 5 && v.model === 'seedance2')).toBe(true)
})

it('sends the same input again for a model without a seed', () => {
  const input = { model: 'sora2', prompt: 'Rain on glass', duration: 4 }
  expect(variationInputs(input, model('sora2'), 2)).toEqual([input, input])
})

it('continues a finished clip with Wan 2.7 from its video', () => {
  const record = {
    ...newRenderRecord({ model: 'sora2', prompt: 'Rain' }),
    output: { video_url: '/demo/lava-16x9-4s.mp4' },
  }
  expect(continueClipInput(record)).toEqual({
    model: 'wan27video',
    prompt: 'Rain',
    source_video_url: '/demo/lava-16x9-4s.mp4',
  })
  expect(continueClipInput(newRenderRecord({ model: 'sora2', prompt: 'Rain' }))).toBeUndefined()
})

it('names a download after its prompt, model, seed and id', () => {
  const record = {
    ...newRenderRecord({ model: 'seedance2', prompt: 'Ça va? A café — at 5 AM!', seed: 42 }),
    requestId: 'req_0123456789abc',
  }
  expect(takeFileName({ ...record, id: record.localId })).toBe('ca-va-a-cafe-at-5-am-seedance2-seed42-01234567.mp4')
  const unseeded = { ...newRenderRecord({ model: 'sora2', prompt: '!!!' }), localId: 'abcd-efgh-ijkl' }
  expect(takeFileName({ ...unseeded, id: unseeded.localId })).toBe('render-sora2-abcdefgh.mp4')
})

it('derives a poster for demo clips only, preferring a captured frame', () => {
  expect(posterOf({ output: { video_url: '/demo/silk-9x16-4s.mp4' } })).toBe('/demo/silk-9x16-4s.jpg')
  expect(posterOf({ output: { video_url: 'https://storage.googleapis.com/x/video.mp4' } })).toBeUndefined()
  expect(
    posterOf({ posterDataUrl: 'data:image/jpeg;base64,AAAA', output: { video_url: '/demo/silk-9x16-4s.mp4' } }),
  ).toBe('data:image/jpeg;base64,AAAA')
})

it('starts the next shot from a last frame: same model and settings, the frame as its first frame', () => {
  const take = {
    ...newRenderRecord({
      model: 'seedance2',
      prompt: 'A fox',
      duration: 8,
      seed: 3,
      reference_image_urls: ['/demo/a.jpg'],
    }),
  }
  expect(lastFrameInput(take, catalogV1.models, '/media/f.png')).toEqual({
    model: 'seedance2',
    prompt: 'A fox',
    duration: 8,
    seed: 3,
    first_frame_url: '/media/f.png',
  })
  const grok = newRenderRecord({ model: 'grok', prompt: 'A kite', duration: 10 })
  expect(lastFrameInput(grok, catalogV1.models, '/media/g.png')).toMatchObject({
    model: 'grok',
    image_url: '/media/g.png',
  })
})
