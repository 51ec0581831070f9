import { serveStatic } from '@hono/node-server/serve-static'
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { REVIEW_PAGE_PREFIX } from '@/catalog/share-contract'
import { getPath } from 'hono/utils/url'
import type { BffEnv } from './bff-env'
import type { MediaStore } from '@/media/media-store'
import { createHostCheck, createHostPolicy, hostGuard } from './host-policy'
import { serveMedia } from './media-routes'
import { securityHeaders } from './security-headers'

interface SiteOptions {
  /** The BFF's fetch handler, mounted at /api. */
  bff: Hono<BffEnv>
  /** The built client (index.html, assets/, demo/), with a trailing slash. */
  clientDir: string
  indexHtml: string
  /** The page behind a share link (/s/<token>): no composer, no gallery, only what the link shares. */
  reviewHtml?: string
  allowedHosts: readonly string[]
  trustProxy: boolean
  /** Serves uploads and kept takes at /media/<sha256>.<ext>. */
  media?: MediaStore
}

/**
 * Hashed assets are cached for good and HTML is revalidated. Set after the response exists, because
 * serveStatic's onFound runs too late for its headers to reach the response.
 */
function cacheControl(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    if (c.res.status !== 200 && c.res.status !== 206) return
    const html = c.res.headers.get('content-type')?.startsWith('text/html')
    c.header(
      'Cache-Control',
      html
        ? 'no-cache'
        : c.req.path.startsWith('/assets/')
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=3600',
    )
  }
}

/**
 * The studio on one origin: the BFF, the built client's files (hashed assets cached for good, index.html
 * revalidated) and the single-page app's fallback. Static files need no access token, so the sign-in screen
 * can load; every response gets the security headers.
 */
export function createSite({ bff, clientDir, indexHtml, reviewHtml, allowedHosts, trustProxy, media }: SiteOptions) {
  const root = new Hono()
  root.use('*', securityHeaders({ trustProxy }), hostGuard(createHostCheck(createHostPolicy(allowedHosts), trustProxy)))
  // Media carry their own headers (immutable, sandboxed) and need no token: Cannon fetches them by name.
  if (media) root.on(['GET', 'HEAD'], '/media/:name', serveMedia(media))
  root.use('*', cacheControl())
  // The shell is served from memory (it may carry boot data); assets as built, precompressed when possible.
  root.get('/', (c) => c.html(indexHtml))
  if (reviewHtml) {
    const review = (c: Context) => {
      c.header('X-Robots-Tag', 'noindex, nofollow')
      return c.html(reviewHtml)
    }
    root.get(`${REVIEW_PAGE_PREFIX}:token`, review)
    // Built as review.html beside index.html: reached only through a link.
    root.get('/review.html', (c) => c.text('Not found', 404))
  }
  root.use('*', serveStatic({ root: clientDir, precompressed: true }))
  // A missing hashed asset is a 404, not the app shell cached for a year.
  root.get('/assets/*', (c) => c.text('Not found', 404))
  root.get('*', (c) => c.html(indexHtml))
  // The API answers with its own guards and headers (the BFF has them, wherever it is mounted): handed over
  // before the site's router, a poll passes through one router and one middleware chain, not two.
  return {
    fetch: (request: Request, env?: unknown) => {
      const path = getPath(request)
      return path === '/api' || path.startsWith('/api/') ? bff.fetch(request, env) : root.fetch(request, env)
    },
  }
}
