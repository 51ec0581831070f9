import { acceptedSchema, type Accepted } from '@/catalog/api-contract'
import { markAccepted, markSubmitError } from '@/ledger/render-store'
import type { Database } from '@/ledger/database'
import { upstreamReason } from './relay'
import { REQUEST_ID } from './request-id'
import { UpstreamUnavailable, type UpstreamClient, type UpstreamReply } from './upstream'

/** How long before a create that got no 202 (Cannon busy, unreachable, rate limiting) is sent again. */
export const RESEND_DELAY_MS = 30_000

export type SubmitOutcome =
  { kind: 'accepted'; accepted: Accepted; reply: UpstreamReply } | { kind: 'refused' | 'retry'; reply: UpstreamReply }

/**
 * Sends a recorded create to Cannon with its idempotency key and writes what came of it to the ledger: the
 * request id of a 202; a refusal (the render fails with Cannon's reason); or a transient failure (sent again
 * later by the sweeper, with the same key, so Cannon never makes two renders of it). A network failure or
 * timeout is recorded the same way and then thrown on.
 */
export function createRenderSubmitter(db: Database, upstream: UpstreamClient, now: () => number = Date.now) {
  return async function submit(idempotencyKey: string, createBody: string): Promise<SubmitOutcome> {
    let reply: UpstreamReply
    try {
      reply = await upstream.send('POST', '/api/v1/requests', { body: createBody, idempotencyKey })
    } catch (error) {
      if (error instanceof UpstreamUnavailable) {
        await markSubmitError(db, idempotencyKey, error.message, now() + RESEND_DELAY_MS, now())
      }
      throw error
    }
    const accepted = acceptedSchema.safeParse(reply.body)
    if (reply.status === 202 && accepted.success && REQUEST_ID.test(accepted.data.id)) {
      await markAccepted(db, idempotencyKey, accepted.data, now())
      return { kind: 'accepted', accepted: accepted.data, reply }
    }
    const transient = reply.status === 429 || reply.status >= 500 || reply.status < 400
    const reason = refusalReason(reply)
    if (transient) {
      const retryAfterMs = reply.retryAfter ? Number(reply.retryAfter) * 1000 : NaN
      const delay = Number.isFinite(retryAfterMs) ? Math.max(retryAfterMs, 1_000) : RESEND_DELAY_MS
      await markSubmitError(db, idempotencyKey, reason, now() + delay, now())
      return { kind: 'retry', reply }
    }
    await markSubmitError(db, idempotencyKey, reason, null, now())
    return { kind: 'refused', reply }
  }
}

export type RenderSubmitter = ReturnType<typeof createRenderSubmitter>

function refusalReason(reply: UpstreamReply): string {
  const text = upstreamReason(reply.body) ?? `Cannon answered HTTP ${reply.status}`
  return text.length > 500 ? `${text.slice(0, 497)}…` : text
}
