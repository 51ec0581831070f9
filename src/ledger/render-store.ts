import { isTerminal, type Accepted, type RequestObject } from '@/catalog/api-contract'
import type { Relation, Render } from '@/catalog/render-contract'
import type { Rating } from '@/catalog/quality-contract'
import type { VideoInput } from '@/catalog/request-schema'
import type { Database } from './database'
import { firstRender, TERMINAL, type RenderRow } from './render-row'
import { joinSequences } from './sequences'
import { DEFAULT_POLL_AFTER_MS, RESEND_AFTER_MS } from './timing'

export interface NewSubmission {
  idempotencyKey: string
  input: VideoInput | Render['input']
  /** The exact JSON body to send (and re-send) upstream. */
  createBody: string
  operation?: string
  author?: string | null
  /** The author was named by their own access token, not self-declared. */
  authorVerified?: boolean
  /** Credits held against the render's UTC day (the daily cap's) until Cannon's bill is known. */
  reservedCredits?: number
  parentId?: string | null
  relation?: Relation | null
  groupId?: string | null
  /** The unguessable path segment of this render's webhook URL, when the studio gives Cannon one. */
  webhookToken?: string | null
  /** The studio's id for it; a new random UUID when absent. */
  id?: string
  nowMs: number
}

/** The day (UTC, `YYYY-MM-DD`) a render's credits count against. */
export const creditDay = (nowMs: number) => new Date(nowMs).toISOString().slice(0, 10)

/** Inserts the render; undefined when its idempotency key is already on record (nothing is written then). */
export async function insertSubmission(db: Database, submission: NewSubmission): Promise<Render | undefined> {
  const { idempotencyKey, input, nowMs } = submission
  const inserted = await db.query<RenderRow>(
    `INSERT INTO renders (id, idempotency_key, operation, input, model, prompt, create_body, author, author_verified,
       parent_id, relation, group_id, webhook_token, status, created_at_ms, updated_at_ms, next_poll_at_ms,
       watch_since_ms, credit_day, reserved_credits)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9::boolean, $10, $11, $12, $13, 'submitting', $14::bigint,
       $14::bigint, $15::bigint, $14::bigint, $16, $17::double precision)
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING *`,
    [
      submission.id ?? crypto.randomUUID(),
      idempotencyKey,
      submission.operation ?? 'video.generate',
      JSON.stringify(input),
      input.model,
      input.prompt,
      submission.createBody,
      submission.author ?? null,
      submission.authorVerified ?? false,
      submission.parentId ?? null,
      submission.relation ?? null,
      submission.groupId ?? null,
      submission.webhookToken ?? null,
      nowMs,
      nowMs + RESEND_AFTER_MS,
      creditDay(nowMs),
      submission.reservedCredits ?? 0,
    ],
  )
  return firstRender(inserted)
}

export async function getRenderByIdempotencyKey(db: Database, idempotencyKey: string): Promise<Render | undefined> {
  return firstRender(await db.query<RenderRow>('SELECT * FROM renders WHERE idempotency_key = $1', [idempotencyKey]))
}

/**
 * Writes the render before its create goes upstream. A repeat of an idempotency key returns the render
 * first recorded under it (never a second row), whatever else the repeat carries.
 */
export async function recordSubmission(db: Database, submission: NewSubmission): Promise<Render> {
  const render =
    (await insertSubmission(db, submission)) ?? (await getRenderByIdempotencyKey(db, submission.idempotencyKey))
  if (!render) throw new Error(`render with idempotency key ${submission.idempotencyKey} vanished while being recorded`)
  return render
}

/**
 * Cannon's 202: the request id, its status and when to look next. Idempotent (a re-sent create answered
 * again changes nothing that a poll has moved on since). Clears the submit error and any sweeper's lease.
 */
export async function markAccepted(
  db: Database,
  idempotencyKey: string,
  accepted: Pick<Accepted, 'id' | 'status' | 'poll_after_ms'>,
  nowMs: number,
): Promise<Render | undefined> {
  const pollAfterMs = Math.max(0, Math.round(accepted.poll_after_ms))
  return firstRender(
    await db.query<RenderRow>(
      `UPDATE renders SET request_id = $2,
         status = CASE WHEN status = 'submitting' THEN $3 ELSE status END,
         accepted_at_ms = coalesce(accepted_at_ms, $4::bigint),
         poll_after_ms = $5::int,
         next_poll_at_ms = CASE WHEN status IN ${TERMINAL} THEN NULL ELSE $4::bigint + $5::int END,
         submit_error = NULL, lease_owner = NULL, lease_until_ms = NULL, updated_at_ms = $4::bigint
       WHERE idempotency_key = $1
       RETURNING *`,
      [idempotencyKey, accepted.id, accepted.status, nowMs, pollAfterMs],
    ),
  )
}

/**
 * A create that got no 202. With `nextAttemptAtMs` the sweeper sends it again then (same key); with null
 * the studio gives up on it (Cannon refused it for good) and the render fails with `reason`.
 */
