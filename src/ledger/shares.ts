import type { Rating } from '@/catalog/quality-contract'
import type { Render } from '@/catalog/render-contract'
import type { ReviewShot, Share, ShareKind } from '@/catalog/share-contract'
import type { Database } from './database'
import { rowToRender, type RenderRow } from './render-row'
import { getSequence } from './sequences'

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
  picks?: string | number
  rejects?: string | number
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
    picks: Number(row.picks ?? 0),
    rejects: Number(row.rejects ?? 0),
  }
}

/** A link with how its reviewers rated its takes. */
const WITH_COUNTS = `SELECT s.*,
    (SELECT count(*) FROM share_ratings r WHERE r.share_id = s.id AND r.rating = 'pick') AS picks,
    (SELECT count(*) FROM share_ratings r WHERE r.share_id = s.id AND r.rating = 'reject') AS rejects
  FROM shares s`

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
  const rows = await db.query<ShareRow>(`${WITH_COUNTS} ORDER BY s.created_at_ms DESC, s.id DESC LIMIT $1`, [limit])
  return rows.map(rowToShare)
}

/** A link and the hash its secret must match; undefined when there is no such link. */
export async function findShare(db: Database, id: string): Promise<{ share: Share; secretHash: string } | undefined> {
  const [row] = await db.query<ShareRow>(`${WITH_COUNTS} WHERE s.id = $1`, [id])
  return row && { share: rowToShare(row), secretHash: row.secret_hash }
}

/** Ends a link for good; a second revoke keeps the first time. Undefined when there is no such link. */
export async function revokeShare(db: Database, id: string, nowMs: number): Promise<Share | undefined> {
  await db.query(`UPDATE shares SET revoked_at_ms = coalesce(revoked_at_ms, $2::bigint) WHERE id = $1`, [id, nowMs])
  return (await findShare(db, id))?.share
}

/** A reviewer's pick or reject of a take through a link (null takes it back). */
export async function rateThroughShare(
  db: Database,
  shareId: string,
  renderId: string,
  rating: Rating | null,
  nowMs: number,
): Promise<void> {
  if (rating === null) {
    await db.query(`DELETE FROM share_ratings WHERE share_id = $1 AND render_id = $2`, [shareId, renderId])
    return
  }
  await db.query(
    `INSERT INTO share_ratings (share_id, render_id, rating, rated_at_ms) VALUES ($1, $2, $3, $4::bigint)
     ON CONFLICT (share_id, render_id) DO UPDATE SET rating = EXCLUDED.rating, rated_at_ms = EXCLUDED.rated_at_ms`,
    [shareId, renderId, rating, nowMs],
  )
}

/** What reviewers picked or rejected through a link, by take. */
export async function shareRatings(db: Database, shareId: string): Promise<Map<string, Rating>> {
  const rows = await db.query<{ render_id: string; rating: Rating }>(
    `SELECT render_id, rating FROM share_ratings WHERE share_id = $1`,
    [shareId],
  )
  return new Map(rows.map((row) => [row.render_id, row.rating]))
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

/**
 * A shared sequence as its link shows it now: its shots whose active take is finished and still in the gallery
 * (a shot whose take was deleted drops out of the shared cut), and those takes; undefined when it is gone.
 */
export async function sharedSequence(
  db: Database,
  id: string,
): Promise<{ name: string; shots: ReviewShot[]; takes: Render[] } | undefined> {
  const sequence = await getSequence(db, id)
  if (!sequence) return undefined
  const found = await sharedTakes(db, [...new Set(sequence.shots.map((shot) => shot.activeTakeId))])
  // Only takes a reviewer can play: a shot without a video would put the film's shots and players out of step.
  const takes = found.filter((take) => take.status === 'succeeded' && (take.keptVideoUrl ?? take.output?.video_url))
  const playable = new Set(takes.map((take) => take.id))
  const shots = sequence.shots
    .filter((shot) => playable.has(shot.activeTakeId))
    .map((shot) => ({ takeId: shot.activeTakeId, inMs: shot.inMs, outMs: shot.outMs }))
  return { name: sequence.name, shots, takes }
}
