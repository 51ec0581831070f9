import type { RenderTiming } from '@/catalog/gallery-contract'
import type { Database } from './database'

/** Only the latest renders speak for how long a model takes now. */
export const TIMING_SAMPLES = 50

/**
 * The median time from create to finish of the latest succeeded renders of `model` at `seconds` (null: renders
 * sent without a duration), deleted ones included: they took that long too.
 */
export async function renderTiming(
  db: Database,
  model: string,
  seconds: number | null,
  limit = TIMING_SAMPLES,
): Promise<RenderTiming> {
  const [row] = await db.query<{ medianMs: number | null; samples: number }>(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY took_ms) AS "medianMs", count(*)::int AS samples
     FROM (SELECT completed_at_ms - created_at_ms AS took_ms FROM renders
       WHERE model = $1 AND status = 'succeeded' AND completed_at_ms >= created_at_ms
         AND price_seconds IS NOT DISTINCT FROM $2::numeric
       ORDER BY created_at_ms DESC LIMIT $3::int) recent`,
    [model, seconds, limit],
  )
  // An aggregate without GROUP BY always answers one row.
  const { medianMs, samples } = row!
  return { medianMs: medianMs === null ? null : Math.round(medianMs), samples }
}
