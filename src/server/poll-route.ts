import type { Hono } from 'hono'
import { isTerminal, requestObjectSchema, type RequestObject } from '@/catalog/api-contract'
import type { Render } from '@/catalog/render-contract'
import type { Database } from '@/ledger/database'
import { applyRequestObject, getRenderByRequestId } from '@/ledger/render-store'
import { claimPollSlot } from '@/ledger/render-sweep'
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
 */
export function registerPollRoute(
  app: Hono<BffEnv>,
  { upstream, db, now = Date.now }: { upstream: UpstreamClient; db?: Database; now?: () => number },
) {
  app.get('/api/v1/requests/:id', async (c) => {
    const id = c.req.param('id')
    if (!REQUEST_ID.test(id)) return fail(c, 400, 'invalid_request_id', 'That is not a request id')
    const onRecord = db ? await getRenderByRequestId(db, id) : undefined
    if (db && onRecord && (isTerminal(onRecord.status) || !(await claimPollSlot(db, id, now())))) {
      return c.json(asRequestObject(onRecord))
    }
    const reply = await upstream.send('GET', `/api/v1/requests/${id}`)
    if (db && onRecord && reply.status === 200) {
      const parsed = requestObjectSchema.safeParse(reply.body)
      if (parsed.success && parsed.data.id === id) await applyRequestObject(db, id, parsed.data, now())
    }
    return relay(c, reply, requestObjectSchema)
  })
}
