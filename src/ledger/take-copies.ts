import type { Render } from '@/catalog/render-contract'
import type { Database } from './database'
import { firstRender, rowToRender, type RenderRow } from './render-row'

/*
 * The record of kept takes: which succeeded takes still have no copy in the media store, claimed by one studio
 * process at a time (a lease on keep_after_ms), and why a copy failed, retried with a growing wait until it
 * cannot pass.
 */

/** Tries at copying one take before the studio gives up on it (the last wait is about an hour). */
export const MAX_KEEP_ATTEMPTS = 7
const FIRST_RETRY_MS = 60_000

const WAITING_FOR_COPY = `status = 'succeeded' AND kept_video_url IS NULL AND deleted_at_ms IS NULL`

/**
 * Up to `limit` succeeded takes with no copy yet whose time has come, oldest first, leased for `leaseMs` so
 * that another process's claim skips them.
 */
export async function claimTakesToKeep(
  db: Database,
  options: { limit: number; nowMs: number; leaseMs: number },
): Promise<Render[]> {
  const rows = await db.query<RenderRow>(
    `WITH due AS (
       SELECT id FROM renders
       WHERE ${WAITING_FOR_COPY} AND keep_attempts < ${MAX_KEEP_ATTEMPTS}
         AND (keep_after_ms IS NULL OR keep_after_ms <= $2::bigint)
       ORDER BY keep_after_ms NULLS FIRST, created_at_ms
       LIMIT $1::int
       FOR UPDATE SKIP LOCKED
     )
     UPDATE renders AS r SET keep_after_ms = $2::bigint + $3::bigint FROM due WHERE r.id = due.id RETURNING r.*`,
    [options.limit, options.nowMs, options.leaseMs],
  )
  return rows.map(rowToRender)
}

/** Where the copy of the take lives (a path on the studio's origin); any earlier failure is forgotten. */
export async function recordKeptTake(
  db: Database,
  id: string,
  url: string,
  nowMs: number = Date.now(),
): Promise<Render | undefined> {
  return firstRender(
    await db.query<RenderRow>(
      `UPDATE renders SET kept_video_url = $2, keep_error = NULL, keep_after_ms = NULL, updated_at_ms = $3::bigint
       WHERE id = $1 RETURNING *`,
      [id, url, nowMs],
    ),
  )
}

/**
 * Why the copy failed. A failure that may pass (the host or the store was away) is tried again after 1, 2, 4, …
 * minutes; one that cannot (the file is not a video, too large) is not tried again.
 */
export async function recordKeepFailure(
  db: Database,
  id: string,
  failure: { reason: string; retryable: boolean },
  nowMs: number = Date.now(),
): Promise<Render | undefined> {
  return firstRender(
    await db.query<RenderRow>(
      `UPDATE renders SET keep_error = $2, updated_at_ms = $3::bigint,
         keep_attempts = CASE WHEN $4::boolean THEN keep_attempts + 1 ELSE ${MAX_KEEP_ATTEMPTS} END,
         keep_after_ms = $3::bigint + ${FIRST_RETRY_MS}::bigint * power(2, keep_attempts)::bigint
       WHERE id = $1 AND kept_video_url IS NULL RETURNING *`,
      [id, failure.reason, nowMs, failure.retryable],
    ),
  )
}
