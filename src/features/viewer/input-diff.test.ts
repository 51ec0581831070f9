import { expect, it } from 'vitest'
import { inputDifferences } from './input-diff'

it('lists only the fields that differ, including fields one render does not set', () => {
  const differences = inputDifferences([
    { input: { model: 'seedance2', prompt: 'A fox', seed: 1, reference_image_urls: ['/a.jpg'] } },
    { input: { model: 'seedance2', prompt: 'A fox', seed: 2, reference_image_urls: ['/a.jpg'] } },
    { input: { model: 'veo31', prompt: 'A fox', reference_image_urls: ['/a.jpg'] } },
  ])
  expect(differences).toEqual([
    { field: 'model', values: ['seedance2', 'seedance2', 'veo31'] },
    { field: 'seed', values: [1, 2, undefined] },
  ])
})

it('finds nothing to list for identical inputs', () => {
  const input = { model: 'sora2', prompt: 'Rain', duration: 4 }
  expect(inputDifferences([{ input }, { input: { ...input } }])).toEqual([])
})
