import type { MiddlewareHandler } from 'hono'
import type { BffEnv, ClientKey } from './bff-env'
import { fail } from './errors'
import type { RateLimiter } from './rate-limit'

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH'])

/**
 * Every state-changing API call carries JSON and says so. A form post or a "simple" cross-site fetch cannot
 * send `Content-Type: application/json` without a CORS preflight, which this studio never grants, so this
 * closes the door the Origin check leaves open to clients that send neither Origin nor Sec-Fetch-Site.
 * Routes `exempt` answers true for never read their body as JSON (a webhook) or take a file and demand a custom
 * header instead (which forces the same preflight).
 */
export function requireJson(exempt: (path: string) => boolean = () => false): MiddlewareHandler {
  return async (c, next) => {
    if (BODY_METHODS.has(c.req.method) && !exempt(c.req.path)) {
      const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase()
      if (type !== 'application/json') {
        return fail(c, 415, 'unsupported_media_type', 'Send the request body as JSON (Content-Type: application/json)')
      }
    }
    await next()
  }
}

/** Counts the requests `applies` picks against the client's limit, and answers 429 once it is spent. */
export function requestLimit(
  limiter: RateLimiter,
  clientKey: ClientKey,
  applies: (method: string, path: string) => boolean = () => true,
): MiddlewareHandler<BffEnv> {
  return async (c, next) => {
    if (applies(c.req.method, c.req.path)) {
      const decision = await limiter.take(clientKey(c.req.raw, c.env))
      if (!decision.allowed) {
        c.header('Retry-After', String(decision.retryAfterSeconds))
        return fail(c, 429, 'rate_limited', `Too many requests; try again in ${decision.retryAfterSeconds} s`)
      }
    }
    await next()
  }
}

/** A generous per-client limit on reads, so one tab cannot fan out hundreds of upstream calls with the team's key. */
export const readLimit = (limiter: RateLimiter, clientKey: ClientKey) =>
  requestLimit(limiter, clientKey, (method, path) => (method === 'GET' || method === 'HEAD') && path !== '/api/health')
