import type { Render } from '@/catalog/render-contract'
import type { Share, ShareKind } from '@/catalog/share-contract'
import type { Database } from './database'
import { rowToRender, type RenderRow } from './render-row'

export interface NewShare {
  id: string
  /** A hash of the link's secret half: the link itself is never stored. */
  secretHash: string
  kind: ShareKind
  ids: readonly string[]
  title: string
  createdBy: string | null
  createdAtMs: number
  expiresAtMs: number
}

interface ShareRow {
  id: string
  secret_hash: string
  kind: ShareKind
  target_ids: string[]
  title: string
  created_by: string | null
  created_at_ms: string | number
  expires_at_ms: string | number
  revoked_at_ms: string | number | null
  views: number
  last_viewed_at_ms: string | number | null
  commenters: string[]
}

const msOrNull = (value: string | number | null) => (value === null ? null : Number(value))

function rowToShare(row: ShareRow): Share {
  return {
    id: row.id,
    kind: row.kind,
    ids: row.target_ids,
    title: row.title,
    createdBy: row.created_by,
    createdAtMs: Number(row.created_at_ms),
    expiresAtMs: Number(row.expires_at_ms),
    revokedAtMs: msOrNull(row.revoked_at_ms),
    views: row.views,
    lastViewedAtMs: msOrNull(row.last_viewed_at_ms),
    commenters: row.commenters,
  }
}

export async function insertShare(db: Database, share: NewShare): Promise<Share> {
  const [row] = await db.query<ShareRow>(
    `INSERT INTO shares (id, secret_hash, kind, target_ids, title, created_by, created_at_ms, expires_at_ms)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7::bigint, $8::bigint) RETURNING *`,
    [
      share.id,
      share.secretHash,
      share.kind,
      JSON.stringify(share.ids),
      share.title,
      share.createdBy,
      share.createdAtMs,
      share.expiresAtMs,
    ],
  )
  return rowToShare(row!)
}

/** The studio's links, newest first. */
export async function listShares(db: Database, limit = 200): Promise<Share[]> {
  const rows = await db.query<ShareRow>(`SELECT * FROM shares ORDER BY created_at_ms DESC, id DESC LIMIT $1`, [limit])
  return rows.map(rowToShare)
}

/** A link and the hash its secret must match; undefined when there is no such link. */
export async function findShare(db: Database, id: string): Promise<{ share: Share; secretHash: string } | undefined> {
  const [row] = await db.query<ShareRow>(`SELECT * FROM shares WHERE id = $1`, [id])
  return row && { share: rowToShare(row), secretHash: row.secret_hash }
}

/** Ends a link for good; a second revoke keeps the first time. Undefined when there is no such link. */
export async function revokeShare(db: Database, id: string, nowMs: number): Promise<Share | undefined> {
  const [row] = await db.query<ShareRow>(
    `UPDATE shares SET revoked_at_ms = coalesce(revoked_at_ms, $2::bigint) WHERE id = $1 RETURNING *`,
    [id, nowMs],
  )
  return row && rowToShare(row)
}

/** Counts one opening of the review page. */
export async function recordShareView(db: Database, id: string, nowMs: number): Promise<void> {
  await db.query(`UPDATE shares SET views = views + 1, last_viewed_at_ms = $2::bigint WHERE id = $1`, [id, nowMs])
}

/** Remembers a name a reviewer commented under, once. */
export async function addShareCommenter(db: Database, id: string, name: string): Promise<void> {
  await db.query(
    `UPDATE shares SET commenters = commenters || to_jsonb($2::text)
     WHERE id = $1 AND NOT commenters ? $2`,
    [id, name],
  )
}

/** The shared takes that still exist (a deleted take leaves the link), in the link's order. */
export async function sharedTakes(db: Database, ids: readonly string[]): Promise<Render[]> {
  const rows = await db.query<RenderRow>(
    `SELECT * FROM renders WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)) AND deleted_at_ms IS NULL`,
    [JSON.stringify(ids)],
  )
  const byId = new Map(rows.map((row) => [row.id, rowToRender(row)]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}
