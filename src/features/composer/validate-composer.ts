import { type Model } from '@/catalog/catalog-schema'
import { FIELD_LABELS, type WireField } from '@/catalog/wire-fields'
import { buildModelInputSchema, type SchemaOptions, type VideoInput } from '@/catalog/request-schema'
import { addInstruction } from '@/catalog/wording'
import { buildVideoInput, findMode, isEmpty, type ComposerValues } from './form-values'

/** A form field an error belongs to: a wire field, or the mode / model controls. */
export type FormField = WireField | 'mode' | 'model'
export type FieldErrors = Partial<Record<FormField, string>>

export type ComposerValidation =
  | { ok: true; input: VideoInput }
  | {
      ok: false
      input: VideoInput
      errors: FieldErrors
      /** Every reason Generate is blocked, once each, in the order the form shows the fields. */
      messages: string[]
      firstMessage: string
    }

// Per model object (a catalog replaced at run time brings new objects, so never a stale schema) and per option.
const schemaCache = new WeakMap<Model, Map<boolean, ReturnType<typeof buildModelInputSchema>>>()

function schemaFor(model: Model, options: SchemaOptions) {
  let schemas = schemaCache.get(model)
  if (!schemas) schemaCache.set(model, (schemas = new Map()))
  let schema = schemas.get(options.allowDemoMedia)
  if (!schema) {
    schema = buildModelInputSchema(model, options)
    schemas.set(options.allowDemoMedia, schema)
  }
  return schema
}

function toFormField(model: Model, path: readonly PropertyKey[]): FormField {
  const head = path[0]
  if (typeof head === 'string' && (head in model.fields || head in FIELD_LABELS)) return head as WireField
  return 'model'
}

/**
 * Validates the form exactly as the BFF will: the wire input built from the form goes through the
 * catalog's request schema. On top, the chosen mode's required media must be there (on the wire an
 * empty First frame would silently read as text mode).
 */
export function validateComposer(model: Model, values: ComposerValues, options: SchemaOptions): ComposerValidation {
  const input = buildVideoInput(model, values)
  const errors: FieldErrors = {}
  const mode = findMode(model, values.mode)
  if (mode.id !== values.mode) errors.mode = `Choose a mode: ${model.name} has no ${values.mode} mode`
  for (const slot of mode.media) {
    const value = (input as unknown as Record<string, unknown>)[slot.field]
    if (slot.required && isEmpty(value)) errors[slot.field] = addInstruction(slot.field, slot.minItems)
  }
  const parsed = schemaFor(model, options).safeParse(input)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field =
        issue.code === 'unrecognized_keys'
          ? ((issue.keys[0] as WireField | undefined) ?? 'model')
          : toFormField(model, issue.path)
      errors[field] ??= issue.message
    }
  }
  const fieldsInOrder = Object.keys(model.fields) as WireField[]
  const order: FormField[] = ['prompt', 'mode', ...mode.media.map((slot) => slot.field), ...fieldsInOrder, 'model']
  const rank = (field: FormField) => (order.includes(field) ? order.indexOf(field) : order.length)
  const fields = (Object.keys(errors) as FormField[]).sort((a, b) => rank(a) - rank(b))
  const messages = [...new Set(fields.map((field) => errors[field]!))]
  if (messages.length === 0) return { ok: true, input }
  return { ok: false, input, errors, messages, firstMessage: messages[0]! }
}
