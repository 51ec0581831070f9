import { createHash, timingSafeEqual } from 'node:crypto'
import type { Context, Hono, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { parse as parseCookies } from 'hono/utils/cookie'
import { z } from 'zod'
import type { BffEnv, ClientKey } from './bff-env'
import { fail } from './errors'
import type { FailureThrottle } from './failure-throttle'
import { servedOverHttps } from './security-headers'
import { SESSION_LIMITS, type SessionStore } from './sessions'
import { WEBHOOK_PREFIX } from './webhook-route'
import { REVIEW_API_PREFIX } from '@/catalog/share-contract'

/** A token that opens the studio: a person's own (named, STUDIO_ACCESS_TOKENS) or the shared one (name null). */
export interface AccessToken {
  name: string | null
  token: string
}

export interface AccessOptions {
  /** STUDIO_ACCESS_TOKEN and STUDIO_ACCESS_TOKENS; at least one. */
  tokens: readonly AccessToken[]
  sessions: SessionStore
  /** Failed sign-ins and Bearer attempts per client; the limit after which they get 429. */
  throttle: FailureThrottle
  clientKey: ClientKey
  trustProxy: boolean
  /** Where each refused attempt is logged, with its source address. */
  audit: (event: Record<string, unknown>) => void
  now?: () => number
}

/** `__Host-` over https: the browser then refuses it unless Secure, host-only and for the whole path. */
export const sessionCookieName = (https: boolean) => (https ? '__Host-studio_session' : 'studio_session')

/** Equal-length digests, so neither the content nor the length of the secret leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

/** The token `given` is, compared with every one (no early exit, so timing tells not which came close). */
function matchToken(given: string, tokens: readonly AccessToken[]): AccessToken | undefined {
  let match: AccessToken | undefined
  for (const candidate of tokens) if (sameSecret(given, candidate.token) && !match) match = candidate
  return match
}

/** Marks the request as made by the token's holder: named people sign their renders. */
function signIn(c: Context<BffEnv>, name: string | null) {
  c.set('signIn', name === null ? 'shared' : 'named')
  if (name !== null) c.set('signedInAs', name)
}

function bearer(header: string | undefined): string | undefined {
  return header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1]
}

function lockedOut(c: Context, seconds: number) {
  c.header('Retry-After', String(seconds))
  return fail(c, 429, 'too_many_attempts', `Too many wrong access tokens; try again in ${seconds} s`)
}

function refusals(options: AccessOptions) {
  const now = options.now ?? Date.now
  return (c: Context<BffEnv>, via: 'bearer' | 'sign-in') => {
    const client = options.clientKey(c.req.raw, c.env)
    const lockedForS = options.throttle.fail(client, now())
    options.audit({ level: 'warn', msg: 'access_denied', via, client, ...(lockedForS ? { lockedForS } : {}) })
  }
}

/** What the access check makes of a request. */
export type Admission =
  { holder: string | null } | 'wrong_token' | 'no_session' | 'session_ended' | { lockedForS: number }

/**
 * Who a request comes from: the holder of the token it carries as a Bearer header (scripts), or of the session
 * cookie that signing in sets (browsers); a named token's holder by name, the shared token's as null. Judging has
 * no side effect but a live session's activity: the guard acts on refusals.
 */
export function createAdmission(options: AccessOptions) {
  const now = options.now ?? Date.now
  return (request: Request, env: unknown): Admission | Promise<Admission> => {
    const header = bearer(request.headers.get('authorization') ?? undefined)
    if (header !== undefined) {
      const lockedForS = options.throttle.lockedFor(options.clientKey(request, env), now())
      if (lockedForS) return { lockedForS }
      const token = matchToken(header, options.tokens)
      return token ? { holder: token.name } : 'wrong_token'
    }
    const name = sessionCookieName(servedOverHttps(request, options.trustProxy))
    const session = parseCookies(request.headers.get('cookie') ?? '', name)[name]
    if (session === undefined) return 'no_session'
    return options.sessions.check(session, now()).then((live) => (live ? { holder: live.name } : 'session_ended'))
  }
}

/**
 * When STUDIO_ACCESS_TOKEN (or STUDIO_ACCESS_TOKENS) is set, /api routes other than health, the session route,
 * Cannon's webhooks and share links' review routes need it. A named token's holder is known by name (`signedInAs`) for as long as the session
 * lasts. Wrong tokens are throttled per client; a browser with a valid session is never locked out by someone else
 * guessing from its address.
 */
export function accessGuard(options: AccessOptions): MiddlewareHandler<BffEnv> {
  const admission = createAdmission(options)
  const refused = refusals(options)
  return async (c, next) => {
    const { path } = c.req
    // A share link's own routes check the link instead (review-routes.ts).
    if (
      path === '/api/health' ||
      path === '/api/session' ||
      path.startsWith(WEBHOOK_PREFIX) ||
      path.startsWith(REVIEW_API_PREFIX)
    ) {
      return next()
    }
    const verdict = await admission(c.req.raw, c.env)
    if (typeof verdict === 'object' && 'holder' in verdict) {
      signIn(c, verdict.holder)
      return next()
    }
    if (typeof verdict === 'object') return lockedOut(c, verdict.lockedForS)
    if (verdict === 'wrong_token') refused(c, 'bearer')
    const message =
      verdict === 'session_ended' ? 'Your session has ended; sign in again' : 'Sign in with the studio access token'
    return fail(c, 401, 'unauthorized', message)
  }
}

const signInSchema = z.object({ token: z.string().min(1).max(1024) })

/**
 * POST /api/session { token } → a new random session in an HttpOnly, SameSite=Strict cookie;
 * DELETE /api/session ends it (Sign out).
 */
export function registerSessionRoute(app: Hono<BffEnv>, options: AccessOptions | undefined) {
  app.post('/api/session', async (c) => {
    if (options === undefined) return c.body(null, 204)
    const now = options.now ?? Date.now
    const locked = options.throttle.lockedFor(options.clientKey(c.req.raw, c.env), now())
    if (locked) return lockedOut(c, locked)
    const parsed = signInSchema.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success) return fail(c, 400, 'invalid_input', 'Enter the access token', 'token')
    const token = matchToken(parsed.data.token, options.tokens)
    if (!token) {
      refusals(options)(c, 'sign-in')
      return fail(c, 401, 'unauthorized', 'That access token is not right', 'token')
    }
    const https = servedOverHttps(c.req.raw, options.trustProxy)
    const previous = getCookie(c, sessionCookieName(https))
    if (previous) await options.sessions.end(previous)
    setCookie(c, sessionCookieName(https), await options.sessions.create(now(), token.name), {
      httpOnly: true,
      sameSite: 'Strict',
      secure: https,
      path: '/',
      maxAge: SESSION_LIMITS.absoluteMs / 1000,
    })
    return c.body(null, 204)
  })

  app.delete('/api/session', async (c) => {
    if (options === undefined) return c.body(null, 204)
    const https = servedOverHttps(c.req.raw, options.trustProxy)
    const session = getCookie(c, sessionCookieName(https))
    if (session) await options.sessions.end(session)
    deleteCookie(c, sessionCookieName(https), { path: '/', secure: https })
    return c.body(null, 204)
  })
}
