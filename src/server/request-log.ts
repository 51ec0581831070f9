import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { BffEnv } from './bff-env'

export interface RequestLogOptions {
  write: (line: string) => void
  /** Text that must never reach a log line (the API key, the access token). */
  secrets?: readonly (string | undefined)[]
}

/** One JSON line per request: method, route pattern (never the raw URL), status, upstream status, duration, id. */
export function requestLog({ write, secrets = [] }: RequestLogOptions) {
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
  const middleware: MiddlewareHandler<BffEnv> = async (c, next) => {
    const started = performance.now()
    const requestId = crypto.randomUUID()
    c.set('requestId', requestId)
    c.header('X-Request-Id', requestId)
    await next()
    const line = {
      time: timestamp(),
      method: c.req.method,
      route: routePath(c),
      status: c.res.status,
      upstreamStatus: c.get('upstreamStatus') ?? null,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      requestId,
    }
    write(redact(JSON.stringify(line)))
  }
  return middleware
}
