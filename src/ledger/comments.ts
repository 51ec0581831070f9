import type { Comment } from '@/catalog/review-contract'
import type { Database } from './database'

interface CommentRow {
  id: string
  render_id: string
  at_ms: number
  text: string
  author: string | null
  author_verified: boolean
  created_at_ms: number
  resolved_at_ms: number | null
  resolved_by: string | null
}

export interface Commenter {
  author: string | null
  authorVerified: boolean
}

function rowToComment(row: CommentRow): Comment {
  return {
    id: row.id,
    renderId: row.render_id,
    atMs: row.at_ms,
    text: row.text,
    author: row.author,
    authorVerified: row.author_verified,
    createdAtMs: row.created_at_ms,
    resolved: row.resolved_at_ms !== null,
    resolvedBy: row.resolved_by,
    resolvedAtMs: row.resolved_at_ms,
  }
}

/**
 * Locks the render's row for the rest of the transaction and counts its open comments afresh after `change`:
 * concurrent comments on one take queue on that lock, so the count the gallery reads is never off. The render
 * is stamped as changed, so every browser's copy of it takes the new count.
 */
async function withOpenCount<T>(
  db: Database,
  renderId: string,
  nowMs: number,
  change: (tx: Database) => Promise<T | undefined>,
): Promise<T | undefined> {
  return db.transaction(async (tx) => {
    const [render] = await tx.query<{ id: string }>(
      `SELECT id FROM renders WHERE id = $1 AND deleted_at_ms IS NULL FOR UPDATE`,
      [renderId],
    )
    if (!render) return undefined
    const result = await change(tx)
    if (result === undefined) return undefined
    await tx.query(
      `UPDATE renders SET updated_at_ms = $2::bigint,
         open_comments = (SELECT count(*)::int FROM comments WHERE render_id = $1 AND resolved_at_ms IS NULL)
       WHERE id = $1`,
      [renderId, nowMs],
    )
    return result
  })
}

/** A new comment on a (not deleted) render; undefined when there is no such render. */
export async function addComment(
  db: Database,
  renderId: string,
  comment: { atMs: number; text: string } & Commenter,
  nowMs: number = Date.now(),
): Promise<Comment | undefined> {
  return withOpenCount(db, renderId, nowMs, async (tx) => {
    const [row] = await tx.query<CommentRow>(
      `INSERT INTO comments (id, render_id, at_ms, text, author, author_verified, created_at_ms)
       VALUES ($1, $2, $3::int, $4, $5, $6::boolean, $7::bigint) RETURNING *`,
      [crypto.randomUUID(), renderId, comment.atMs, comment.text, comment.author, comment.authorVerified, nowMs],
    )
    return row && rowToComment(row)
  })
}

/** A render's comments, by their moment in the take (then by when they were made). */
export async function listComments(db: Database, renderId: string): Promise<Comment[]> {
  const rows = await db.query<CommentRow>(
    `SELECT * FROM comments WHERE render_id = $1 ORDER BY at_ms, created_at_ms, id`,
    [renderId],
  )
  return rows.map(rowToComment)
}

/**
 * Resolves or reopens a comment of a render that is still there. Resolving one already resolved keeps who
 * resolved it first. Undefined when there is no such comment.
 */
export async function setCommentResolved(
  db: Database,
  id: string,
  resolved: boolean,
  by: Commenter,
  nowMs: number = Date.now(),
): Promise<Comment | undefined> {
  const [found] = await db.query<{ render_id: string }>(`SELECT render_id FROM comments WHERE id = $1`, [id])
  if (!found) return undefined
  return withOpenCount(db, found.render_id, nowMs, async (tx) => {
    const [row] = await tx.query<CommentRow>(
      resolved
        ? `UPDATE comments SET resolved_at_ms = coalesce(resolved_at_ms, $2::bigint),
             resolved_by = CASE WHEN resolved_at_ms IS NULL THEN $3 ELSE resolved_by END
           WHERE id = $1 RETURNING *`
        : `UPDATE comments SET resolved_at_ms = NULL, resolved_by = NULL WHERE id = $1 RETURNING *`,
      resolved ? [id, nowMs, by.author] : [id],
    )
    return row && rowToComment(row)
  })
}
