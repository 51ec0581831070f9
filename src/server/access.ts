import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { Hono, MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { z } from 'zod'
import type { BffEnv } from './bff-env'
import { fail } from './errors'
import { servedOverHttps } from './security-headers'

export const SESSION_COOKIE = 'studio_session'
const SESSION_DAYS = 7

/** Equal-length digests, so neither the content nor the length of the secret leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

/** The cookie holds a value derived from the token, not the token itself; changing the token ends sessions. */
function sessionValue(token: string): string {
  return createHmac('sha256', token).update('cannon-studio session v1').digest('base64url')
}

function bearer(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i)
  return match?.[1]
}

/**
 * When STUDIO_ACCESS_TOKEN is set, /api routes other than health and sign-in need it, as a Bearer header or
 * as the session cookie that POST /api/session sets.
 */
export function accessGuard(token: string): MiddlewareHandler {
  const session = sessionValue(token)
  return async (c, next) => {
    if (c.req.path === '/api/health' || c.req.path === '/api/session') return next()
    const header = bearer(c.req.header('authorization'))
    const cookie = getCookie(c, SESSION_COOKIE)
    const allowed =
      header !== undefined ? sameSecret(header, token) : cookie !== undefined && sameSecret(cookie, session)
    if (!allowed) return fail(c, 401, 'unauthorized', 'Sign in with the studio access token')
    await next()
  }
}

const signInSchema = z.object({ token: z.string().min(1).max(1024) })

/** POST /api/session { token } → the HttpOnly, SameSite=Strict session cookie. */
export function registerSessionRoute(app: Hono<BffEnv>, token: string | undefined) {
  app.post('/api/session', async (c) => {
    if (token === undefined) return c.body(null, 204)
    const parsed = signInSchema.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success) return fail(c, 400, 'invalid_input', 'Enter the access token', 'token')
    if (!sameSecret(parsed.data.token, token))
      return fail(c, 401, 'unauthorized', 'That access token is not right', 'token')
    setCookie(c, SESSION_COOKIE, sessionValue(token), {
      httpOnly: true,
      sameSite: 'Strict',
      secure: servedOverHttps(c.req.raw),
      path: '/',
      maxAge: SESSION_DAYS * 24 * 60 * 60,
    })
    return c.body(null, 204)
  })
}
