import { z } from 'zod/mini'
import { type Catalog, type FieldSpec, type MediaSlot, type Model, type Mode } from './catalog-schema'
import { FIELD_LABELS, integerAllows, type WireField } from './wire-fields'
import { detectMode, mediaSlotsOf } from './modes'
import { isAcceptedMediaUrl, type SchemaOptions, type VideoInput } from './video-input'
import { addInstruction, lower, orList, readable, withArticle } from './wording'

export type { SchemaOptions, VideoInput }

/** What to do about a number out of bounds: "Choose a duration of 4, 8 or 12 s", "Set the seed to …". */
function integerInstruction(name: WireField, spec: Extract<FieldSpec, { type: 'integer' }>): string {
  const unit = spec.unit ? ` ${spec.unit}` : ''
  return spec.values
    ? `Choose ${withArticle(lower(name))} of ${orList(spec.values)}${unit}`
    : `Set the ${lower(name)} to a whole number from ${readable(spec.min)} to ${readable(spec.max)}${unit}`
}

function scalarSchema(name: WireField, spec: FieldSpec): z.ZodMiniType {
  const label = FIELD_LABELS[name]
  switch (spec.type) {
    case 'text': {
      const required = addInstruction(name)
      const tooLong = `Shorten the ${lower(name)} to ${readable(spec.maxLength)} characters or fewer`
      const text = z
        .string({ error: (issue) => (issue.input === undefined ? required : `${label} must be text`) })
        .check(z.maxLength(spec.maxLength, tooLong))
      return spec.required ? text.check(z.refine((v) => v.trim().length > 0, required)) : text
    }
    case 'integer': {
      const instruction = integerInstruction(name, spec)
      return z.number({ error: instruction }).check(z.refine((v) => integerAllows(spec, v), instruction))
    }
    case 'enum':
      return z.enum(spec.values as [string, ...string[]], {
        error: `Choose ${withArticle(lower(name))}: ${orList(spec.values)}`,
      })
    case 'boolean':
      return z.boolean({ error: `${label} must be true or false` })
  }
}

function mediaSchema(slot: MediaSlot, options: SchemaOptions): z.ZodMiniType {
  const noun = lower(slot.field)
  const source = options.allowDemoMedia ? 'an https:// URL or a demo file' : 'an https:// URL'
  if (slot.maxItems === undefined) {
    const instruction = `Use ${source} for the ${noun}`
    return z.string({ error: instruction }).check(z.refine((v) => isAcceptedMediaUrl(v, options), instruction))
  }
  const instruction = `Use ${source} for each of the ${noun}`
  const url = z.string({ error: instruction }).check(z.refine((v) => isAcceptedMediaUrl(v, options), instruction))
  const min = slot.minItems ?? 1
  return z
    .array(url, { error: `${FIELD_LABELS[slot.field]} must be a list of URLs` })
    .check(
      z.minLength(min, addInstruction(slot.field, min)),
      z.maxLength(slot.maxItems, `Use at most ${slot.maxItems} ${noun}`),
    )
}

function effectiveValue(model: Model, input: Record<string, unknown>, field: WireField | 'mode', mode: Mode) {
  if (field === 'mode') return mode.id
  const spec = model.fields[field]
  return input[field] ?? (spec && 'default' in spec ? spec.default : undefined)
}

/** One schema per wire field the model accepts (its fields and every mode's media), `model` aside. */
export function buildFieldSchemas(model: Model, options: SchemaOptions): Partial<Record<WireField, z.ZodMiniType>> {
  const schemas: Partial<Record<WireField, z.ZodMiniType>> = {}
  for (const [name, spec] of Object.entries(model.fields) as [WireField, FieldSpec][]) {
    const schema = scalarSchema(name, spec)
    schemas[name] = spec.type === 'text' && spec.required ? schema : z.optional(schema)
  }
  for (const slot of mediaSlotsOf(model)) schemas[slot.field] = z.optional(mediaSchema(slot, options))
  return schemas
}

