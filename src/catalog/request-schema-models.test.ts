import { describe, expect, it } from 'vitest'
import { type FieldSpec, type MediaSlot, type Model, type Mode } from './catalog-schema'
import { FIELD_LABELS, type WireField } from './wire-fields'
import { catalogV1 } from './models-v1'
import { buildModelInputSchema, firstIssue } from './request-schema'

const options = { allowDemoMedia: false }
const URLS = {
  image: 'https://media.example/frame.jpg',
  video: 'https://media.example/clip.mp4',
  audio: 'https://media.example/a.mp3',
}

function mediaValue(slot: MediaSlot) {
  return slot.maxItems !== undefined ? Array(slot.minItems ?? 1).fill(URLS[slot.kind]) : URLS[slot.kind]
}

/** A complete, valid input for one model and mode: every field set (defaults or first allowed value). */
function validExample(model: Model, mode: Mode): Record<string, unknown> {
  const input: Record<string, unknown> = { model: model.id, prompt: 'A paper boat in the rain' }
  for (const [name, spec] of Object.entries(model.fields) as [WireField, FieldSpec][]) {
    if (name === 'prompt') continue
    if (spec.type === 'text') input[name] = 'no text overlays'
    else if (spec.type === 'boolean') input[name] = !spec.default
    else if (spec.type === 'enum') input[name] = spec.values.at(-1)
    else input[name] = spec.default ?? spec.values?.[0] ?? spec.min
  }
  for (const slot of mode.media) input[slot.field] = mediaValue(slot)
  // The catalog's own rules (e.g. Veo 1080p needs 8 s) pick the values a valid example must have.
  for (const rule of model.rules) {
    const when = rule.when.field === 'mode' ? mode.id : input[rule.when.field]
    if (when === rule.when.equals) input[rule.then.field] = rule.then.oneOf[0]
  }
  return input
}

/** Values that break one field's constraint, each with a word on what it breaks. */
function violations(spec: FieldSpec): [string, unknown][] {
  switch (spec.type) {
    case 'text':
      return [
        ['too long', 'x'.repeat(spec.maxLength + 1)],
        ['not text', 42],
      ]
    case 'boolean':
      return [
        ['a string', 'true'],
        ['a number', 1],
      ]
    case 'enum':
      return [
        ['not allowed', 'not-a-value'],
        ['a number', 16],
      ]
    case 'integer': {
      const broken: [string, unknown][] = [
        ['below the minimum', spec.min - 1],
        ['above the maximum', spec.max + 1],
        ['a fraction', spec.min + 0.5],
        ['a string', String(spec.min)],
      ]
      const gap = spec.values?.find((v, i) => spec.values![i + 1] !== undefined && spec.values![i + 1]! - v > 1)
      if (gap !== undefined) broken.push(['between steps', gap + 1])
      return broken
    }
  }
}

describe.each(catalogV1.models.map((model) => [model.name, model] as const))('%s', (_name, model) => {
  const schema = buildModelInputSchema(model, options)
  const refusal = (input: Record<string, unknown>) => {
    const result = schema.safeParse(input)
    if (result.success) throw new Error(`accepted ${JSON.stringify(input)}`)
    return firstIssue(result.error)
  }

  it.each(model.modes.map((mode) => [mode.label, mode] as const))('accepts a full %s example', (_label, mode) => {
    const example = validExample(model, mode)
    expect(schema.parse(example)).toEqual(example)
  })

  it('accepts the bare minimum: model and prompt', () => {
    expect(schema.safeParse({ model: model.id, prompt: 'x' }).success).toBe(true)
  })

  const base = validExample(model, model.modes[0]!)
  for (const [name, spec] of Object.entries(model.fields) as [WireField, FieldSpec][]) {
    it.each(violations(spec))(`refuses ${name} %s, naming the field`, (_what, value) => {
      const issue = refusal({ ...base, [name]: value })
      expect(issue.field).toBe(name)
      expect(issue.message.toLowerCase()).toContain(FIELD_LABELS[name].toLowerCase())
    })
  }

  it('refuses every wire field it does not have, naming it', () => {
    const own = new Set<string>([
      ...Object.keys(model.fields),
      ...model.modes.flatMap((m) => m.media.map((s) => s.field)),
    ])
    const foreign = (Object.keys(FIELD_LABELS) as WireField[]).filter((field) => !own.has(field))
    for (const field of foreign) {
      expect(refusal({ ...base, [field]: 'https://media.example/x' })).toEqual({
        field,
        message: `${model.name} does not support ${field}`,
      })
    }
  })

  for (const mode of model.modes) {
    for (const slot of mode.media) {
      it(`${mode.label}: refuses ${slot.field} that is not an https URL`, () => {
        const example = validExample(model, mode)
        const bad = slot.maxItems !== undefined ? ['http://media.example/a.jpg'] : 'http://media.example/a.jpg'
        expect(refusal({ ...example, [slot.field]: bad }).field).toMatch(new RegExp(`^${slot.field}`))
      })
      if (slot.maxItems !== undefined) {
        it(`${mode.label}: refuses more than ${slot.maxItems} ${FIELD_LABELS[slot.field]}`, () => {
          const example = validExample(model, mode)
          const issue = refusal({ ...example, [slot.field]: Array(slot.maxItems! + 1).fill(URLS.image) })
          expect(issue).toEqual({ field: slot.field, message: `Use at most ${slot.maxItems} reference images` })
        })
      }
    }
  }
})

describe('catalog v1 facts, per model', () => {
  const accepts = (input: Record<string, unknown>) =>
    buildModelInputSchema(
      catalogV1.models.find((m) => m.id === input.model)!,
      options,
    ).safeParse(input).success

  it.each([
    [{ model: 'seedance2', prompt: 'x', resolution: '1080p' }, true],
    [{ model: 'seedance2fast', prompt: 'x', resolution: '1080p' }, false],
    [{ model: 'seedance2', prompt: 'x', aspect_ratio: '21:9', duration: 15 }, true],
    [{ model: 'wan27video', prompt: 'x', duration: 2, source_video_url: URLS.video, audio_url: URLS.audio }, true],
    [{ model: 'wan27video', prompt: 'x', negative_prompt: 'n'.repeat(501) }, false],
    [{ model: 'wan27video', prompt: 'x', resolution: '480p' }, false],
    [{ model: 'veo31', prompt: 'x', aspect_ratio: '1:1' }, false],
    [{ model: 'veo31', prompt: 'x', reference_image_urls: Array(3).fill(URLS.image) }, true],
    [{ model: 'veo31', prompt: 'x', reference_image_urls: Array(4).fill(URLS.image) }, false],
    [{ model: 'veo31', prompt: 'x', resolution: '1080p', duration: 8 }, true],
    [{ model: 'sora2', prompt: 'x', resolution: '1080p' }, false],
    [{ model: 'sora2pro', prompt: 'x', resolution: '1080p', duration: 20 }, true],
    [{ model: 'sora2', prompt: 'x', image_url: URLS.image, last_frame_url: URLS.image }, false],
    [{ model: 'grok', prompt: 'x', aspect_ratio: '2:3', duration: 10 }, true],
    [{ model: 'grok', prompt: 'x', duration: 8 }, false],
    [{ model: 'nanobanana', prompt: 'x', duration: 5 }, false],
    [{ model: 'nanobanana', prompt: 'x', image_url: URLS.image, aspect_ratio: '9:16' }, true],
  ])('%j → accepted: %s', (input, expected) => {
    expect(accepts(input)).toBe(expected)
  })
})
