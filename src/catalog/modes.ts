import type { MediaSlot, Model, Mode, WireField } from './catalog-schema'
import { addInstruction, lower } from './wording'

/** Every media slot a model has in any mode, once per wire field. */
export function mediaSlotsOf(model: Model): MediaSlot[] {
  const byField = new Map<WireField, MediaSlot>()
  for (const mode of model.modes)
    for (const slot of mode.media) if (!byField.has(slot.field)) byField.set(slot.field, slot)
  return [...byField.values()]
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== ''
}

export type ModeDetection = { ok: true; mode: Mode } | { ok: false; field: string; message: string }

/**
 * Which of the model's modes a wire input is: the first mode whose required media are all present and
 * whose slots cover every media field present. Cannon has no mode field; the media fields decide.
 */
export function detectMode(model: Model, input: Record<string, unknown>): ModeDetection {
  const present = mediaSlotsOf(model)
    .map((slot) => slot.field)
    .filter((field) => isPresent(input[field]))
  const fits = (mode: Mode) => present.every((field) => mode.media.some((slot) => slot.field === field))
  const complete = (mode: Mode) => mode.media.every((slot) => !slot.required || isPresent(input[slot.field]))

  const match = model.modes.find((mode) => fits(mode) && complete(mode))
  if (match) return { ok: true, mode: match }

  const partial = model.modes.find(fits)
  const names = (fields: readonly WireField[]) => fields.map((f) => `the ${lower(f)}`).join(' and ')
  if (partial) {
    const missing = partial.media.find((slot) => slot.required && !isPresent(input[slot.field]))!
    return {
      ok: false,
      field: missing.field,
      message: `${addInstruction(missing.field, missing.minItems)} to go with ${names(present)}`,
    }
  }
  const [head, ...others] = present
  return {
    ok: false,
    field: head!,
    message: `Remove the ${lower(head!)} or ${names(others)}: ${model.name} cannot use them together`,
  }
}
