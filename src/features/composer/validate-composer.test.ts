import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type FieldSpec, type Model } from '@/catalog/catalog-schema'
import { WIRE_FIELDS } from '@/catalog/wire-fields'
import { detectMode } from '@/catalog/modes'
import { catalogV1 } from '@/catalog/models-v1'
import { buildCreateRequestSchema } from '@/catalog/request-schema'
import { defaultValues, type ComposerValues } from './form-values'
import { validateComposer } from './validate-composer'

const options = { allowDemoMedia: true }
const envelope = buildCreateRequestSchema(catalogV1, options)
const model = (id: string) => catalogV1.models.find((m) => m.id === id)!

const url = fc.constantFrom(
  'https://media.example/a.jpg',
  '/demo/lava-16x9-4s.jpg',
  'http://insecure.example/a.jpg',
  'not a url',
  '',
  '  https://media.example/padded.mp4  ',
)

function validValue(spec: FieldSpec): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case 'text':
      return fc.string({ maxLength: 40 })
    case 'boolean':
      return fc.boolean()
    case 'enum':
      return fc.constantFrom(...spec.values)
    case 'integer':
      return spec.values ? fc.constantFrom(...spec.values) : fc.integer({ min: spec.min, max: spec.max })
  }
}

/** Any value a form field could hold, sensible or not (stale values from another model included). */
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 30 }),
  fc.constant(Number.NaN),
  fc.boolean(),
  url,
  fc.array(url, { maxLength: 11 }),
)

function formState(m: Model): fc.Arbitrary<ComposerValues> {
  const fields = Object.fromEntries(
    WIRE_FIELDS.filter((f) => f !== 'prompt').map((field) => {
      const spec = m.fields[field]
      return [field, spec ? fc.oneof(validValue(spec), anyValue) : anyValue]
    }),
  )
  const promptMax = m.fields.prompt?.type === 'text' ? m.fields.prompt.maxLength : 5000
  return fc.record({
    ...fields,
    model: fc.constant(m.id),
    mode: fc.oneof(fc.constantFrom(...m.modes.map((mode) => mode.id)), fc.constant('no-such-mode')),
    prompt: fc.oneof(fc.string({ maxLength: 60 }), fc.constant(''), fc.constant('y'.repeat(promptMax + 1))),
  }) as fc.Arbitrary<ComposerValues>
}

describe.each(catalogV1.models.map((m) => [m.name, m] as const))('%s form states', (_name, m) => {
  it('give a payload of only its own wire fields that the BFF schema accepts, or field-level errors', () => {
    const own = new Set<string>(['model', 'prompt', ...Object.keys(m.fields)])
    const fieldsOfForm = new Set<string>([
      'model',
      'mode',
      ...Object.keys(m.fields),
      ...m.modes.flatMap((x) => x.media.map((s) => s.field)),
    ])
    fc.assert(
      fc.property(formState(m), (values) => {
        const result = validateComposer(m, values, options)
        const modeFields = (m.modes.find((x) => x.id === values.mode) ?? m.modes[0]!).media.map((s) => s.field)
        for (const key of Object.keys(result.input))
          expect(own.has(key) || modeFields.includes(key as never)).toBe(true)
        if (result.ok) {
          expect(envelope.safeParse({ operation: 'video.generate', input: result.input }).success).toBe(true)
          const detected = detectMode(m, result.input as unknown as Record<string, unknown>)
          expect(detected.ok && detected.mode.id).toBe(values.mode)
        } else {
          expect(Object.keys(result.errors).length).toBeGreaterThan(0)
          for (const field of Object.keys(result.errors)) expect(fieldsOfForm.has(field)).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('validateComposer', () => {
  it('sends only the current mode’s media, trimmed', () => {
    const values = {
      ...defaultValues(model('wan27video')),
      prompt: 'p',
      mode: 'first-frame',
      image_url: ' https://a.example/f.jpg ',
      source_video_url: 'https://a.example/hidden.mp4',
    }
    const result = validateComposer(model('wan27video'), values, options)
    expect(result).toMatchObject({ ok: true, input: { image_url: 'https://a.example/f.jpg' } })
    expect(result.input).not.toHaveProperty('source_video_url')
  })

  it('requires the media of the chosen mode, at the media field', () => {
    const values = {
      ...defaultValues(model('seedance2')),
      prompt: 'p',
      mode: 'first-last',
      first_frame_url: 'https://a.example/f.jpg',
    }
    expect(validateComposer(model('seedance2'), values, options)).toMatchObject({
      ok: false,
      errors: { last_frame_url: 'Add a last frame' },
    })
  })

  it('puts each schema issue on the field it names', () => {
    const values = { ...defaultValues(model('veo31')), prompt: '', resolution: '1080p', duration: 4 }
    expect(validateComposer(model('veo31'), values, options)).toMatchObject({
      ok: false,
      errors: { prompt: 'Write a prompt', duration: 'Veo 3.1 needs an 8 s duration at 1080p' },
    })
  })

  it('gives every blocking reason, once each, in the order the form shows the fields', () => {
    const values = {
      ...defaultValues(model('veo31')),
      prompt: '',
      mode: 'first-last',
      image_url: 'http://insecure.example/f.jpg',
      resolution: '1080p',
      duration: 4,
      seed: -3,
    }
    const result = validateComposer(model('veo31'), values, options)
    expect(result).toMatchObject({
      ok: false,
      messages: [
        'Write a prompt',
        'Use an https:// URL or a demo file for the first frame',
        'Add a last frame',
        'Veo 3.1 needs an 8 s duration at 1080p',
        'Set the seed to a whole number from 0 to 2,147,483,647',
      ],
      firstMessage: 'Write a prompt',
    })
  })

  it('refuses demo files outside demo mode', () => {
    const values = {
      ...defaultValues(model('grok')),
      prompt: 'p',
      mode: 'first-frame',
      image_url: '/demo/lava-16x9-4s.jpg',
    }
    expect(validateComposer(model('grok'), values, { allowDemoMedia: false })).toMatchObject({
      ok: false,
      errors: { image_url: 'Use an https:// URL for the first frame' },
    })
  })
})
