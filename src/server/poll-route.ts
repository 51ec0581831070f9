import type { Context, Hono } from 'hono'
import { isTerminal, requestObjectSchema, type RequestObject } from '@/catalog/api-contract'
import type { Render } from '@/catalog/render-contract'
import type { Database } from '@/ledger/database'
import { applyRequestObject, getRenderByRequestId } from '@/ledger/render-store'
import { claimPollSlot } from '@/ledger/render-sweep'
import { DEFAULT_POLL_AFTER_MS } from '@/ledger/timing'
import type { BffEnv } from './bff-env'
import { fail } from './errors'
import { relay } from './relay'
import { REQUEST_ID } from './request-id'
import type { UpstreamClient } from './upstream'

/** A render on the record in Cannon's request-object shape, so the browser's poller reads it unchanged. */
export function asRequestObject(render: Render): RequestObject {
  return {
    id: render.requestId!,
    operation: render.operation,
    status: render.status,
    billableCredits: render.billableCredits,
    createdAtMs: render.createdAtMs,
    startedAtMs: render.startedAtMs,
    completedAtMs: render.completedAtMs,
    errorMessage: render.errorMessage,
    output: render.output,
  }
}

/**
 * GET /api/v1/requests/:id. With a ledger, a finished render is answered from it (Cannon's terminal objects do
 * not change), and an unfinished one is refreshed from Cannon at most once per poll_after_ms however many
 * browsers (and studio processes) ask: whoever wins the ledger's poll slot calls Cannon, the rest get the latest
 * answer on record. Every answer Cannon gives is written to the ledger before it is relayed.
 *
 * Each process also keeps the latest answer per render in memory: forever once finished, until the render's
 * next poll slot while unfinished. Polls between slots (most of them) then touch neither the ledger nor Cannon,
 * and concurrent polls of one render wait for a single refresh. Returns how to read that memory: the answer kept
 * ready for a request id, if any.
 */
export function registerPollRoute(
  app: Hono<BffEnv>,
  {
    upstream,
    db,
    now = Date.now,
    onFinished,
  }: { upstream: UpstreamClient; db?: Database; now?: () => number; onFinished?: (render: Render) => void },
) {
  const answers = new Map<string, { text: string; terminal: boolean; freshUntilMs: number }>()
  const refreshing = new Map<string, Promise<unknown>>()
  const keep = (id: string, render: Render, freshUntilMs: number) => {
    const answer = { text: JSON.stringify(asRequestObject(render)), terminal: isTerminal(render.status), freshUntilMs }
    if (!answers.has(id) && answers.size >= MAX_KEPT_ANSWERS) answers.delete(answers.keys().next().value!)
    answers.set(id, answer)
    return answer.text
  }
  const kept = (id: string) => {
    const answer = answers.get(id)
    return answer && (answer.terminal || answer.freshUntilMs > now()) ? answer.text : undefined
  }

  async function refresh(c: Context<BffEnv>, db: Database, id: string): Promise<Response> {
    const onRecord = await getRenderByRequestId(db, id)
    if (onRecord && isTerminal(onRecord.status)) return c.body(keep(id, onRecord, 0), 200, JSON_CONTENT)
    if (onRecord && !(await claimPollSlot(db, id, now()))) {
      return c.body(keep(id, onRecord, now() + OTHERS_SLOT_MS), 200, JSON_CONTENT)
    }
    const reply = await upstream.send('GET', `/api/v1/requests/${id}`)
    const parsed = onRecord && reply.status === 200 ? requestObjectSchema.safeParse(reply.body) : undefined
    if (parsed?.success && parsed.data.id === id) {
      const updated = await applyRequestObject(db, id, parsed.data, now())
      if (updated) keep(id, updated, now() + (updated.pollAfterMs ?? DEFAULT_POLL_AFTER_MS))
      if (updated && isTerminal(updated.status)) onFinished?.(updated)
    }
    return relay(c, reply, requestObjectSchema)
  }

  app.get(POLL_ROUTE, async (c) => {
    const id = c.req.param('id')
    if (!REQUEST_ID.test(id)) return fail(c, 400, 'invalid_request_id', 'That is not a request id')
    if (!db) return relay(c, await upstream.send('GET', `/api/v1/requests/${id}`), requestObjectSchema)
    const ready = kept(id)
    if (ready !== undefined) return c.body(ready, 200, JSON_CONTENT)
    const pending = refreshing.get(id)
    if (pending) {
      await pending.catch(() => undefined)
      const refreshed = kept(id)
      if (refreshed !== undefined) return c.body(refreshed, 200, JSON_CONTENT)
    }
    const work = refresh(c, db, id)
    refreshing.set(id, work)
    try {
      return await work
    } finally {
      if (refreshing.get(id) === work) refreshing.delete(id)
    }
  })
  return db ? kept : () => undefined
}

export const POLL_ROUTE = '/api/v1/requests/:id'

const MAX_KEPT_ANSWERS = 10_000
/** When another process holds the poll slot, its fresh answer is in the ledger soon: look again after this. */
const OTHERS_SLOT_MS = 500
const JSON_CONTENT = { 'Content-Type': 'application/json' }
