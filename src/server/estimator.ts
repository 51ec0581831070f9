import type { Catalog } from '@/catalog/catalog-schema'
import type { Estimate } from '@/catalog/credits-contract'
import { priceShape, priceShapeKey } from '@/catalog/price-shape'
import { tablePrice, type PriceTable } from '@/catalog/price-table'
import type { Database } from '@/ledger/database'
import { priceHistory } from '@/ledger/price-history'
import { estimateFrom } from './credit-estimate'

export interface CreditOptions {
  /** STUDIO_DAILY_CREDIT_CAP: credits one UTC day may spend or hold; no cap when absent. */
  dailyCap?: number
  /** The price list estimates fall back on; `source` names it to people ("demo", "catalog"). */
  prices?: { table: PriceTable; source: string }
}

/** Estimates change only as renders finish: one answer per price serves every composer for this long. */
const FRESH_MS = 30_000
const MAX_CACHED = 1_000

/**
 * Estimates from the ledger's bills (then a price list), cached per price-relevant input for a short while (for
 * the composer's "≈ N credits"; creates ask for a fresh one).
 * Undefined for a model the catalog does not have.
 */
export function createEstimator(options: {
  db: Database
  catalog: Catalog
  prices?: CreditOptions['prices']
  now?: () => number
}) {
  const { db, catalog, prices, now = Date.now } = options
  const models = new Map(catalog.models.map((m) => [m.id, m]))
  const cache = new Map<string, { estimate: Promise<Estimate>; freshUntilMs: number; model: string }>()

  /** `fresh`: skip the cache (a create checked against the cap must see the bills of renders just finished). */
  function estimate(input: { model: string }, { fresh = false } = {}): Promise<Estimate> | undefined {
    const model = models.get(input.model)
    if (!model) return undefined
    const fields = input as Record<string, unknown> // read-only: any object's fields are unknowns
    const shape = priceShape(model, fields)
    const key = priceShapeKey(shape)
    const cached = cache.get(key)
    if (cached && cached.freshUntilMs > now() && !fresh) return cached.estimate
    const listed = prices && tablePrice(prices.table, model, fields)
    const answer = priceHistory(db, shape).then((history) =>
      estimateFrom(
        model,
        shape,
        history,
        listed === undefined ? undefined : { credits: listed, source: prices!.source },
      ),
    )
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!)
    cache.set(key, { estimate: answer, freshUntilMs: now() + FRESH_MS, model: model.id })
    answer.catch(() => cache.delete(key)) // a ledger hiccup is not remembered
    return answer
  }
  /** A render of `modelId` finished with a bill: its model's estimates are asked afresh. */
  function forget(modelId: string) {
    for (const [key, entry] of cache) if (entry.model === modelId) cache.delete(key)
  }
  return Object.assign(estimate, { forget })
}

export type Estimator = ReturnType<typeof createEstimator>
