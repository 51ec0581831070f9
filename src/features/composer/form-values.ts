import { type MediaSlot, type Model, type Mode } from '@/catalog/catalog-schema'
import { FIELD_LABELS, type WireField } from '@/catalog/wire-fields'
import { detectMode, mediaSlotsOf } from '@/catalog/modes'
import type { VideoInput } from '@/catalog/request-schema'

/**
 * The form: the wire fields of every model, plus the chosen mode (Cannon has no mode field) and whether the
 * seed is locked (kept for every render; only ever true with a seed). Indexable, because which fields exist
 * is catalog data, not a type.
 */
export type ComposerValues = VideoInput & { mode: string; seedLocked?: boolean } & Record<string, unknown>

export function findModel(models: readonly Model[], id: string): Model | undefined {
  return models.find((model) => model.id === id)
}

export function findMode(model: Model, id: string): Mode {
  return model.modes.find((mode) => mode.id === id) ?? model.modes[0]!
}

export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
}

/** A model's defaults, in its first mode. */
export function defaultValues(model: Model): ComposerValues {
  const values: ComposerValues = { model: model.id, mode: model.modes[0]!.id, prompt: '' }
  for (const [name, spec] of Object.entries(model.fields)) {
    if (name !== 'prompt' && 'default' in spec && spec.default !== undefined) values[name] = spec.default
  }
  return values
}

function mediaValue(slot: MediaSlot, value: unknown): unknown {
  if (slot.maxItems !== undefined) {
    const list = Array.isArray(value) ? value.map((url) => String(url).trim()).filter(Boolean) : []
    return list.length > 0 ? list : undefined
  }
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

/**
 * The wire input the form stands for: the model's own fields and the current mode's media slots, nothing
 * else. Empty optional values are left out; the prompt is always sent (empty means "required").
 */
export function buildVideoInput(model: Model, values: ComposerValues): VideoInput {
  const input: Record<string, unknown> = { model: model.id, prompt: values.prompt ?? '' }
  for (const name of Object.keys(model.fields) as WireField[]) {
    if (name === 'prompt') continue
    const value = values[name]
    if (typeof value === 'string' ? value.trim() === '' : value === undefined || value === null) continue
    input[name] = value
  }
  for (const slot of findMode(model, values.mode).media) {
    const value = mediaValue(slot, values[slot.field])
    if (value !== undefined) input[slot.field] = value
  }
  return input as unknown as VideoInput
}

/** The wire field of `model` that plays the same part (same label, e.g. "First frame") as `field`. */
export function counterpartSlot(model: Model, field: WireField): MediaSlot | undefined {
  return mediaSlotsOf(model).find((slot) => FIELD_LABELS[slot.field] === FIELD_LABELS[field])
}

/** Form values for a wire input (a remix): the model's defaults, the input's values, its detected mode. */
export function valuesFromInput(model: Model, input: VideoInput): ComposerValues {
  const detected = detectMode(model, input as unknown as Record<string, unknown>)
  const values: ComposerValues = { ...defaultValues(model), mode: detected.ok ? detected.mode.id : model.modes[0]!.id }
  const known = new Set<string>([...Object.keys(model.fields), ...mediaSlotsOf(model).map((slot) => slot.field)])
  for (const [name, value] of Object.entries(input)) if (known.has(name) && value !== undefined) values[name] = value
  return values
}