export function buildModelInputSchema(model: Model, options: SchemaOptions) {
  const shape: Record<string, z.ZodMiniType> = { model: z.literal(model.id), ...buildFieldSchemas(model, options) }

  return z
    .strictObject(shape, {
      error: (issue) => {
        if (issue.code === 'unrecognized_keys') return `${model.name} does not support ${issue.keys.join(', ')}`
        if (issue.code !== 'invalid_type' || issue.input !== undefined) return undefined
        const field = String(issue.path?.[0])
        return field in FIELD_LABELS ? addInstruction(field as WireField) : `${field} is required`
      },
    })
    .check(
      z.superRefine((input, ctx) => {
        const detected = detectMode(model, input)
        if (!detected.ok) {
          ctx.addIssue({ code: 'custom', message: detected.message, path: [detected.field] })
          return
        }
        for (const rule of model.rules) {
          if (effectiveValue(model, input, rule.when.field, detected.mode) !== rule.when.equals) continue
          const value = effectiveValue(model, input, rule.then.field, detected.mode)
          if (!rule.then.oneOf.includes(value as string | number | boolean)) {
            ctx.addIssue({ code: 'custom', message: rule.message, path: [rule.then.field] })
          }
        }
      }),
    )
}

export function buildVideoInputSchema(catalog: Catalog, options: SchemaOptions): z.ZodMiniType<VideoInput> {
  const ids = catalog.models.map((m) => m.id)
  const [first, ...rest] = catalog.models.map((m) => buildModelInputSchema(m, options))
  return z.discriminatedUnion('model', [first!, ...rest], {
    error: (issue) =>
      issue.code === 'invalid_union' || issue.code === 'invalid_type'
        ? `Model must be one of ${ids.join(', ')}`
        : undefined,
  }) as unknown as z.ZodMiniType<VideoInput>
}

/** prompt.enhance.video takes camelCase input (cannon-api.md §6). */
export const enhanceInputSchema = z.strictObject({
  prompt: z
    .string({ error: 'Prompt must be text' })
    .check(z.minLength(1, 'Prompt is required'), z.maxLength(5000, 'Prompt must be at most 5000 characters')),
  visualStyle: z.optional(z.string().check(z.maxLength(500, 'Visual style must be at most 500 characters'))),
  duration: z.optional(z.int().check(z.positive(), z.lte(60))),
  aspectRatio: z.optional(z.string().check(z.maxLength(10))),
  rewriteRequest: z.optional(z.string().check(z.maxLength(1000, 'Rewrite request must be at most 1000 characters'))),
})
export type EnhanceInput = z.infer<typeof enhanceInputSchema>

export const OPERATIONS = ['video.generate', 'prompt.enhance.video'] as const
export type Operation = (typeof OPERATIONS)[number]

export type CreateRequestBody =
  | { operation: 'video.generate'; input: VideoInput; webhook_url?: string }
  | { operation: 'prompt.enhance.video'; input: EnhanceInput; webhook_url?: string }

export function buildCreateRequestSchema(catalog: Catalog, options: SchemaOptions): z.ZodMiniType<CreateRequestBody> {
  const webhook = z.optional(
    z
      .string()
      .check(z.refine((v) => v.startsWith('https://') && URL.canParse(v), 'webhook_url must be an https:// URL')),
  )
  return z.discriminatedUnion(
    'operation',
    [
      z.strictObject({
        operation: z.literal('video.generate'),
        input: buildVideoInputSchema(catalog, options),
        webhook_url: webhook,
      }),
      z.strictObject({
        operation: z.literal('prompt.enhance.video'),
        input: enhanceInputSchema,
        webhook_url: webhook,
      }),
    ],
    { error: () => `operation must be one of ${OPERATIONS.join(', ')}` },
  ) as unknown as z.ZodMiniType<CreateRequestBody>
}

export interface FieldIssue {
  field?: string
  message: string
}

/** The first issue of a failed parse, with the wire field it concerns (e.g. "duration"). */
export function firstIssue(error: z.core.$ZodError): FieldIssue {
  const issue = error.issues[0]
  if (!issue) return { message: 'Invalid request' }
  const path = issue.path.filter((p) => p !== 'input').map(String)
  if (issue.code === 'unrecognized_keys') path.push(issue.keys[0] ?? '')
  return { field: path.length > 0 ? path.join('.') : undefined, message: issue.message }
}
