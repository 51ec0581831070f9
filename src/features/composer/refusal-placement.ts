import { type Model } from '@/catalog/catalog-schema'
import { FIELD_LABELS, type WireField } from '@/catalog/wire-fields'
import { mediaSlotsOf } from '@/catalog/modes'
import type { CreateRefusal } from '@/lib/create-refusals'
import type { ComposerValues } from './form-values'
import { counterpartSlot } from './form-values'

export interface RefusalPlacement {
  /** The form field the refusal names (or the one playing its part), else Generate. */
  at: WireField | 'generate'
  message: string
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b) || String(a) === String(b)

/**
 * Where Cannon's refusal of the last create belongs in the form: at the field it names while that field still
 * holds the refused value (Cannon's name mapped to the form's, e.g. first_clip_url → Source clip), at Generate
 * when it names no field of the form; nowhere once the creative has moved on to another model or value.
 */
export function placeRefusal(
  model: Model,
  values: ComposerValues,
  refusal?: CreateRefusal,
): RefusalPlacement | undefined {
  if (!refusal || refusal.input.model !== model.id) return undefined
  const named = refusal.field
  const message = `Cannon refused this: ${refusal.message}`
  const known = named !== undefined && named in FIELD_LABELS
  const own = known && (named in model.fields || mediaSlotsOf(model).some((slot) => slot.field === named))
  const target = own ? (named as WireField) : known ? counterpartSlot(model, named as WireField)?.field : undefined
  if (!target) return { at: 'generate', message }
  return same(values[target], refusal.input[named!]) ? { at: target, message } : undefined
}
