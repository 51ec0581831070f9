import { describe, expect, it } from 'vitest'
import { type FieldSpec, type Model, type Mode } from '@/catalog/catalog-schema'
import { FIELD_LABELS, type WireField } from '@/catalog/wire-fields'
import { mediaSlotsOf } from '@/catalog/modes'
import { catalogV1 } from '@/catalog/models-v1'
import { demoSample } from '@/features/composer/demo-samples'
import { buildVideoInput, defaultValues, type ComposerValues } from '@/features/composer/form-values'
import { applyRules } from '@/features/composer/model-switch'
import { validateComposer } from '@/features/composer/validate-composer'
import { planShootout } from './shootout-plan'

const options = { allowDemoMedia: true }
const models = catalogV1.models
const model = (id: string) => models.find((m) => m.id === id)!

/** A value other than the default, where the spec has one: a shoot-out must carry real choices, not defaults. */
function chosen(spec: FieldSpec): unknown {
  switch (spec.type) {
    case 'text':
      return 'soft focus'
    case 'boolean':
      return !spec.default
    case 'enum':
      return spec.values.at(-1)
    case 'integer':
      return spec.values ? spec.values.at(-1) : spec.max
  }
}

/** A complete, valid input for `mode` of `from`: every field chosen, every medium of the mode filled to its most. */
function fullValues(from: Model, mode: Mode): ComposerValues {
  const values: ComposerValues = { ...defaultValues(from), mode: mode.id, prompt: 'A kite over the dunes' }
  for (const [field, spec] of Object.entries(from.fields)) if (field !== 'prompt') values[field] = chosen(spec)
  for (const slot of mode.media) {
    values[slot.field as string] =
      slot.maxItems === undefined
        ? demoSample(slot.kind, values.aspect_ratio)
        : Array.from({ length: slot.maxItems }, (_, i) => demoSample(slot.kind, values.aspect_ratio, i))
  }
  applyRules(from, values)
  return values
}

const fieldOfLabel = (target: Model, text: string) =>
  [...Object.keys(target.fields), ...mediaSlotsOf(target).map((s) => s.field)].find(
    (field) => FIELD_LABELS[field as WireField] === text,
  )

const pairs = models.flatMap((from) =>
  from.modes.flatMap((mode) => models.map((to) => [`${from.id} (${mode.label}) → ${to.id}`, from, mode, to] as const)),
)

describe('planShootout, for every pair of models and every mode of the first', () => {
  it.each(pairs)('%s: a valid input the target takes, every field sent accounted for', (_, from, mode, to) => {
    const values = fullValues(from, mode)
    expect(validateComposer(from, values, options).ok).toBe(true)
    const sent = buildVideoInput(from, values) as unknown as Record<string, unknown>
    const [row] = planShootout(values, from, [to], options)

    expect(row!.problem).toBeUndefined()
    expect(row!.input.model).toBe(to.id)
    expect(row!.input.prompt).toBe(values.prompt)
    const targetFields = new Set<string>([...Object.keys(to.fields), ...mediaSlotsOf(to).map((s) => s.field)])
    for (const field of Object.keys(row!.input)) if (field !== 'model') expect(targetFields).toContain(field)

    const said = [...row!.changed, ...row!.dropped]
    for (const field of Object.keys(sent).filter((f) => f !== 'model' && f !== 'prompt')) {
      const name = FIELD_LABELS[field as WireField]
      const told = said.some((sentence) => sentence.startsWith(name))
      expect(row!.kept.includes(name) || told, `${name} is kept or said to change`).toBe(true)
      if (row!.kept.includes(name)) {
        expect((row!.input as unknown as Record<string, unknown>)[fieldOfLabel(to, name)!]).toEqual(sent[field])
      }
    }
    if (from.id === to.id) expect(said).toEqual([])
  })
})

describe('planShootout', () => {
  it('says what each model keeps, clamps and drops', () => {
    const wan = model('wan27video')
    const values = { ...defaultValues(wan), prompt: 'A chase', duration: 10, negative_prompt: 'blur', seed: 42 }
    const [sora, veo] = planShootout(values, wan, [model('sora2'), model('veo31')], options)
    expect(sora).toMatchObject({
      kept: ['Aspect ratio'],
      changed: ['Duration 10 s → 8 s', 'Resolution 1080p → 720p'],
      problem: undefined,
    })
    expect(sora!.dropped).toEqual(['Negative prompt', 'Seed', 'Prompt extend', 'Watermark', 'Safety checker'])
    expect(veo).toMatchObject({ kept: ['Negative prompt', 'Aspect ratio', 'Resolution', 'Seed'] })
    expect(veo!.input).toMatchObject({ model: 'veo31', duration: 8, seed: 42, negative_prompt: 'blur' })
  })

  it('says when a medium is not sent because the target falls back to a mode without it', () => {
    const wan = model('wan27video')
    const values = {
      ...defaultValues(wan),
      mode: 'continue',
      prompt: 'Go on',
      source_video_url: '/demo/aurora-16x9-6s.mp4',
    }
    const [grok] = planShootout(values, wan, [model('grok')], options)
    expect([...grok!.changed, ...grok!.dropped].join(' ')).toMatch(/Source clip/)
    expect(grok!.input).not.toHaveProperty('source_video_url')
    expect(grok!.problem).toBeUndefined()
  })

  it('names the problem of a model that would refuse the mapped input', () => {
    const wan = model('wan27video')
    const values = { ...defaultValues(wan), prompt: 'x'.repeat(4500) }
    const [wanRow, grokRow] = planShootout(values, wan, [wan, model('grok')], options)
    expect(wanRow!.problem).toBeUndefined()
    expect(grokRow!.problem).toMatch(/4,?096|4096/)
  })
})
