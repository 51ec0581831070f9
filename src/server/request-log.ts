import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { BffEnv } from './bff-env'
import type { Log, LogLevel } from './logger'

const POLL_ROUTE = '/api/v1/requests/:id'

/** A browser polls every render every second or so: an answered poll is detail, not news. */
function levelOf(method: string, route: string, status: number): LogLevel {
  if (status >= 500) return 'error'
  const answeredPoll = method === 'GET' && route === POLL_ROUTE && ((status >= 200 && status < 300) || status === 304)
  return answeredPoll ? 'debug' : 'info'
}

/** One record per request: method, route pattern (never the raw URL), status, upstream status, duration, id. */
export function requestLog(log: Log) {
  const middleware: MiddlewareHandler<BffEnv> = async (c, next) => {
    const started = performance.now()
    const requestId = crypto.randomUUID()
    c.set('requestId', requestId)
    c.header('X-Request-Id', requestId)
    await next()
    const route = routePath(c)
    log({
      level: levelOf(c.req.method, route, c.res.status),
      method: c.req.method,
      route,
      status: c.res.status,
      upstreamStatus: c.get('upstreamStatus') ?? null,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      requestId,
    })
  }
  return middleware
}
