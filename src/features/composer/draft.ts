import type { Catalog } from '@/catalog/catalog-schema'
import { buildFieldSchemas, type SchemaOptions } from '@/catalog/request-schema'
import { defaultValues, findModel, type ComposerValues } from './form-values'

export const DRAFT_KEY = 'cannon-studio.composer-draft.v1'

/**
 * The saved draft, checked against today's catalog: an unknown model gives no draft, an unknown mode
 * falls back to the model's first, and each value that no longer parses is replaced by its default.
 * A prompt is kept whenever it is text, even over the limit: the form says so, and the words are not lost.
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
  for (const [field, schema] of Object.entries(buildFieldSchemas(model, options))) {
    const value = withoutBlankEntries(draft[field])
    if (field !== 'prompt' && value !== undefined && schema?.safeParse(value).success) values[field] = value
  }
  if (draft.seedLocked === true && typeof values.seed === 'number') values.seedLocked = true
  return values
}

/** A reference list saved while a new row was still empty keeps its filled rows. */
function withoutBlankEntries(value: unknown): unknown {
  return Array.isArray(value) ? value.filter((entry) => entry !== '') : value
}
