import { randomBytes } from 'node:crypto'
import type { Context } from 'hono'
import { acceptedSchema, type Accepted } from '@/catalog/api-contract'
import { relationSchema, type Render } from '@/catalog/render-contract'
import type { CreateRequestBody } from '@/catalog/request-schema'
import { DailyCapReached, recordWithinCap } from '@/ledger/credit-cap'
import type { Database } from '@/ledger/database'
import { recordModelRefusal } from '@/ledger/model-refusals'
import { getCreateBody } from '@/ledger/render-store'
import { namesModelOrValue, refusedField } from './cannon-refusal'
import { whoIsAsking } from './author'
import type { BffEnv } from './bff-env'
import { dailyCapRefused } from './credit-refusal'
import { fail } from './errors'
import type { Estimator } from './estimator'
import { relay, upstreamReason } from './relay'
import type { RenderSubmitter, SubmitOutcome } from './render-submitter'

export interface LedgerCreateOptions {
  db: Database
  submit: RenderSubmitter
  /** STUDIO_PUBLIC_URL: creates then carry a webhook URL with an unguessable per-render path. */
  publicUrl?: string
  /** What a create is expected to cost: reserved against the day, refused past `dailyCap`. */
  estimate: Estimator
  /** STUDIO_DAILY_CREDIT_CAP. */
  dailyCap?: number
  now?: () => number
}

const STUDIO_ID = /^[A-Za-z0-9_-]{8,128}$/

/** The 202 the browser gets, for a render Cannon has accepted (now, or on an earlier try with the same key). */
export function acceptedReply(render: Render, pollAfterMs: number): Accepted & { render_id: string } {
  return {
    id: render.requestId!,
    status: render.status === 'submitting' ? 'queued' : render.status,
    operation: render.operation,
    poll_after_ms: pollAfterMs,
    urls: { get: `/api/v1/requests/${render.requestId}` },
    render_id: render.id,
  }
}

/** Who asked, and why: the studio's own headers beside Cannon's body (which stays exactly Cannon's shape). */
function lineage(c: Context<BffEnv>) {
  const id = c.req.header('x-studio-render-id')
  const parentId = c.req.header('x-studio-parent-id')
  const relation = c.req.header('x-studio-relation')
  const groupId = c.req.header('x-studio-group-id')
  if (id !== undefined && !STUDIO_ID.test(id)) return { error: 'x-studio-render-id is not a render id' }
  if (parentId !== undefined && !STUDIO_ID.test(parentId)) return { error: 'x-studio-parent-id is not a render id' }
  if (groupId !== undefined && !STUDIO_ID.test(groupId)) return { error: 'x-studio-group-id is not a group id' }
  const parsedRelation = relation === undefined ? undefined : relationSchema.safeParse(relation)
  if (parsedRelation && !parsedRelation.success) return { error: `x-studio-relation "${relation}" is not a relation` }
  return { id, parentId, relation: parsedRelation?.data, groupId }
}

/**
 * A video.generate create on the record: written to the ledger before it goes upstream (so a crash between
 * the two leaves a render the sweeper sends again with the same key), then sent, and Cannon's answer stored.
 * A repeat of a key that Cannon already accepted is answered from the ledger without calling Cannon. Its estimate
 * is reserved on the day in the same write, and a create that would pass the daily cap is refused (402) there.
 */
export async function createOnRecord(
  c: Context<BffEnv>,
  options: LedgerCreateOptions,
  body: Extract<CreateRequestBody, { operation: 'video.generate' }>,
  idempotencyKey: string,
) {
  const now = options.now ?? Date.now
  const asked = lineage(c)
  if ('error' in asked) return fail(c, 400, 'invalid_header', asked.error!)
  const who = whoIsAsking(c)
  if ('error' in who) return fail(c, 400, 'invalid_header', who.error)
  // Postgres stores no NUL character in text or jsonb; no prompt needs one.
  if (JSON.stringify(body).includes('\\u0000')) {
    return fail(c, 400, 'invalid_input', 'The request contains a NUL character, which the studio cannot keep')
  }
  const webhookToken = options.publicUrl ? randomBytes(24).toString('base64url') : undefined
  const sent = webhookToken ? { ...body, webhook_url: `${options.publicUrl}/api/hooks/${webhookToken}` } : body
  const estimate = await options.estimate(body.input, { fresh: true })
  const submission = {
    idempotencyKey,
    input: body.input,
    createBody: JSON.stringify(sent),
    id: asked.id,
    author: who.author,
    authorVerified: who.authorVerified,
    parentId: asked.parentId,
    relation: asked.relation,
    groupId: asked.groupId,
    webhookToken,
    reservedCredits: estimate?.credits ?? 0,
    nowMs: now(),
  }
  let render: Render
  try {
    render = await recordWithinCap(options.db, submission, options.dailyCap, typeof estimate?.credits === 'number')
  } catch (error) {
    if (error instanceof DailyCapReached) return dailyCapRefused(c, error)
    throw error
  }
  c.header('x-studio-render-id', render.id)
  if (render.requestId) return c.json(acceptedReply(render, render.pollAfterMs ?? 1000), 202)

  // A repeat sends what was recorded first (its webhook path included), never a second version of it.
  const createBody = (await getCreateBody(options.db, render.id)) ?? JSON.stringify(sent)
  const outcome = await options.submit(idempotencyKey, createBody)
  c.set('upstreamStatus', outcome.reply.status)
  if (outcome.kind === 'accepted') {
    const accepted = { ...render, requestId: outcome.accepted.id, status: outcome.accepted.status }
    return c.json(acceptedReply(accepted, outcome.accepted.poll_after_ms), 202)
  }
  if (outcome.reply.status >= 200 && outcome.reply.status < 300) {
    return fail(c, 502, 'upstream_malformed', 'Cannon answered with a request id the studio cannot use')
  }
  // Cannon's reason reaches the creative even if keeping it for the team fails (a ledger that is down fails the
  // next request loudly).
  await keepModelRefusal(options.db, outcome, { ...body.input }, now()).catch(() => undefined)
  return relay(c, outcome.reply, acceptedSchema)
}

/** A 400/422 that names the model or one of its values is kept, so every creative sees it on that model. */
async function keepModelRefusal(db: Database, outcome: SubmitOutcome, input: Record<string, unknown>, atMs: number) {
  const { status, body } = outcome.reply
  if (outcome.kind !== 'refused' || (status !== 400 && status !== 422)) return
  const message = upstreamReason(body)
  const field = refusedField(body)
  if (!message || !namesModelOrValue(field, message, input)) return
  await recordModelRefusal(db, {
    model: String(input.model),
    field: field ?? null,
    message: message.slice(0, 500),
    atMs,
  })
}
