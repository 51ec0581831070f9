import { z } from 'zod/mini'
import { priceTableSchema } from './price-table'
import { integerAllows, WIRE_FIELDS, type WireField } from './wire-fields'

export type { WireField }

const wireField = z.enum(WIRE_FIELDS as [WireField, ...WireField[]])
const nonEmpty = z.string().check(z.minLength(1))

const int = z.int()
const positiveInt = z.int().check(z.positive())

/**
 * How sure the catalog is of a value, and where it comes from: Cannon's own docs, a provider's published
 * limits, or the studio's inference. One line a person can check.
 */
export const sourceSchema = z.strictObject({
  evidence: z.enum(['documented', 'provider', 'inferred']),
  line: nonEmpty,
})
const source = z.optional(sourceSchema)

/** What is known of a model upstream: unverified (nothing confirms it), or retired by its provider. */
export const availabilitySchema = z.strictObject({
  status: z.enum(['unverified', 'retired-upstream']),
  note: nonEmpty,
})

const textField = z.strictObject({
  type: z.literal('text'),
  required: z._default(z.boolean(), false),
  maxLength: positiveInt,
  source,
})
const integerField = z.strictObject({
  type: z.literal('integer'),
  min: int,
  max: int,
  /** When present, only these values are allowed (e.g. Sora 2's 4/8/12/16/20 s). */
  values: z.optional(z.array(int).check(z.minLength(1))),
  default: z.optional(int),
  unit: z.optional(z.string()),
  source,
})
const enumField = z.strictObject({
  type: z.literal('enum'),
  values: z.array(z.string()).check(z.minLength(1)),
  default: z.string(),
  source,
})
const booleanField = z.strictObject({ type: z.literal('boolean'), default: z.boolean(), source })

export const fieldSpecSchema = z.discriminatedUnion('type', [textField, integerField, enumField, booleanField])

export const mediaSlotSchema = z.strictObject({
  field: wireField,
  kind: z.enum(['image', 'video', 'audio']),
  required: z.boolean(),
  /** Present for list fields such as reference_image_urls. */
  minItems: z.optional(positiveInt),
  maxItems: z.optional(positiveInt),
  /** For clips and audio: how long the file may be, in seconds (the browser checks before uploading). */
  minSeconds: z.optional(z.number().check(z.positive())),
  maxSeconds: z.optional(z.number().check(z.positive())),
  source,
})

function slotDurationProblem(slot: z.infer<typeof mediaSlotSchema>): string | undefined {
  const { minSeconds, maxSeconds } = slot
  if (minSeconds === undefined && maxSeconds === undefined) return undefined
  if (slot.kind === 'image') return `${slot.field} is an image and has no duration`
  if (minSeconds !== undefined && maxSeconds !== undefined && minSeconds > maxSeconds)
    return `${slot.field}: minSeconds is over maxSeconds`
  return undefined
}

export const modeSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z][a-z-]*$/)),
  label: nonEmpty,
  media: z.array(mediaSlotSchema),
})

/** A cross-field rule: when `when.field` equals `when.equals`, `then.field` must be one of `then.oneOf`. */
export const ruleSchema = z.strictObject({
  when: z.strictObject({
    field: z.union([wireField, z.literal('mode')]),
    equals: z.union([z.string(), z.number(), z.boolean()]),
  }),
  then: z.strictObject({
    field: wireField,
    oneOf: z.array(z.union([z.string(), z.number(), z.boolean()])).check(z.minLength(1)),
  }),
  message: nonEmpty,
})

export const modelSchema = z
  .strictObject({
    id: z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]*$/)),
    name: nonEmpty,
    tagline: nonEmpty,
    provider: nonEmpty,
    /** The id follows Cannon's style but is not documented yet (cannon-api.md §5). */
    idInferred: z._default(z.boolean(), false),
    /** Which fields the model takes is a guess: nothing documents them yet. */
    fieldsUnverified: z.optional(z.boolean()),
    /** Where the id comes from. */
    source,
    availability: z.optional(availabilitySchema),
    fields: z.partialRecord(wireField, fieldSpecSchema),
    modes: z.array(modeSchema).check(z.minLength(1)),
    rules: z._default(z.array(ruleSchema), []),
  })
  .check(
    z.superRefine((model, ctx) => {
      if (model.fields.prompt?.type !== 'text') {
        ctx.addIssue({ code: 'custom', message: `${model.id}: prompt must be a text field`, path: ['fields'] })
      }
      for (const [name, spec] of Object.entries(model.fields)) {
        if (spec.type === 'enum' && !spec.values.includes(spec.default)) {
          ctx.addIssue({
            code: 'custom',
            message: `${model.id}.${name}: default is not an allowed value`,
            path: ['fields', name],
          })
        }
        if (spec.type === 'integer' && spec.default !== undefined && !integerAllows(spec, spec.default)) {
          ctx.addIssue({
            code: 'custom',
            message: `${model.id}.${name}: default is not an allowed value`,
            path: ['fields', name],
          })
        }
      }
      const ids = new Set<string>()
      for (const mode of model.modes) {
        if (ids.has(mode.id))
          ctx.addIssue({ code: 'custom', message: `${model.id}: mode ${mode.id} repeats`, path: ['modes'] })
        ids.add(mode.id)
        for (const slot of mode.media) {
          const problem = slotDurationProblem(slot)
          if (problem) ctx.addIssue({ code: 'custom', message: `${model.id}: ${problem}`, path: ['modes'] })
          if (model.fields[slot.field]) {
            ctx.addIssue({
              code: 'custom',
              message: `${model.id}: ${slot.field} is both a field and a media slot`,
              path: ['modes'],
            })
          }
        }
      }
    }),
  )

export const catalogSchema = z.strictObject({
  version: z.literal(1),
  /** Optional credits per model, for estimates before the ledger has seen a render like it. */
  prices: z.optional(priceTableSchema),
  models: z.array(modelSchema).check(
    z.minLength(1),
    z.refine((models) => new Set(models.map((m) => m.id)).size === models.length, 'model ids must be unique'),
  ),
})

export type Source = z.infer<typeof sourceSchema>
export type Availability = z.infer<typeof availabilitySchema>
export type FieldSpec = z.infer<typeof fieldSpecSchema>
export type IntegerFieldSpec = z.infer<typeof integerField>
export type MediaSlot = z.infer<typeof mediaSlotSchema>
export type Mode = z.infer<typeof modeSchema>
export type Rule = z.infer<typeof ruleSchema>
export type Model = z.infer<typeof modelSchema>
export type Catalog = z.infer<typeof catalogSchema>
