import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod/mini'
import type { BffEnv } from './bff-env'
import { refusedField } from './cannon-refusal'
import { creditsRefused, isCreditsRefusal } from './credit-refusal'
import { fail } from './errors'
import type { UpstreamReply } from './upstream'

const JSON_CONTENT = { 'Content-Type': 'application/json' }

/** Cannon's reason, from whichever of the shapes cannon-api.md §3 lists it came in. */
export function upstreamReason(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined
  const b = body as Record<string, unknown>
  const error = b.error
  if (typeof error === 'string') return error
  if (error && typeof error === 'object' && typeof (error as Record<string, unknown>).message === 'string') {
    return (error as Record<string, string>).message
  }
  if (typeof b.message === 'string') return b.message
  if (typeof b.errorMessage === 'string') return b.errorMessage
  return undefined
}

/** Relays an upstream reply if it is a success of the expected shape; maps every other case to a clear error. */
export function relay(c: Context<BffEnv>, reply: UpstreamReply, shape: z.ZodMiniType) {
  c.set('upstreamStatus', reply.status)
  if (reply.status >= 200 && reply.status < 300) {
    if (!shape.safeParse(reply.body).success) {
      return fail(c, 502, 'upstream_malformed', 'Cannon sent a reply the studio could not read')
    }
    return c.body(reply.text, reply.status as ContentfulStatusCode, JSON_CONTENT)
  }
  const reason = upstreamReason(reply.body)
  if (reply.status === 429) {
    c.header('Retry-After', reply.retryAfter ?? '5')
    return fail(c, 429, 'rate_limited', reason ?? 'Cannon is rate limiting requests; try again shortly')
  }
  if (reply.status >= 500 || reply.status < 400) {
    return fail(c, 502, 'upstream_error', `Cannon failed (HTTP ${reply.status})${reason ? `: ${reason}` : ''}`)
  }
  if (isCreditsRefusal(reply, reason)) return creditsRefused(c, reply, reason)
  return fail(
    c,
    reply.status as ContentfulStatusCode,
    'upstream_rejected',
    reason ?? `Cannon refused the request (HTTP ${reply.status})`,
    refusedField(reply.body),
  )
}
