import { NEWS_LATEST, type News } from '@/catalog/news-contract'
import type { Database } from './database'

interface LatestRow {
  id: string
  prompt: string
  model: string
  status: string
  completed_at_ms: string | number
}

/** What ended since `sinceMs` (not deleted): how many, how many failed, and the newest few. */
export async function newsSince(db: Database, sinceMs: number): Promise<News> {
  const [counts] = await db.query<{ finished: string | number; failed: string | number }>(
    `SELECT count(*) AS finished, count(*) FILTER (WHERE status = 'failed') AS failed FROM renders
     WHERE completed_at_ms > $1::bigint AND status IN ('succeeded', 'failed') AND deleted_at_ms IS NULL`,
    [sinceMs],
  )
  const latest = await db.query<LatestRow>(
    `SELECT id, prompt, model, status, completed_at_ms FROM renders
     WHERE completed_at_ms > $1::bigint AND status IN ('succeeded', 'failed') AND deleted_at_ms IS NULL
     ORDER BY completed_at_ms DESC, id DESC LIMIT $2`,
    [sinceMs, NEWS_LATEST],
  )
  return {
    sinceMs,
    finished: Number(counts?.finished ?? 0),
    failed: Number(counts?.failed ?? 0),
    latest: latest.map((row) => ({
      id: row.id,
      prompt: row.prompt,
      model: row.model,
      status: row.status,
      completedAtMs: Number(row.completed_at_ms),
    })),
  }
}
