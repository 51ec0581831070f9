import type { Model, WireField } from '@/catalog/catalog-schema'
import type { VideoInput } from '@/catalog/request-schema'

export type ComposerValues = Record<string, unknown> & { model: string; prompt: string }

/** The wire input for a model: only the fields that model has, empty values left out. */
export function buildVideoInput(model: Model, values: ComposerValues): VideoInput {
  const input: Record<string, unknown> = { model: model.id, prompt: values.prompt }
  for (const name of Object.keys(model.fields) as WireField[]) {
    if (name === 'prompt') continue
    const value = values[name]
    if (value === undefined || value === null || value === '') continue
    input[name] = value
  }
  return input as unknown as VideoInput
}

/** A model's defaults, as form values. */
export function defaultValues(model: Model): ComposerValues {
  const values: ComposerValues = { model: model.id, prompt: '' }
  for (const [name, spec] of Object.entries(model.fields)) {
    if (name !== 'prompt' && spec && 'default' in spec && spec.default !== undefined) values[name] = spec.default
  }
  return values
}
