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
  const redact = (line: string) => hidden.reduce((text, secret) => text.split(secret).join('[redacted]'), line)
  const middleware: MiddlewareHandler<BffEnv> = async (c, next) => {
    const started = performance.now()
    const requestId = crypto.randomUUID()
    c.set('requestId', requestId)
    await next()
    c.header('X-Request-Id', requestId)
    const line = {
      time: new Date().toISOString(),
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
