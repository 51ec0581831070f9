import type { Database } from './database'

export type WindowVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/** How often (at most) one process sweeps away spent windows. */
const PRUNE_EVERY_MS = 60_000
const lastPruned = new WeakMap<Database, number>()

/**
 * Counts one hit against `key` in a fixed window of `windowMs` that opens at the key's first hit, and says
 * whether it is within `limit`. One atomic upsert: studio processes sharing a Postgres share the count.
 */
export async function takeFromWindow(
  db: Database,
  key: string,
  limit: number,
  windowMs: number,
  nowMs: number,
): Promise<WindowVerdict> {
  if ((lastPruned.get(db) ?? -Infinity) <= nowMs - PRUNE_EVERY_MS) {
    lastPruned.set(db, nowMs)
    await pruneRateWindows(db, nowMs)
  }
  const [row] = await db.query<{ count: number; expires_at_ms: number }>(
    `INSERT INTO rate_windows AS w (key, window_start_ms, expires_at_ms, count)
     VALUES ($1, $2::bigint, $2::bigint + $3::bigint, 1)
     ON CONFLICT (key) DO UPDATE SET
       window_start_ms = CASE WHEN w.expires_at_ms <= $2::bigint THEN $2::bigint ELSE w.window_start_ms END,
       expires_at_ms = CASE WHEN w.expires_at_ms <= $2::bigint THEN $2::bigint + $3::bigint ELSE w.expires_at_ms END,
       count = CASE WHEN w.expires_at_ms <= $2::bigint THEN 1 ELSE least(w.count, $4::int) + 1 END
     RETURNING count, expires_at_ms`,
    [key, nowMs, windowMs, limit],
  )
  if (!row) throw new Error('rate window upsert returned no row')
  if (row.count <= limit) return { allowed: true }
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((row.expires_at_ms - nowMs) / 1000)) }
}

/** Drops every window that has ended; returns how many. */
export async function pruneRateWindows(db: Database, nowMs: number): Promise<number> {
  const rows = await db.query<{ key: string }>(
    'DELETE FROM rate_windows WHERE expires_at_ms <= $1::bigint RETURNING key',
    [nowMs],
  )
  return rows.length
}
