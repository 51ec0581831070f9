import type { LineageTotal } from '@/catalog/credits-contract'
import type { LineageTree } from '@/catalog/gallery-contract'
import type { Database } from './database'
import { rowToRender, TERMINAL, type RenderRow } from './render-row'

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

/**
 * The whole family of a render in one query: up its parents to the first render (the last one found before a
 * parent the ledger does not have, or before the chain loops back), then down to every render made from that
 * one, both along the parent index. At most `limit` renders, the first render and then the oldest.
 */
export async function lineageTree(db: Database, id: string, limit: number): Promise<LineageTree | undefined> {
  const rows = await db.query<RenderRow & { root_id: string }>(
    `WITH RECURSIVE up (id, parent_id, depth, seen) AS (
       SELECT id, parent_id, 0, ARRAY[id] FROM renders WHERE id = $1
       UNION ALL
       SELECT r.id, r.parent_id, u.depth + 1, u.seen || r.id
       FROM renders r JOIN up u ON r.id = u.parent_id
       WHERE r.id <> ALL (u.seen)
     ),
     root AS (SELECT id FROM up ORDER BY depth DESC LIMIT 1),
     down (id) AS (
       SELECT id FROM root
       UNION
       SELECT r.id FROM renders r JOIN down d ON r.parent_id = d.id
     )
     SELECT renders.*, root.id AS root_id FROM renders CROSS JOIN root
     WHERE renders.id IN (SELECT id FROM down)
     ORDER BY renders.id = root.id DESC, renders.created_at_ms, renders.id
     LIMIT $2`,
    [id, limit + 1],
  )
  const [first] = rows
  if (!first) return undefined
  return { rootId: first.root_id, renders: rows.slice(0, limit).map(rowToRender), truncated: rows.length > limit }
}
