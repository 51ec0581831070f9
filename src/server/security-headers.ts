import type { MiddlewareHandler } from 'hono'

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https:",
  "media-src 'self' blob: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ')

const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'same-origin'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
]

/** Whether the browser reached us over https: directly, or through a TLS-terminating proxy that we trust. */
export function servedOverHttps(request: Request, trustProxy: boolean): boolean {
  const forwarded = trustProxy
    ? request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
    : undefined
  return forwarded ? forwarded === 'https' : request.url.startsWith('https:')
}

interface SecurityHeaderOptions {
  trustProxy: boolean
  extra?: Readonly<Record<string, string>>
}

/**
 * Headers for every response, API and static alike, plus `extra` ones (the API's Cache-Control). HSTS only
 * means something (and is only sent) over https.
 */
export function securityHeadersFor({ trustProxy, extra = {} }: SecurityHeaderOptions) {
  const plain: Readonly<Record<string, string>> = Object.fromEntries([...SECURITY_HEADERS, ...Object.entries(extra)])
  const secure = { ...plain, 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' }
  return (request: Request) => (servedOverHttps(request, trustProxy) ? secure : plain)
}

/**
 * Sets `securityHeadersFor`'s headers before the handler runs: Hono then builds the response with them, whereas
 * a header set after it forces the response to be copied into a full web Response.
 */
export function securityHeaders(options: SecurityHeaderOptions = { trustProxy: false }): MiddlewareHandler {
  const headersFor = securityHeadersFor(options)
  return (c, next) => {
    for (const [name, value] of Object.entries(headersFor(c.req.raw))) c.header(name, value)
    return next()
  }
}
