import { NEWS_COMMENT_CHARS, NEWS_LATEST, type News } from '@/catalog/news-contract'
import type { Database } from './database'

interface LatestRow {
  id: string
  prompt: string
  model: string
  status: string
  completed_at_ms: string | number
}

interface CommentRow {
  id: string
  render_id: string
  prompt: string
  author: string | null
  text: string
  at_ms: number
  created_at_ms: string | number
}

const ENDED = `completed_at_ms > $1::bigint AND status IN ('succeeded', 'failed') AND deleted_at_ms IS NULL`
// A comment is news to everyone but the one who wrote it (the same name; a nameless asker sees them all).
const COMMENTED = `c.created_at_ms > $1::bigint AND r.deleted_at_ms IS NULL
  AND ($2::text IS NULL OR c.author IS DISTINCT FROM $2::text)`

/**
 * What reached the record since `sinceMs` (deleted takes left out): renders that ended, how many failed, and
 * comments written by others than `asker`; each with its newest few.
 */
export async function newsSince(db: Database, sinceMs: number, asker: string | null = null): Promise<News> {
  const [counts] = await db.query<{ finished: string | number; failed: string | number }>(
    `SELECT count(*) AS finished, count(*) FILTER (WHERE status = 'failed') AS failed FROM renders WHERE ${ENDED}`,
    [sinceMs],
  )
  const latest = await db.query<LatestRow>(
    `SELECT id, prompt, model, status, completed_at_ms FROM renders WHERE ${ENDED}
     ORDER BY completed_at_ms DESC, id DESC LIMIT $2`,
    [sinceMs, NEWS_LATEST],
  )
  const [commentCount] = await db.query<{ comments: string | number }>(
    `SELECT count(*) AS comments FROM comments c JOIN renders r ON r.id = c.render_id WHERE ${COMMENTED}`,
    [sinceMs, asker],
  )
  const comments = await db.query<CommentRow>(
    `SELECT c.id, c.render_id, r.prompt, c.author, left(c.text, ${NEWS_COMMENT_CHARS}) AS text, c.at_ms,
            c.created_at_ms
     FROM comments c JOIN renders r ON r.id = c.render_id WHERE ${COMMENTED}
     ORDER BY c.created_at_ms DESC, c.id DESC LIMIT $3`,
    [sinceMs, asker, NEWS_LATEST],
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
    comments: Number(commentCount?.comments ?? 0),
    latestComments: comments.map((row) => ({
      id: row.id,
      renderId: row.render_id,
      prompt: row.prompt,
      author: row.author,
      text: row.text,
      atMs: row.at_ms,
      createdAtMs: Number(row.created_at_ms),
    })),
  }
}
