import { Hono, type Context } from 'hono'
import { requestObjectSchema, upstreamStatusSchema } from '@/catalog/api-contract'
import type { Catalog } from '@/catalog/catalog-schema'
import { buildCreateRequestSchema } from '@/catalog/request-schema'
import { accessGuard, registerSessionRoute } from './access'
import type { BffEnv } from './bff-env'
import { registerCreateRoute } from './create-route'
import { crossSiteGuard } from './cross-site'
import { fail } from './errors'
import type { RateLimiter } from './rate-limit'
import { relay } from './relay'
import { requestLog, type RequestLogOptions } from './request-log'
import { securityHeaders } from './security-headers'
import { UpstreamUnavailable, type UpstreamClient } from './upstream'

export interface BffOptions {
  mode: 'demo' | 'live'
  catalog: Catalog
  upstream: UpstreamClient
  /** STUDIO_ACCESS_TOKEN: when set, /api routes other than health need it. */
  accessToken?: string
  /** Limits creates per client (the Node entry configures it from STUDIO_CREATE_RATE_LIMIT); none when absent. */
  createLimiter?: RateLimiter
  /** Who a create is counted against; the Node entry uses the socket address. Default: one shared bucket. */
  clientKey?: (c: Context<BffEnv>) => string
  /** Take the public host from X-Forwarded-Host (behind a reverse proxy). */
  trustProxy?: boolean
  /** Where the one-line-per-request log goes; the Node entry sends it to stdout. No log when absent. */
  log?: RequestLogOptions
}

const unlimited: RateLimiter = { take: async () => ({ allowed: true }) }
const REQUEST_ID = /^[A-Za-z0-9_-]{1,128}$/

/**
 * The backend-for-frontend as a plain fetch handler: validates, guards, signs (through the upstream client)
 * and forwards. Its only state is the create limiter, which can be swapped for a shared one.
 */
export function createBffApp(options: BffOptions) {
  const { mode, catalog, upstream, accessToken } = options
  const app = new Hono<BffEnv>()

  app.onError((error, c) => {
    if (error instanceof UpstreamUnavailable) {
      return error.reason === 'timeout'
        ? fail(c, 504, 'upstream_timeout', error.message)
        : fail(c, 502, 'upstream_unreachable', error.message)
    }
    console.error(JSON.stringify({ level: 'error', msg: 'unhandled', error: String(error.message) }))
    return fail(c, 500, 'internal', 'The studio server hit an unexpected error')
  })

  if (options.log) app.use('/api/*', requestLog(options.log))
  app.use(
    '/api/*',
    securityHeaders({ 'Cache-Control': 'no-store' }),
    crossSiteGuard({ trustProxy: !!options.trustProxy }),
  )
  if (accessToken) app.use('/api/*', accessGuard(accessToken))

  app.get('/api/health', (c) => c.json({ ok: true, mode }))
  registerSessionRoute(app, accessToken)
  app.get('/api/catalog', (c) => c.json(catalog))
  app.get('/api/v1/status', async (c) => relay(c, await upstream.send('GET', '/api/v1/status'), upstreamStatusSchema))

  registerCreateRoute(app, {
    schema: buildCreateRequestSchema(catalog, { allowDemoMedia: mode === 'demo' }),
    upstream,
    checkMediaHosts: mode === 'live',
    limiter: options.createLimiter ?? unlimited,
    clientKey: options.clientKey ?? (() => 'all clients'),
  })

  app.get('/api/v1/requests/:id', async (c) => {
    const id = c.req.param('id')
    if (!REQUEST_ID.test(id)) return fail(c, 400, 'invalid_request_id', 'That is not a request id')
    return relay(c, await upstream.send('GET', `/api/v1/requests/${id}`), requestObjectSchema)
  })

  app.all('/api/*', (c) => fail(c, 404, 'not_found', 'No such API route'))
  return app
}
