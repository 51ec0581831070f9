import type { Render } from '@/catalog/render-contract'
import type { Database } from './database'
import { DUE_PREDICATE } from './schema/001-renders'
import { firstRender, rowToRender, TERMINAL, type RenderRow } from './render-row'
import { DEFAULT_POLL_AFTER_MS, STALE_AFTER_MS } from './timing'

/*
 * The follow-up work on unfinished renders, shared by every studio process on one database: a poll slot per
 * request id (at most one upstream call per poll_after_ms, however many browsers ask) and the sweeper's
 * leases, claimed with FOR UPDATE SKIP LOCKED so that two sweepers never take the same render.
 */

/**
 * May this process ask Cannon about `requestId` now? True for exactly one caller per poll interval, across
 * processes: the check and the move of next_poll_at_ms are one atomic UPDATE.
 */
export async function claimPollSlot(db: Database, requestId: string, nowMs: number): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `UPDATE renders SET next_poll_at_ms = $2::bigint + coalesce(poll_after_ms, ${DEFAULT_POLL_AFTER_MS})
     WHERE request_id = $1 AND status NOT IN ${TERMINAL}
       AND (next_poll_at_ms IS NULL OR next_poll_at_ms <= $2::bigint)
     RETURNING id`,
    [requestId, nowMs],
  )
  return rows.length > 0
}

export interface ClaimedRender {
  render: Render
  /** The create body to send again when the render is still 'submitting'. */
  createBody: string
  pollFailures: number
  watchSinceMs: number | null
  leaseUntilMs: number
}

/**
 * The sweeper's claim: up to `limit` due renders, earliest due first, leased to `owner` for `leaseMs`. A
 * claim also takes the render's poll slot (next_poll_at_ms moves on), so a browser-driven poll does not
 * call Cannon for it at the same moment. Rows another transaction is claiming are skipped, not waited for.
 */
export async function claimDue(
  db: Database,
  options: { owner: string; limit: number; nowMs: number; leaseMs: number },
): Promise<ClaimedRender[]> {
  const rows = await db.query<RenderRow & { due_at_ms: number }>(
    `WITH due AS (
       SELECT id, next_poll_at_ms AS due_at_ms FROM renders
       WHERE ${DUE_PREDICATE} AND next_poll_at_ms <= $3::bigint
         AND (lease_until_ms IS NULL OR lease_until_ms <= $3::bigint)
       ORDER BY next_poll_at_ms
       LIMIT $2::int
       FOR UPDATE SKIP LOCKED
     )
     UPDATE renders AS r SET lease_owner = $1, lease_until_ms = $3::bigint + $4::bigint,
       next_poll_at_ms = $3::bigint + coalesce(r.poll_after_ms, ${DEFAULT_POLL_AFTER_MS})
     FROM due WHERE r.id = due.id
     RETURNING r.*, due.due_at_ms`,
    [options.owner, options.limit, options.nowMs, options.leaseMs],
  )
  return rows
    .sort((a, b) => a.due_at_ms - b.due_at_ms)
    .map((row) => ({
      render: rowToRender(row),
      createBody: row.create_body,
      pollFailures: row.poll_failures,
      watchSinceMs: row.watch_since_ms,
      leaseUntilMs: row.lease_until_ms ?? options.nowMs + options.leaseMs,
    }))
}

/**
 * Hands a claimed render back: when to look next, and whether this attempt failed (`pollError` is shown to
 * creatives; `failed` counts toward the backoff). False when `owner` no longer held it (its lease expired
 * and another took it, or a 202 cleared it). A render that finished meanwhile is never made due again.
 */
export async function releaseClaim(
  db: Database,
  id: string,
  owner: string,
  outcome: { nextPollAtMs: number; pollError?: string | null; failed?: boolean; nowMs?: number },
): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `UPDATE renders SET lease_owner = NULL, lease_until_ms = NULL,
       next_poll_at_ms = CASE WHEN status IN ${TERMINAL} THEN NULL ELSE $3::bigint END,
       poll_error = CASE WHEN $4::boolean THEN $5 ELSE poll_error END,
       poll_failures = CASE WHEN $6::boolean THEN poll_failures + 1 ELSE poll_failures END,
       updated_at_ms = CASE WHEN $4::boolean THEN $7::bigint ELSE updated_at_ms END
     WHERE id = $1 AND lease_owner = $2
     RETURNING id`,
    [
      id,
      owner,
      outcome.nextPollAtMs,
      outcome.pollError !== undefined,
      outcome.pollError ?? null,
      outcome.failed ?? false,
      outcome.nowMs ?? Date.now(),
    ],
  )
  return rows.length > 0
}

/**
 * Followed for STALE_AFTER_MS since watch_since_ms without an end: kept, shown as stale, no longer swept.
 * Undefined when the render finished, is already stale, or has not been watched that long.
 */
export async function markStale(db: Database, id: string, nowMs: number): Promise<Render | undefined> {
  return firstRender(
    await db.query<RenderRow>(
      `UPDATE renders SET stale = true, lease_owner = NULL, lease_until_ms = NULL, updated_at_ms = $2::bigint
       WHERE id = $1 AND NOT stale AND status NOT IN ${TERMINAL}
         AND coalesce(watch_since_ms, created_at_ms) <= $2::bigint - ${STALE_AFTER_MS}
       RETURNING *`,
      [id, nowMs],
    ),
  )
}

/** Someone asked to check an unfinished render again: it is followed afresh, due now. */
export async function recheck(db: Database, id: string, nowMs: number): Promise<Render | undefined> {
  return firstRender(
    await db.query<RenderRow>(
      `UPDATE renders SET stale = false, watch_since_ms = $2::bigint, next_poll_at_ms = $2::bigint,
         updated_at_ms = $2::bigint
       WHERE id = $1 AND status NOT IN ${TERMINAL}
       RETURNING *`,
      [id, nowMs],
    ),
  )
}

/**
 * At the start of the only process on an embedded ledger: a create still 'submitting' was in flight when the
 * last process stopped (or crashed) and nothing else can be sending it, so it is due at once instead of a
 * minute after it was written. Not for a shared Postgres, where another instance may be sending it right now.
 */
export async function resumeOrphanedSubmissions(db: Database, nowMs: number): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `UPDATE renders SET next_poll_at_ms = $1::bigint, lease_owner = NULL, lease_until_ms = NULL
     WHERE status = 'submitting' AND NOT stale AND deleted_at_ms IS NULL AND next_poll_at_ms > $1::bigint
     RETURNING id`,
    [nowMs],
  )
  return rows.length
}
