import { Hono } from 'hono'
import { upstreamStatusSchema } from '@/catalog/api-contract'
import type { Catalog } from '@/catalog/catalog-schema'
import { buildCreateRequestSchema } from '@/catalog/request-schema'
import { accessGuard, createAdmission, registerSessionRoute, type AccessOptions, type AccessToken } from './access'
import type { BffEnv, ClientKey } from './bff-env'
import { registerCreateRoute } from './create-route'
import { registerContinueClipRoute } from './continue-clip-route'
import { crossSiteGuard } from './cross-site'
import type { Database } from '@/ledger/database'
import { isLedgerUnreachable } from '@/ledger/ledger-errors'
import { getRender } from '@/ledger/render-store'
import { fail } from './errors'
import type { NamedToken } from './config'
import { createFailureThrottle } from './failure-throttle'
import { createHostCheck, createHostPolicy, hostGuard } from './host-policy'
import { ownMediaUrls, type MediaHostCheck } from './media-policy'
import type { RateLimiter } from './rate-limit'
import type { MediaStore } from '@/media/media-store'
import { registerDownloadRoute } from './download-route'
import { MEDIA_UPLOAD_PATH, registerMediaUpload } from './media-routes'
import { pollFastPath } from './poll-fast-path'
import { registerPollRoute } from './poll-route'
import type { TakeKeeper } from './take-keeper'
import { relay } from './relay'
import { registerQualityRoutes } from './quality-routes'
import { registerReviewRoutes } from './review-routes'
import { registerSharesRoutes } from './shares-routes'
import { registerCommentsRoutes } from './comments-routes'
import { registerScorecardRoute } from './scorecard-route'
import { registerRendersRoutes } from './renders-routes'
import { registerSequencesRoutes } from './sequences-routes'
import { registerLineageRoute } from './lineage-route'
import { registerNewsRoute } from './news-route'
import { registerCreditsRoutes } from './credits-routes'
import { registerFidelityRoute } from './fidelity-route'
import { uncheckedFidelity, type UpstreamFidelity } from './upstream-fidelity'
import { createRenderSubmitter } from './render-submitter'
import type { Render } from '@/catalog/render-contract'
import { createEstimator, type CreditOptions } from './estimator'
import { DEMO_PRICES } from '@/simulator/pricing'
import { readLimit, requestLimit, requireJson } from './request-guards'
import type { Log } from './logger'
import { requestLog } from './request-log'
import { securityHeaders, securityHeadersFor } from './security-headers'
import { createLedgerSessionStore, createMemorySessionStore, type SessionStore } from './sessions'
import { UpstreamUnavailable, type UpstreamClient } from './upstream'
import { registerWebhookRoute, WEBHOOK_PREFIX } from './webhook-route'
import { registerSequenceExportRoutes, type SequenceExportRoutesOptions } from './sequence-export-routes'

