import { describe, expect, it } from 'vitest'
import { DEMO_CLIPS } from '@/catalog/demo-clips'
import { pickDemoClip } from './demo-media'

const ask = { aspectRatio: '9:16', seconds: 8, seed: 42, prompt: 'A paper boat at dusk' }

describe('pickDemoClip', () => {
  it('gives the same seed and prompt the same clip', () => {
    expect(pickDemoClip(ask)).toEqual(pickDemoClip({ ...ask }))
    expect(pickDemoClip({ ...ask, seed: undefined })).toEqual(pickDemoClip({ ...ask, seed: undefined }))
  })

  it('gives other seeds and prompts other looks, most of the time', () => {
    const seeds = Array.from({ length: 60 }, (_, seed) => pickDemoClip({ ...ask, seed }).path)
    const prompts = Array.from({ length: 60 }, (_, i) => pickDemoClip({ ...ask, prompt: `Take ${i}` }).path)
    for (const paths of [seeds, prompts]) {
      expect(new Set(paths).size).toBe(3)
      const changes = paths.filter((path, i) => i > 0 && path !== paths[i - 1]).length
      expect(changes).toBeGreaterThan(paths.length / 2)
    }
  })

  it('keeps the aspect ratio, and falls back to 16:9 for one the set lacks', () => {
    for (const aspectRatio of ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9', '3:2', '2:3']) {
      expect(pickDemoClip({ ...ask, aspectRatio }).aspectRatio).toBe(aspectRatio)
    }
    expect(pickDemoClip({ ...ask, aspectRatio: '5:4' }).aspectRatio).toBe('16:9')
    expect(pickDemoClip({ ...ask, aspectRatio: undefined }).aspectRatio).toBe('16:9')
  })

  it('matches the asked duration where a clip has it, else takes the closest length (longer on a tie)', () => {
    const lengths = [2, 4, 5, 6, 7, 8, 10, 12, 15, 20].map((seconds) => pickDemoClip({ ...ask, seconds }).seconds)
    expect(lengths).toEqual([4, 4, 6, 6, 8, 8, 10, 10, 10, 10])
    expect(pickDemoClip({ ...ask, seconds: undefined }).seconds).toBe(4)
  })

  it('only ever answers a listed clip', () => {
    const listed = new Set(DEMO_CLIPS)
    for (let seed = 0; seed < 50; seed++)
      expect(listed.has(pickDemoClip({ ...ask, seed, seconds: seed % 22 }))).toBe(true)
  })
})
