import { isTerminal } from '@/catalog/api-contract'
import type { Render } from '@/catalog/render-contract'
import type { Database } from './database'
import { rowToRender, type RenderRow } from './render-row'

/** A render from a gallery file (this studio's export, or a version 1 browser export mapped to it). */
export type ImportedRender = Pick<Render, 'id' | 'idempotencyKey' | 'input' | 'status' | 'createdAtMs'> &
  Partial<Omit<Render, 'id' | 'idempotencyKey' | 'input' | 'status' | 'createdAtMs'>>

const CHUNK = 500

// One statement per chunk: the chunk travels as one jsonb parameter and becomes rows in the database.
const INSERT_CHUNK = `INSERT INTO renders (id, idempotency_key, request_id, operation, input, model, prompt,
    create_body, author, parent_id, relation, group_id, status, stale, billable_credits, created_at_ms,
    updated_at_ms, started_at_ms, completed_at_ms, error_message, output, poll_after_ms, next_poll_at_ms,
    watch_since_ms, favourite, deleted_at_ms, kept_video_url, rating)
  SELECT id, idempotency_key, request_id, operation, input, input->>'model', input->>'prompt',
    create_body, author, parent_id, relation, group_id, status, stale, billable_credits, created_at_ms,
    updated_at_ms, started_at_ms, completed_at_ms, error_message, output, poll_after_ms, next_poll_at_ms,
    watch_since_ms, favourite, deleted_at_ms, kept_video_url, rating
  FROM jsonb_to_recordset($1::jsonb) AS x(id text, idempotency_key text, request_id text, operation text,
    input jsonb, create_body text, author text, parent_id text, relation text, group_id text, status text,
    stale boolean, billable_credits double precision, created_at_ms bigint, updated_at_ms bigint,
    started_at_ms bigint, completed_at_ms bigint, error_message text, output jsonb, poll_after_ms integer,
    next_poll_at_ms bigint, watch_since_ms bigint, favourite boolean, deleted_at_ms bigint, kept_video_url text,
    rating text)
  ON CONFLICT DO NOTHING
  RETURNING id`

function toRow(render: ImportedRender, nowMs: number) {
  const operation = render.operation ?? 'video.generate'
  const requestId = render.requestId ?? null
  const finished = isTerminal(render.status)
  // An unfinished render with a request id is followed from now on; one that never reached Cannon is kept
  // as stale, so an import never sends a create (and spends credits) by itself.
  const followed = !finished && requestId !== null
  return {
    id: render.id,
    idempotency_key: render.idempotencyKey,
    request_id: requestId,
    operation,
    input: render.input,
    create_body: JSON.stringify({ operation, input: render.input }),
    author: render.author ?? null,
    parent_id: render.parentId ?? null,
    relation: render.relation ?? null,
    group_id: render.groupId ?? null,
    status: render.status,
    stale: !finished && (render.stale === true || !followed),
    billable_credits: render.billableCredits ?? null,
    created_at_ms: render.createdAtMs,
    updated_at_ms: nowMs,
    started_at_ms: render.startedAtMs ?? null,
    completed_at_ms: render.completedAtMs ?? null,
    error_message: render.errorMessage ?? null,
    output: render.output ?? null,
    poll_after_ms: render.pollAfterMs ?? null,
    next_poll_at_ms: followed ? nowMs : null,
    watch_since_ms: followed ? nowMs : null,
    favourite: render.favourite ?? false,
    deleted_at_ms: render.deleted ? nowMs : null,
    kept_video_url: render.keptVideoUrl ?? null,
    // A person's pick or reject travels with the take; quality flags do not: the kept take is checked again.
    rating: render.rating ?? null,
  }
}

/**
 * Adds the renders this ledger does not have yet, in one transaction. One already here (same idempotency
 * key, or same id, request id) is skipped, never overwritten, so importing a file twice adds nothing.
 */
export async function importRenders(
  db: Database,
  renders: readonly ImportedRender[],
  nowMs: number,
): Promise<{ added: number; skipped: number }> {
  let added = 0
  await db.transaction(async (tx) => {
    for (let start = 0; start < renders.length; start += CHUNK) {
      const chunk = renders.slice(start, start + CHUNK).map((render) => toRow(render, nowMs))
      added += (await tx.query<{ id: string }>(INSERT_CHUNK, [JSON.stringify(chunk)])).length
    }
  })
  return { added, skipped: renders.length - added }
}

/** Every render that is not deleted, oldest first, read a page at a time. */
export async function* exportRenders(db: Database, pageSize = CHUNK): AsyncGenerator<Render> {
  let after: { createdAtMs: number; id: string } | undefined
  for (;;) {
    const rows = await db.query<RenderRow>(
      `SELECT * FROM renders WHERE deleted_at_ms IS NULL
         ${after ? 'AND (created_at_ms, id) > ($2::bigint, $3)' : ''}
       ORDER BY created_at_ms, id LIMIT $1::int`,
      after ? [pageSize, after.createdAtMs, after.id] : [pageSize],
    )
    for (const row of rows) yield rowToRender(row)
    const last = rows.at(-1)
    if (!last || rows.length < pageSize) return
    after = { createdAtMs: last.created_at_ms, id: last.id }
  }
}