export interface BffOptions {
  mode: 'demo' | 'live'
  catalog: Catalog
  upstream: UpstreamClient
  /** STUDIO_ACCESS_TOKEN: when set, /api routes other than health need it. */
  accessToken?: string
  /** STUDIO_ACCESS_TOKENS: each person's own token, which also names them on their renders. */
  namedTokens?: readonly NamedToken[]
  /** Credits: the daily cap (STUDIO_DAILY_CREDIT_CAP) and the price list estimates fall back on. */
  credits?: CreditOptions
  /** Where signed-in sessions live: the ledger when there is one, else one process's memory. */
  sessions?: SessionStore
  /** Host names this studio answers to (IP literals always pass); every other Host gets 421. No check when absent. */
  allowedHosts?: readonly string[]
  /** Limits creates per client (the Node entry configures it from STUDIO_CREATE_RATE_LIMIT); none when absent. */
  createLimiter?: RateLimiter
  /** Limits reads per client (STUDIO_POLL_RATE_LIMIT); none when absent. */
  readLimiter?: RateLimiter
  /** Limits comments written (and resolved) per client; none when absent. */
  commentLimiter?: RateLimiter
  /** Who a request is counted against; the Node entry uses the socket address. Default: one shared bucket. */
  clientKey?: ClientKey
  /** Take the client's scheme and host from X-Forwarded-* (behind a reverse proxy). */
  trustProxy?: boolean
  /** Live mode: where media host names resolve; every address must be public. Names pass unchecked when absent. */
  mediaHostCheck?: MediaHostCheck
  /** The studio's log (a line per request, audits, errors); the Node entry sends it to stdout. No log when absent. */
  log?: Log
  /** The render ledger: every video render is recorded, polls are answered from it, the gallery pages it. */
  ledger?: Database
  /** STUDIO_PUBLIC_URL: creates carry a per-render webhook URL on it; media URLs under its /media/ are the studio's own. */
  publicUrl?: string
  /** The media store: uploads (POST /api/media), downloads, and (with `keeper`) a kept copy of every take. */
  media?: {
    store: MediaStore
    /** Why uploads are off, when they are. */
    uploadsOff?: string
    uploadLimiter?: RateLimiter
    keeper?: TakeKeeper
    demoDir?: string
    /** Where Continue from frame cuts a take's clip (POST /api/renders/:id/continue-clip); no such route when absent. */
    clipsDir?: string
  }
  /** What the studio learned of Cannon at start (catalog check, key scopes); "nothing checked" when absent. */
  upstreamFidelity?: () => UpstreamFidelity
  /** A sequence's MP4 and editors' exports (the routes under /api/sequences/:id/export…); none when absent. */
  sequenceExports?: Omit<SequenceExportRoutesOptions, 'origin'>
  now?: () => number
}

const UNCHECKED = uncheckedFidelity('The catalog is not checked here.')

/** The price list estimates fall back on: the operator's, else in demo mode what the simulator charges, else the catalog's. */
function priceList({ credits, mode, catalog }: BffOptions): CreditOptions['prices'] {
  if (credits?.prices) return credits.prices
  if (mode === 'demo') return { table: DEMO_PRICES, source: 'demo' }
  return catalog.prices ? { table: catalog.prices, source: 'catalog' } : undefined
}

const unlimited: RateLimiter = { take: async () => ({ allowed: true }) }

