import { z } from 'zod/mini'
import type { Model } from './catalog-schema'
import { effectiveResolution, effectiveSeconds, type PriceInput } from './effective-values'

/*
 * A price list for video.generate, as catalog data: credits per second by model, scaled by resolution. Cannon
 * publishes none ("Credits: dynamic"), so the built-in catalog carries no table; a catalog file may, and demo
 * mode uses the simulator's, which is what the simulator charges.
 */
const credits = z.number().check(z.nonnegative())

export const priceTableSchema = z.strictObject({
  /** Credits per second at the factor-1 resolution, by model id. */
  perSecond: z.record(z.string(), credits),
  /** Multipliers by resolution; a resolution not listed counts as 1. */
  resolutionFactor: z._default(z.record(z.string(), credits), {}),
  /** Seconds charged when a model has no duration field and the input none. */
  fallbackSeconds: z.optional(z.number().check(z.positive())),
  /** A flat price for a model the table does not list; such models have no price when absent. */
  otherModelsCredits: z.optional(credits),
})
export type PriceTable = z.infer<typeof priceTableSchema>

/** What the table charges for this input; undefined when it does not price the model. */
export function tablePrice(table: PriceTable, model: Model, input: PriceInput): number | undefined {
  const perSecond = table.perSecond[model.id]
  if (perSecond === undefined) return table.otherModelsCredits
  const seconds = effectiveSeconds(model, input) ?? table.fallbackSeconds
  if (seconds === undefined) return undefined
  const resolution = effectiveResolution(model, input) ?? ''
  return Math.max(1, Math.round(perSecond * seconds * (table.resolutionFactor[resolution] ?? 1)))
}
