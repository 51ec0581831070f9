import type { MiddlewareHandler } from 'hono'
import { fail } from './errors'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

function isCrossSite(request: Request, trustProxy: boolean): boolean {
  const fetchSite = request.headers.get('sec-fetch-site')
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return true
  const origin = request.headers.get('origin')
  if (origin === null) return false // not a browser, or a browser old enough to send neither header
  if (!URL.canParse(origin)) return true // "null" from sandboxed frames and file:// pages
  // The host is compared, not the scheme: behind a TLS proxy the studio sees http while the browser says https.
  const forwardedHost = trustProxy ? request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined
  return new URL(origin).host !== (forwardedHost || request.headers.get('host') || new URL(request.url).host)
}

/**
 * Refuses state-changing requests that a browser says come from another site. Requests without Origin and
 * Sec-Fetch-Site (curl, scripts, tests) pass: they carry no ambient cookie a forged page could ride on.
 */
export function crossSiteGuard({ trustProxy }: { trustProxy: boolean }): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method) && isCrossSite(c.req.raw, trustProxy)) {
      return fail(c, 403, 'cross_site', 'The studio does not accept this request from another site')
    }
    await next()
  }
}
