import type { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { acceptedSchema } from '@/catalog/api-contract'
import type { CreateRequestBody } from '@/catalog/request-schema'
import { firstIssue } from '@/catalog/request-schema'
import type { z } from 'zod/mini'
import type { BffEnv, ClientKey } from './bff-env'
import { fail } from './errors'
import { createOnRecord, type LedgerCreateOptions } from './ledger-create'
import { findMediaViolation, withCanonicalMediaUrls, type MediaHostCheck, type OwnMediaUrl } from './media-policy'
import type { RateLimiter } from './rate-limit'
import { relay } from './relay'
import { REQUEST_ID } from './request-id'
import type { UpstreamClient } from './upstream'

export const MAX_BODY_BYTES = 64 * 1024
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/

interface CreateRouteOptions {
  schema: z.ZodMiniType<CreateRequestBody>
  upstream: UpstreamClient
  /** Live mode: media URLs must point to public https hosts. */
  checkMediaHosts: boolean
  /** Live mode: where media host names resolve must be public too. */
  mediaHostCheck?: MediaHostCheck
  /** The studio's own uploads, which need no look-up of where their host resolves. */
  ownMedia?: OwnMediaUrl
  limiter: RateLimiter
  clientKey: ClientKey
  /** With a ledger, video renders are recorded before they are forwarded. */
  ledger?: LedgerCreateOptions
}

/** POST /api/v1/requests: size, JSON, schema, media hosts, rate limit, then signed and forwarded. */
export function registerCreateRoute(app: Hono<BffEnv>, options: CreateRouteOptions) {
  const { schema, upstream, checkMediaHosts, mediaHostCheck, ownMedia, limiter, clientKey, ledger } = options
  app.post(
    '/api/v1/requests',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => fail(c, 413, 'body_too_large', 'The request body is over 64 KB'),
    }),
    async (c) => {
      let raw: unknown
      try {
        raw = JSON.parse(await c.req.text())
      } catch {
        return fail(c, 400, 'invalid_json', 'The request body is not valid JSON')
      }
      const parsed = schema.safeParse(raw)
      if (!parsed.success) {
        const issue = firstIssue(parsed.error)
        return fail(c, 400, 'invalid_input', issue.message, issue.field)
      }
      const violation = checkMediaHosts ? await findMediaViolation(parsed.data, mediaHostCheck, ownMedia) : undefined
      if (violation) return fail(c, 400, 'invalid_media_url', violation.message, violation.field)
      const body = checkMediaHosts ? withCanonicalMediaUrls(parsed.data) : parsed.data

      const idempotencyKey = c.req.header('x-idempotency-key') ?? crypto.randomUUID()
      if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
        return fail(c, 400, 'invalid_idempotency_key', 'x-idempotency-key must be 1–255 visible ASCII characters')
      }
      // Counted only once a create would reach Cannon: a typo fixed and resent costs no quota.
      const decision = await limiter.take(clientKey(c.req.raw, c.env))
      if (!decision.allowed) {
        c.header('Retry-After', String(decision.retryAfterSeconds))
        return fail(c, 429, 'rate_limited', `Too many renders started; try again in ${decision.retryAfterSeconds} s`)
      }

      if (ledger && body.operation === 'video.generate') return createOnRecord(c, ledger, body, idempotencyKey)
      const reply = await upstream.send('POST', '/api/v1/requests', {
        body: JSON.stringify(body),
        idempotencyKey,
      })
      const accepted = acceptedSchema.safeParse(reply.body)
      if (reply.status === 202 && accepted.success) {
        if (!REQUEST_ID.test(accepted.data.id)) {
          c.set('upstreamStatus', reply.status)
          return fail(c, 502, 'upstream_malformed', 'Cannon answered with a request id the studio cannot use')
        }
        c.set('upstreamStatus', reply.status)
        // The browser follows the render through this BFF, never at Cannon's own URL.
        return c.json({ ...accepted.data, urls: { get: `/api/v1/requests/${accepted.data.id}` } }, 202)
      }
      return relay(c, reply, acceptedSchema)
    },
  )
}
