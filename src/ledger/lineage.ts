import type { LineageTotal } from '@/catalog/credits-contract'
import type { Database } from './database'
import { TERMINAL } from './render-row'

/**
 * A render and every render made from it (parent_id chains: re-runs, variations, remixes, continuations),
 * each once even if the browser-sent parent ids loop. Undefined when there is no such render.
 */
export async function lineageTotal(db: Database, id: string): Promise<LineageTotal | undefined> {
  const [row] = await db.query<{ renders: number; credits: number; unfinished: number }>(
    `WITH RECURSIVE lineage (id) AS (
       SELECT id FROM renders WHERE id = $1
       UNION
       SELECT r.id FROM renders r JOIN lineage l ON r.parent_id = l.id
     )
     SELECT count(*)::int AS renders, coalesce(sum(billable_credits), 0) AS credits,
       (count(*) FILTER (WHERE status NOT IN ${TERMINAL}))::int AS unfinished
     FROM renders WHERE id IN (SELECT id FROM lineage)`,
    [id],
  )
  return row && row.renders > 0 ? { id, ...row } : undefined
}
