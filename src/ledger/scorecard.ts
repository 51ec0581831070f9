import type { MediaMode } from '@/catalog/media-modes'
import type { ScorecardRow } from '@/catalog/review-contract'
import type { Database } from './database'

interface SummedRow {
  grouping: number
  model: string
  mode: string | null
  seconds: number | null
  renders: number
  succeeded: number
  failed: number
  picks: number
  rejects: number
  flagged: number
  medianMs: number | null
  credits: number
  pickedSeconds: number | null
}

export interface ScorecardQuery {
  /** Renders created from this millisecond on… */
  fromMs: number
  /** …and before this one. */
  toMs: number
  /** Which mode each model's media combinations are (catalog/media-modes). */
  modes: readonly MediaMode[]
}

/**
 * How each model does here, summed in the database over the renders created in the range (deleted ones too:
 * they were made and paid for): per model, mode and asked duration, and per model. A take's seconds are its
 * real length where Cannon said it, else the length asked.
 */
export async function modelScorecard(
  db: Database,
  query: ScorecardQuery,
): Promise<{ models: ScorecardRow[]; rows: ScorecardRow[] }> {
  const summed = await db.query<SummedRow>(
    `SELECT GROUPING(mode, seconds) AS grouping, model, mode, seconds,
       count(*)::int AS renders,
       (count(*) FILTER (WHERE status = 'succeeded'))::int AS succeeded,
       (count(*) FILTER (WHERE status = 'failed'))::int AS failed,
       (count(*) FILTER (WHERE rating = 'pick'))::int AS picks,
       (count(*) FILTER (WHERE rating = 'reject'))::int AS rejects,
       (count(*) FILTER (WHERE jsonb_array_length(quality_flags) > 0))::int AS flagged,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY took_ms) FILTER (WHERE took_ms IS NOT NULL) AS "medianMs",
       coalesce(sum(billable_credits), 0)::double precision AS credits,
       (sum(take_seconds) FILTER (WHERE rating = 'pick'))::double precision AS "pickedSeconds"
     FROM (
       SELECT r.model, m.mode, r.price_seconds::double precision AS seconds, r.status, r.rating,
         r.quality_flags, r.billable_credits,
         CASE WHEN r.status = 'succeeded' AND r.completed_at_ms >= r.created_at_ms
           THEN r.completed_at_ms - r.created_at_ms END AS took_ms,
         CASE WHEN jsonb_typeof(r.output->'duration') = 'number' THEN (r.output->>'duration')::numeric
           ELSE r.price_seconds END AS take_seconds
       FROM renders r
       LEFT JOIN jsonb_to_recordset($3::jsonb) AS m(model text, media text, mode text)
         ON m.model = r.model AND m.media = r.price_media
       WHERE r.created_at_ms >= $1::bigint AND r.created_at_ms < $2::bigint
     ) taken
     GROUP BY GROUPING SETS ((model, mode, seconds), (model))
     ORDER BY model, mode NULLS LAST, seconds NULLS LAST`,
    [query.fromMs, query.toMs, JSON.stringify(query.modes)],
  )
  const models: ScorecardRow[] = []
  const rows: ScorecardRow[] = []
  for (const row of summed) (row.grouping === 0 ? rows : models).push(scorecardRow(row))
  return { models, rows }
}

const ratio = (part: number, whole: number | null) => (whole ? part / whole : null)

function scorecardRow(row: SummedRow): ScorecardRow {
  const whole = row.grouping === 0
  return {
    model: row.model,
    mode: whole ? row.mode : null,
    seconds: whole ? row.seconds : null,
    renders: row.renders,
    succeeded: row.succeeded,
    failed: row.failed,
    picks: row.picks,
    rejects: row.rejects,
    flagged: row.flagged,
    failureRate: ratio(row.failed, row.succeeded + row.failed),
    medianRenderMs: row.medianMs === null ? null : Math.round(row.medianMs),
    credits: row.credits,
    creditsPerPick: row.picks ? row.credits / row.picks : null,
    creditsPerPickedSecond: row.picks ? ratio(row.credits, row.pickedSeconds) : null,
  }
}
