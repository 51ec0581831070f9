import { Hono, type Context } from 'hono'
import { upstreamStatusSchema } from '@/catalog/api-contract'
import type { Catalog } from '@/catalog/catalog-schema'
import { buildCreateRequestSchema } from '@/catalog/request-schema'
import { accessGuard, registerSessionRoute, type AccessOptions } from './access'
import type { BffEnv } from './bff-env'
import { registerCreateRoute } from './create-route'
import { crossSiteGuard } from './cross-site'
import type { Database } from '@/ledger/database'
import { isLedgerUnreachable } from '@/ledger/ledger-errors'
import { fail } from './errors'
import { createFailureThrottle } from './failure-throttle'
import { createHostPolicy, hostGuard } from './host-policy'
import type { MediaHostCheck } from './media-policy'
import type { RateLimiter } from './rate-limit'
import type { MediaStore } from '@/media/media-store'
import { registerDownloadRoute } from './download-route'
import { MEDIA_UPLOAD_PATH, registerMediaUpload } from './media-routes'
import { registerPollRoute } from './poll-route'
import type { TakeKeeper } from './take-keeper'
import { relay } from './relay'
import { registerRendersRoutes } from './renders-routes'
import { createRenderSubmitter } from './render-submitter'
import { readLimit, requireJson } from './request-guards'
import type { Log } from './logger'
import { requestLog } from './request-log'
import { securityHeaders } from './security-headers'
import { createLedgerSessionStore, createMemorySessionStore, type SessionStore } from './sessions'
import { UpstreamUnavailable, type UpstreamClient } from './upstream'
import { registerWebhookRoute, WEBHOOK_PREFIX } from './webhook-route'

export interface BffOptions {
  mode: 'demo' | 'live'
  catalog: Catalog
  upstream: UpstreamClient
  /** STUDIO_ACCESS_TOKEN: when set, /api routes other than health need it. */
  accessToken?: string
  /** Where signed-in sessions live: the ledger when there is one, else one process's memory. */
  sessions?: SessionStore
  /** Host names this studio answers to (IP literals always pass); every other Host gets 421. No check when absent. */
  allowedHosts?: readonly string[]
  /** Limits creates per client (the Node entry configures it from STUDIO_CREATE_RATE_LIMIT); none when absent. */
  createLimiter?: RateLimiter
  /** Limits reads per client (STUDIO_POLL_RATE_LIMIT); none when absent. */
  readLimiter?: RateLimiter
  /** Who a request is counted against; the Node entry uses the socket address. Default: one shared bucket. */
  clientKey?: (c: Context<BffEnv>) => string
  /** Take the client's scheme and host from X-Forwarded-* (behind a reverse proxy). */
  trustProxy?: boolean
  /** Live mode: where media host names resolve; every address must be public. Names pass unchecked when absent. */
  mediaHostCheck?: MediaHostCheck
  /** The studio's log (a line per request, audits, errors); the Node entry sends it to stdout. No log when absent. */
  log?: Log
  /** The render ledger: every video render is recorded, polls are answered from it, the gallery pages it. */
  ledger?: Database
  /** STUDIO_PUBLIC_URL: creates carry a per-render webhook URL on it. */
  publicUrl?: string
  /** The media store: uploads (POST /api/media), downloads, and (with `keeper`) a kept copy of every take. */
  media?: {
    store: MediaStore
    /** Why uploads are off, when they are. */
    uploadsOff?: string
    uploadLimiter?: RateLimiter
    keeper?: TakeKeeper
    demoDir?: string
  }
  now?: () => number
}

const unlimited: RateLimiter = { take: async () => ({ allowed: true }) }

/**
 * The backend-for-frontend as a plain fetch handler: validates, guards, signs (through the upstream client)
 * and forwards. Its state (limiters, sessions, the failed sign-in throttle) can be swapped for shared stores.
 */
export function createBffApp(options: BffOptions) {
  const { mode, catalog, upstream, accessToken } = options
  const trustProxy = !!options.trustProxy
  const clientKey = options.clientKey ?? (() => 'all clients')
  const app = new Hono<BffEnv>()
  const logError = options.log ?? ((record) => console.error(JSON.stringify(record)))

  app.onError((error, c) => {
    if (error instanceof UpstreamUnavailable) {
      if (error.reason === 'timeout') return fail(c, 504, 'upstream_timeout', error.message)
      if (error.reason === 'too_large') return fail(c, 502, 'upstream_too_large', error.message)
      return fail(c, 502, 'upstream_unreachable', error.message)
    }
    if (isLedgerUnreachable(error)) {
      logError({ level: 'error', msg: 'ledger_unreachable', error: String(error.message) })
      c.header('Retry-After', '5')
      return fail(c, 503, 'ledger_unavailable', "The studio's record of renders cannot be reached; try again shortly")
    }
    logError({ level: 'error', msg: 'unhandled', error: String(error.message) })
    return fail(c, 500, 'internal', 'The studio server hit an unexpected error')
  })

  if (options.log) app.use('/api/*', requestLog(options.log))
  app.use('/api/*', securityHeaders({ trustProxy, extra: { 'Cache-Control': 'no-store' } }))
  if (options.allowedHosts) app.use('/api/*', hostGuard(createHostPolicy(options.allowedHosts), trustProxy))
  app.use(
    '/api/*',
    crossSiteGuard({ trustProxy }),
    requireJson((path) => path.startsWith(WEBHOOK_PREFIX) || path === MEDIA_UPLOAD_PATH),
  )
  const access: AccessOptions | undefined = accessToken
    ? {
        token: accessToken,
        sessions:
          options.sessions ?? (options.ledger ? createLedgerSessionStore(options.ledger) : createMemorySessionStore()),
        throttle: createFailureThrottle(),
        clientKey,
        trustProxy,
        audit: (event) => options.log?.(event),
      }
    : undefined
  if (access) app.use('/api/*', accessGuard(access))
  app.use('/api/*', readLimit(options.readLimiter ?? unlimited, clientKey))

  app.get('/api/health', (c) => c.json({ ok: true, mode, gated: !!accessToken }))
  registerSessionRoute(app, access)
  app.get('/api/catalog', (c) => c.json(catalog))
  app.get('/api/v1/status', async (c) => relay(c, await upstream.send('GET', '/api/v1/status'), upstreamStatusSchema))

  const { ledger: db, now = Date.now } = options
  registerCreateRoute(app, {
    schema: buildCreateRequestSchema(catalog, { allowDemoMedia: mode === 'demo' }),
    upstream,
    checkMediaHosts: mode === 'live',
    mediaHostCheck: options.mediaHostCheck,
    limiter: options.createLimiter ?? unlimited,
    clientKey,
    ledger: db
      ? { db, submit: createRenderSubmitter(db, upstream, now), publicUrl: options.publicUrl, now }
      : undefined,
  })
  const { media } = options
  registerPollRoute(app, { upstream, db, now, onFinished: media?.keeper?.keep })
  if (db) {
    if (media) {
      registerDownloadRoute(app, { db, store: media.store, demoDir: media.demoDir, hostCheck: options.mediaHostCheck })
    }
    registerRendersRoutes(app, db, now)
    registerWebhookRoute(app, db, now)
  }
  if (media) {
    registerMediaUpload(app, {
      store: media.store,
      uploadsOff: media.uploadsOff,
      limiter: media.uploadLimiter ?? unlimited,
      clientKey,
    })
  }

  app.all('/api/*', (c) => fail(c, 404, 'not_found', 'No such API route'))
  return app
}
