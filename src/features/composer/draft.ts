import type { Catalog, FieldSpec, MediaSlot } from '@/catalog/catalog-schema'
import { mediaSlotsOf } from '@/catalog/modes'
import { isAcceptedMediaUrl, type SchemaOptions } from '@/catalog/video-input'
import { integerAllows, type WireField } from '@/catalog/wire-fields'
import { defaultValues, findModel, type ComposerValues } from './form-values'

export const DRAFT_KEY = 'cannon-studio.composer-draft.v1'

/**
 * The saved draft, checked against today's catalog: an unknown model gives no draft, an unknown mode
 * falls back to the model's first, and each value the model no longer takes is replaced by its default.
 * Text is kept whenever it is text, even over the limit: the form says so, and the words are not lost.
 * (Checked here without the request schema, which loads after the first paint.)
 */
export function parseDraft(raw: string | null, catalog: Catalog, options: SchemaOptions): ComposerValues | undefined {
  if (!raw) return undefined
  let stored: unknown
  try {
    stored = JSON.parse(raw)
  } catch {
    return undefined
  }
  if (!stored || typeof stored !== 'object') return undefined
  const draft = stored as Record<string, unknown>
  const model = typeof draft.model === 'string' ? findModel(catalog.models, draft.model) : undefined
  if (!model) return undefined

  const values = defaultValues(model)
  if (typeof draft.mode === 'string' && model.modes.some((mode) => mode.id === draft.mode)) values.mode = draft.mode
  if (typeof draft.prompt === 'string') values.prompt = draft.prompt
  for (const [field, spec] of Object.entries(model.fields) as [WireField, FieldSpec][]) {
    if (field !== 'prompt' && fitsSpec(spec, draft[field])) values[field as string] = draft[field]
  }
  for (const slot of mediaSlotsOf(model)) {
    const value = withoutBlankEntries(draft[slot.field])
    if (fitsSlot(slot, value, options)) values[slot.field as string] = value
  }
  if (draft.seedLocked === true && typeof values.seed === 'number') values.seedLocked = true
  return values
}

function fitsSpec(spec: FieldSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'text':
      return typeof value === 'string'
    case 'boolean':
      return typeof value === 'boolean'
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value)
    case 'integer':
      return typeof value === 'number' && integerAllows(spec, value)
  }
}

function fitsSlot(slot: MediaSlot, value: unknown, options: SchemaOptions): boolean {
  const accepted = (url: unknown) => typeof url === 'string' && isAcceptedMediaUrl(url, options)
  if (slot.maxItems === undefined) return accepted(value)
  return Array.isArray(value) && value.length <= slot.maxItems && value.every(accepted)
}

/** A reference list saved while a new row was still empty keeps its filled rows. */
function withoutBlankEntries(value: unknown): unknown {
  return Array.isArray(value) ? value.filter((entry) => entry !== '') : value
}
