import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { BffEnv } from './bff-env'

export interface RequestLogOptions {
  write: (line: string) => void
  /** Text that must never reach a log line (the API key, the access token). */
  secrets?: readonly (string | undefined)[]
}

/** One request as logged: its route pattern (never the raw URL), and when it started (`performance.now()`). */
export interface LoggedRequest {
  method: string
  route: string
  status: number
  upstreamStatus: number | null
  startedMs: number
  requestId: string
}

/** Writes one JSON line per request: method, route, status, upstream status, duration, id. */
export function createRequestLogger({ write, secrets = [] }: RequestLogOptions) {
  const hidden = secrets.filter((s): s is string => !!s)
  const redact = (line: string) =>
    hidden.reduce((text, secret) => (text.includes(secret) ? text.split(secret).join('[redacted]') : text), line)
  // Formatting a date per line shows in a poll's profile; many lines share a millisecond.
  let lastMs = 0
  let lastTime = ''
  const timestamp = () => {
    const now = Date.now()
    if (now !== lastMs) {
      lastMs = now
      lastTime = new Date(now).toISOString()
    }
    return lastTime
  }
  return (request: LoggedRequest) => {
    const line = {
      time: timestamp(),
      method: request.method,
      route: request.route,
      status: request.status,
      upstreamStatus: request.upstreamStatus,
      durationMs: Math.round((performance.now() - request.startedMs) * 10) / 10,
      requestId: request.requestId,
    }
    write(redact(JSON.stringify(line)))
  }
}

export type RequestLogger = ReturnType<typeof createRequestLogger>

/** Gives every request an id (X-Request-Id) and logs it once answered. */
export function requestLog(log: RequestLogger) {
  const middleware: MiddlewareHandler<BffEnv> = async (c, next) => {
    const startedMs = performance.now()
    const requestId = crypto.randomUUID()
    c.set('requestId', requestId)
    c.header('X-Request-Id', requestId)
    await next()
    const { method } = c.req
    log({
      method,
      route: routePath(c),
      status: c.res.status,
      upstreamStatus: c.get('upstreamStatus') ?? null,
      startedMs,
      requestId,
    })
  }
  return middleware
}
