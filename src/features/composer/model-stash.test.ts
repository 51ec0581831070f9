import { describe, expect, it } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { defaultValues, type ComposerValues } from './form-values'
import { EMPTY_STASH, noteEdit, switchWithStash, type ModelStash } from './model-stash'

const model = (id: string) => catalogV1.models.find((m) => m.id === id)!
const wan = model('wan27video')
const sora = model('sora2')
const grok = model('grok')
const veo = model('veo31')
const seedance = model('seedance2')

/** Wan 2.7 with a value in every field a switch to Sora 2 drops or clamps. */
const wanWork: ComposerValues = {
  ...defaultValues(wan),
  prompt: 'A chase through the market',
  mode: 'first-frame',
  negative_prompt: 'blur, text',
  duration: 10,
  aspect_ratio: '4:3',
  resolution: '1080p',
  seed: 4242,
  seedLocked: true,
  image_url: 'https://media.example/frame.jpg',
  audio_url: 'https://media.example/drums.mp3',
  prompt_extend: false,
}

/** Switches through `path` (model ids), starting from Wan 2.7's work. */
function travel(path: string[], stash: ModelStash = EMPTY_STASH, values = wanWork) {
  let from = wan
  let state = { values, stash, message: '' }
  for (const id of path) {
    const to = model(id)
    state = switchWithStash(state.stash, state.values, from, to)
    from = to
  }
  return state
}

describe('switchWithStash', () => {
  it('brings back everything Sora 2 dropped or clamped on the way back to Wan 2.7, and says so', () => {
    const there = travel(['sora2'])
    expect(there.values).not.toHaveProperty('negative_prompt')
    expect(there.values).not.toHaveProperty('seed')
    expect(there.values).not.toHaveProperty('seedLocked')
    expect(there.values).toMatchObject({ duration: 8, aspect_ratio: '16:9', resolution: '720p' })

    const back = travel(['sora2', 'wan27video'])
    expect(back.values).toEqual({ ...wanWork })
    expect(back.message).toBe(
      'Switched to Wan 2.7. Negative prompt, Duration, Aspect ratio, Resolution, Seed, Prompt extend, Audio back as you left them.',
    )
    expect(back.stash).not.toHaveProperty('wan27video')
    expect(back.stash).toHaveProperty('sora2')
  })

  it('brings them back after a detour through several models', () => {
    const back = travel(['sora2', 'grok', 'veo31', 'seedance2', 'wan27video'])
    expect(back.values).toEqual({ ...wanWork })
  })

  it('keeps what the creative changed since, by its part (a first frame is a first frame on every model)', () => {
    const atSeedance = travel(['sora2', 'seedance2'])
    let stash = atSeedance.stash
    const edited = { ...atSeedance.values, duration: 12, first_frame_url: 'https://media.example/new.jpg' }
    stash = noteEdit(stash, 'duration')
    stash = noteEdit(stash, 'first_frame_url')
    const back = switchWithStash(stash, edited, seedance, wan)
    expect(back.values).toMatchObject({ duration: 12, image_url: 'https://media.example/new.jpg' })
    expect(back.values).toMatchObject({ negative_prompt: 'blur, text', aspect_ratio: '4:3', seed: 4242 })
  })

  it('keeps the seed and its lock together: a seed set since keeps its own lock', () => {
    const atSeedance = travel(['sora2', 'seedance2'])
    const stash = noteEdit(atSeedance.stash, 'seed')
    const back = switchWithStash(stash, { ...atSeedance.values, seed: 7 }, seedance, wan)
    expect(back.values.seed).toBe(7)
    expect(back.values).not.toHaveProperty('seedLocked')
  })

  it('keeps aside per model: each model gets its own values back', () => {
    const atSora = travel(['sora2'])
    const soraWork = { ...atSora.values, duration: 20, aspect_ratio: '9:16' }
    const stash = noteEdit(noteEdit(atSora.stash, 'duration'), 'aspect_ratio')
    const atGrok = switchWithStash(stash, soraWork, sora, grok)
    expect(atGrok.values).toMatchObject({ duration: 10, aspect_ratio: '9:16' })
    const atWan = switchWithStash(atGrok.stash, atGrok.values, grok, wan)
    // Wan 2.7's duration and ratio were changed by hand in Sora 2: those stay; the rest comes back.
    expect(atWan.values).toMatchObject({ duration: 10, aspect_ratio: '9:16', negative_prompt: 'blur, text' })
    const backToSora = switchWithStash(atWan.stash, atWan.values, wan, sora)
    expect(backToSora.values).toMatchObject({ duration: 20, aspect_ratio: '9:16' })
  })

  it('applies the rules again when a value carried in meets one brought back', () => {
    const veoWork = { ...defaultValues(veo), prompt: 'p', duration: 4, resolution: '720p' }
    const atSoraPro = switchWithStash(EMPTY_STASH, veoWork, veo, model('sora2pro'))
    const stash = noteEdit(atSoraPro.stash, 'resolution')
    const back = switchWithStash(stash, { ...atSoraPro.values, resolution: '1080p' }, model('sora2pro'), veo)
    expect(back.values).toMatchObject({ resolution: '1080p', duration: 8 })
  })

  it('says only what changed when nothing was kept aside for the model', () => {
    expect(travel(['sora2']).message).toBe(
      'Switched to Sora 2. Negative prompt removed: Sora 2 does not support it; Duration 10 s → 8 s; ' +
        'Aspect ratio 4:3 → 16:9; Resolution 1080p → 720p; Seed removed: Sora 2 does not support it; ' +
        'Prompt extend removed: Sora 2 does not support it; Audio removed: Sora 2 does not support it.',
    )
  })
})

describe('noteEdit', () => {
  it('returns the same stash when the role is already marked everywhere', () => {
    const { stash } = travel(['sora2'])
    const once = noteEdit(stash, 'duration')
    expect(noteEdit(once, 'duration')).toBe(once)
    expect(noteEdit(EMPTY_STASH, 'duration')).toBe(EMPTY_STASH)
  })
})