/**
 * The backend-for-frontend as a plain fetch handler: validates, guards, signs (through the upstream client)
 * and forwards. Its state (limiters, sessions, the failed sign-in throttle) can be swapped for shared stores.
 * Its `fetch` answers polls it has an answer ready for ahead of the router (see pollFastPath).
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

  const log = options.log
  if (log) app.use('/api/*', requestLog(log))
  const securityOptions = { trustProxy, extra: { 'Cache-Control': 'no-store' } }
  app.use('/api/*', securityHeaders(securityOptions))
  const hostAllowed = options.allowedHosts && createHostCheck(createHostPolicy(options.allowedHosts), trustProxy)
  if (hostAllowed) app.use('/api/*', hostGuard(hostAllowed))
  app.use(
    '/api/*',
    crossSiteGuard({ trustProxy }),
    requireJson((path) => path.startsWith(WEBHOOK_PREFIX) || path === MEDIA_UPLOAD_PATH),
  )
  const tokens: AccessToken[] = [
    ...(accessToken ? [{ name: null, token: accessToken }] : []),
    ...(options.namedTokens ?? []),
  ]
  const access: AccessOptions | undefined = tokens.length
    ? {
        tokens,
        sessions:
          options.sessions ?? (options.ledger ? createLedgerSessionStore(options.ledger) : createMemorySessionStore()),
        throttle: createFailureThrottle(),
        clientKey,
        trustProxy,
        audit: (event) => options.log?.(event),
      }
    : undefined
  if (access) app.use('/api/*', accessGuard(access))
  const readLimiter = options.readLimiter ?? unlimited
  app.use('/api/*', readLimit(readLimiter, clientKey))
  // Writes with no limiter of their own (links, reviewers' ratings, exports) count against the same per-client one.
  const writeLimit = requestLimit(readLimiter, clientKey, (method) => method !== 'GET' && method !== 'HEAD')
  for (const path of [
    '/api/shares',
    '/api/shares/*',
    '/api/s/*',
    '/api/sequences/:id/exports',
    '/api/sequences/:id/exports/*',
    '/api/renders/:id/continue-clip',
  ])
    app.use(path, writeLimit)

  app.get('/api/health', (c) => c.json({ ok: true, mode, gated: !!access }))
  registerSessionRoute(app, access)
  app.get('/api/catalog', (c) => c.json(catalog))
  app.get('/api/v1/status', async (c) => relay(c, await upstream.send('GET', '/api/v1/status'), upstreamStatusSchema))

  const { ledger: db, now = Date.now } = options
  const estimate = db && createEstimator({ db, catalog, prices: priceList(options), now })
  registerCreateRoute(app, {
    schema: buildCreateRequestSchema(catalog, { allowDemoMedia: mode === 'demo' }),
    upstream,
    checkMediaHosts: mode === 'live',
    mediaHostCheck: options.mediaHostCheck,
    ownMedia: ownMediaUrls(options.publicUrl),
    limiter: options.createLimiter ?? unlimited,
    clientKey,
    ledger:
      db && estimate
        ? {
            db,
            submit: createRenderSubmitter(db, upstream, now),
            publicUrl: options.publicUrl,
            estimate,
            dailyCap: options.credits?.dailyCap,
            now,
          }
        : undefined,
  })
  const { media } = options
  const onFinished = (render: Render) => {
    estimate?.forget(render.input.model)
    media?.keeper?.keep(render)
  }
  const ready = registerPollRoute(app, { upstream, db, now, onFinished })
  registerFidelityRoute(app, options.upstreamFidelity ?? (() => UNCHECKED), db)
  if (db) {
    if (media) {
      registerDownloadRoute(app, { db, store: media.store, demoDir: media.demoDir, hostCheck: options.mediaHostCheck })
      if (media.clipsDir)
        registerContinueClipRoute(app, {
          catalog,
          getTake: (id) => getRender(db, id),
          store: media.store,
          tempDir: media.clipsDir,
        })
    }
    registerRendersRoutes(app, db, now, catalog)
    registerLineageRoute(app, db)
    registerNewsRoute(app, db, now)
    registerQualityRoutes(app, db, now)
    registerCommentsRoutes(app, { db, limiter: options.commentLimiter ?? unlimited, clientKey, now })
    registerScorecardRoute(app, db, catalog, now)
    registerSequencesRoutes(app, { db, catalog, limiter: readLimiter, clientKey, now })
    registerSharesRoutes(app, { db, publicUrl: options.publicUrl, trustProxy, now })
    registerReviewRoutes(app, {
      db,
      catalog,
      throttle: createFailureThrottle(),
      clientKey,
      audit: (event) => options.log?.(event),
      now,
    })
    registerCreditsRoutes(app, {
      db,
      catalog,
      estimate: estimate!,
      readLimiter: options.readLimiter ?? unlimited,
      clientKey,
      now,
    })
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

  if (options.sequenceExports)
    registerSequenceExportRoutes(app, {
      ...options.sequenceExports,
      origin: { publicUrl: options.publicUrl, trustProxy },
    })

  app.all('/api/*', (c) => fail(c, 404, 'not_found', 'No such API route'))

  const fastPoll = pollFastPath({
    ready,
    hostAllowed,
    admission: access && createAdmission(access),
    readLimiter,
    clientKey,
    headersFor: securityHeadersFor(securityOptions),
    log,
  })
  const chain = app.fetch
  app.fetch = (request, env, executionCtx) => fastPoll(request, env, () => chain(request, env, executionCtx))
  return app
}
