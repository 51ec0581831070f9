import { getPath } from 'hono/utils/url'
import type { Admission } from './access'
import type { ClientKey } from './bff-env'
import { POLL_ROUTE } from './poll-route'
import type { RateLimiter } from './rate-limit'
import { REQUEST_ID } from './request-id'
import type { Log } from './logger'

export interface PollFastPathOptions {
  /** The poll route's answer kept in memory for a request id (a finished render's is kept for good). */
  ready: (id: string) => string | undefined
  hostAllowed?: (request: Request) => boolean
  admission?: (request: Request, env: unknown) => Admission | Promise<Admission>
  readLimiter: RateLimiter
  clientKey: ClientKey
  headersFor: (request: Request) => Readonly<Record<string, string>>
  log?: Log
}

type Answer = Response | Promise<Response>

const POLL_PREFIX = POLL_ROUTE.slice(0, POLL_ROUTE.indexOf(':'))

/** Goes on once `value` is there, without a turn of the microtask queue when it already is. */
function then<T>(value: T | Promise<T>, next: (value: T) => Answer): Answer {
  return value instanceof Promise ? value.then(next) : next(value)
}

/**
 * A poll the poll route has an answer ready for, answered ahead of Hono's router and middleware chain: the same
 * host check, admission, read limit, security headers and log line, without a Context, header objects and an
 * await per middleware (which cost a finished render's poll more than half its time). A request that any check
 * does not pass goes to `chain`, which refuses it as ever: judging it again there changes nothing (a refused
 * attempt is not counted; a wrong token is throttled and audited there, once). The cross-site and JSON-only
 * checks concern no GET.
 */
export function pollFastPath({
  ready,
  hostAllowed,
  admission,
  readLimiter,
  clientKey,
  headersFor,
  log,
}: PollFastPathOptions) {
  const answer = (request: Request, text: string, startedMs: number) => {
    const headers: Record<string, string> = { ...headersFor(request), 'Content-Type': 'application/json' }
    if (log) {
      const requestId = crypto.randomUUID()
      headers['X-Request-Id'] = requestId
      const durationMs = Math.round((performance.now() - startedMs) * 10) / 10
      // An answered poll, as requestLog writes one (at debug level: left out unless asked for).
      log({
        level: 'debug',
        method: 'GET',
        route: POLL_ROUTE,
        status: 200,
        upstreamStatus: null,
        durationMs,
        requestId,
      })
    }
    return new Response(text, { status: 200, headers })
  }
  return (request: Request, env: unknown, chain: () => Answer): Answer => {
    if (request.method !== 'GET') return chain()
    const path = getPath(request)
    const id = path.startsWith(POLL_PREFIX) ? path.slice(POLL_PREFIX.length) : ''
    const text = REQUEST_ID.test(id) ? ready(id) : undefined
    if (text === undefined || (hostAllowed && !hostAllowed(request))) return chain()
    const startedMs = performance.now()
    return then(admission ? admission(request, env) : { holder: null }, (verdict) =>
      typeof verdict !== 'object' || !('holder' in verdict)
        ? chain()
        : then(readLimiter.take(clientKey(request, env)), (decision) =>
            decision.allowed ? answer(request, text, startedMs) : chain(),
          ),
    )
  }
}
