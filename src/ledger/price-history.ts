import type { PriceShape } from '@/catalog/price-shape'
import type { Database } from './database'

/** What past bills say about a price: renders exactly like it, and the model's credits per second at its resolution. */
export interface PriceHistory {
  exact: { samples: number; median: number | null; min: number | null; max: number | null }
  fitted: { samples: number; perSecond: number | null }
}

/** Prices change: only the latest succeeded renders of a shape speak for it. */
export const PRICE_SAMPLES = 50

// Succeeded renders with a bill, of one model at one resolution, newest first: the renders_prices index.
// A recorded input without a duration or resolution ran at the model's default ($3, $5 say whether that matches).
const SAME_MODEL_AND_RESOLUTION = `status = 'succeeded' AND billable_credits IS NOT NULL AND model = $1
  AND (price_resolution IS NOT DISTINCT FROM $2 OR ($3::boolean AND price_resolution IS NULL))`

/**
 * Two aggregates over the ledger's succeeded renders (never failed ones): the median, least and most bill of
 * the latest renders with the same model, duration, resolution and media inputs; and the median credits per
 * second of the latest renders of the model at that resolution, whatever their duration or inputs.
 */
export async function priceHistory(db: Database, shape: PriceShape, limit = PRICE_SAMPLES): Promise<PriceHistory> {
  const sameResolution = [shape.model, shape.resolution, shape.resolution === shape.defaultResolution]
  const [exact] = await db.query<PriceHistory['exact']>(
    `SELECT count(*)::int AS samples, percentile_cont(0.5) WITHIN GROUP (ORDER BY billable_credits) AS median,
       min(billable_credits) AS min, max(billable_credits) AS max
     FROM (SELECT billable_credits FROM renders
       WHERE ${SAME_MODEL_AND_RESOLUTION}
         AND (price_seconds IS NOT DISTINCT FROM $4::numeric OR ($5::boolean AND price_seconds IS NULL))
         AND price_media = $6
       ORDER BY created_at_ms DESC LIMIT $7::int) recent`,
    [...sameResolution, shape.seconds, shape.seconds === shape.defaultSeconds, shape.media, limit],
  )
  const [fitted] = await db.query<PriceHistory['fitted']>(
    `SELECT count(*)::int AS samples, percentile_cont(0.5) WITHIN GROUP (ORDER BY per_second) AS "perSecond"
     FROM (SELECT billable_credits / coalesce(price_seconds, $4::numeric)::double precision AS per_second
       FROM renders
       WHERE ${SAME_MODEL_AND_RESOLUTION} AND coalesce(price_seconds, $4::numeric) > 0
       ORDER BY created_at_ms DESC LIMIT $5::int) recent`,
    [...sameResolution, shape.defaultSeconds, limit],
  )
  return { exact: exact!, fitted: fitted! }
}