export async function markSubmitError(
  db: Database,
  idempotencyKey: string,
  reason: string,
  nextAttemptAtMs: number | null,
  nowMs: number = Date.now(),
): Promise<Render | undefined> {
  return firstRender(
    await db.query<RenderRow>(
      `UPDATE renders SET submit_error = $2, next_poll_at_ms = $3::bigint,
         status = CASE WHEN $3::bigint IS NULL THEN 'failed' ELSE status END,
         error_message = CASE WHEN $3::bigint IS NULL THEN $2 ELSE error_message END,
         completed_at_ms = CASE WHEN $3::bigint IS NULL THEN $4::bigint ELSE completed_at_ms END,
         lease_owner = NULL, lease_until_ms = NULL, updated_at_ms = $4::bigint
       WHERE idempotency_key = $1 AND status = 'submitting'
       RETURNING *`,
      [idempotencyKey, reason, nextAttemptAtMs, nowMs],
    ),
  )
}

/**
 * Cannon's request object, from a poll (browser-driven or the sweeper's). A finished render never changes
 * again (Cannon's terminal objects are final, and a late answer to an older poll must not undo them); the
 * next poll is due after poll_after_ms, or never once finished. Undefined when no render has this request id.
 */
export async function applyRequestObject(
  db: Database,
  requestId: string,
  obj: RequestObject,
  nowMs: number,
): Promise<Render | undefined> {
  const write = (tx: Database) =>
    tx.query<RenderRow>(
      `UPDATE renders SET status = $2,
       billable_credits = coalesce($3::double precision, billable_credits),
       started_at_ms = coalesce($4::bigint, started_at_ms),
       completed_at_ms = coalesce($5::bigint, completed_at_ms),
       error_message = coalesce($6, error_message),
       output = coalesce($7::jsonb, output),
       poll_error = NULL, poll_failures = 0,
       stale = CASE WHEN $8::boolean THEN false ELSE stale END,
       next_poll_at_ms = CASE WHEN $8::boolean THEN NULL
         ELSE $9::bigint + coalesce(poll_after_ms, ${DEFAULT_POLL_AFTER_MS}) END,
       updated_at_ms = $9::bigint
     WHERE request_id = $1 AND status NOT IN ${TERMINAL}
     RETURNING *`,
      [
        requestId,
        obj.status,
        obj.billableCredits ?? null,
        obj.startedAtMs ?? null,
        obj.completedAtMs ?? null,
        obj.errorMessage ?? null,
        obj.output ? JSON.stringify(obj.output) : null,
        isTerminal(obj.status),
        nowMs,
      ],
    )
  // A success is written with what follows from it (the take joining its parent's sequences) in one transaction.
  const updated =
    obj.status === 'succeeded'
      ? await db.transaction(async (tx) => {
          const render = firstRender(await write(tx))
          if (render) await joinSequences(tx, render, nowMs)
          return render
        })
      : firstRender(await write(db))
  return updated ?? getRenderByRequestId(db, requestId)
}

/** The create body recorded for the render (what a re-send sends); undefined for an unknown id. */
export async function getCreateBody(db: Database, id: string): Promise<string | undefined> {
  const [row] = await db.query<{ create_body: string }>('SELECT create_body FROM renders WHERE id = $1', [id])
  return row?.create_body
}

export async function getRender(db: Database, id: string): Promise<Render | undefined> {
  return firstRender(await db.query<RenderRow>('SELECT * FROM renders WHERE id = $1', [id]))
}

export async function getRenderByRequestId(db: Database, requestId: string): Promise<Render | undefined> {
  return firstRender(await db.query<RenderRow>('SELECT * FROM renders WHERE request_id = $1', [requestId]))
}

export async function getRenderByWebhookToken(db: Database, token: string): Promise<Render | undefined> {
  return firstRender(await db.query<RenderRow>('SELECT * FROM renders WHERE webhook_token = $1', [token]))
}

/** Favourite, soft delete (`deleted: true`) and its undo (`deleted: false`). Undefined for an unknown id. */
export async function updateRender(
  db: Database,
  id: string,
  patch: { favourite?: boolean; deleted?: boolean; rating?: Rating | null },
  nowMs: number = Date.now(),
): Promise<Render | undefined> {
  return firstRender(
    await db.query<RenderRow>(
      `UPDATE renders SET favourite = coalesce($2::boolean, favourite),
         deleted_at_ms = CASE WHEN $3::boolean IS NULL THEN deleted_at_ms
           WHEN $3::boolean THEN coalesce(deleted_at_ms, $4::bigint) ELSE NULL END,
         rating = CASE WHEN $5::boolean THEN $6::text ELSE rating END,
         updated_at_ms = $4::bigint
       WHERE id = $1
       RETURNING *`,
      [id, patch.favourite ?? null, patch.deleted ?? null, nowMs, patch.rating !== undefined, patch.rating ?? null],
    ),
  )
}
