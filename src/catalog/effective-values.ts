import type { Model } from './catalog-schema'

export type PriceInput = Record<string, unknown>

/** The duration a render runs for: the input's, else the model's default; undefined when neither says. */
export function effectiveSeconds(model: Model, input: PriceInput): number | undefined {
  if (typeof input.duration === 'number') return input.duration
  const spec = model.fields.duration
  return spec?.type === 'integer' ? spec.default : undefined
}

/** The resolution a render is made at: the input's, else the model's default; undefined for a model without one. */
export function effectiveResolution(model: Model, input: PriceInput): string | undefined {
  if (typeof input.resolution === 'string') return input.resolution
  const spec = model.fields.resolution
  return spec?.type === 'enum' ? spec.default : undefined
}
