import { describe, expect, it } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { createSimulator } from '@/simulator/simulator'
import { createBffApp, type BffOptions } from './app'
import { createLogger } from './logger'
import { createMemoryRateLimiter } from './rate-limit'
import { createUpstreamClient } from './upstream'

const KEY = 'cs_live_policy_key_93ad'
const TOKEN = 'studio-token-0123456789abcdef'

function bff(options: Partial<BffOptions> = {}) {
  const lines: string[] = []
  const simulator = createSimulator({ catalog: catalogV1 })
  const app = createBffApp({
    mode: 'live',
    catalog: catalogV1,
    upstream: createUpstreamClient({ baseUrl: 'https://www.cannonstudio.app', apiKey: KEY, fetch: simulator.fetch }),
    log: createLogger({ write: (line) => lines.push(line), secrets: [KEY, TOKEN], level: 'debug' }),
    ...options,
  })
  const call = (path: string, init?: RequestInit) => app.fetch(new Request(`http://studio.test${path}`, init))
  return { call, lines }
}

const video = { operation: 'video.generate', input: { model: 'grok', prompt: 'A fox', duration: 6 } }
const post = (payload: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof payload === 'string' ? payload : JSON.stringify(payload),
})

describe('validation of creates', () => {
  it('accepts only video.generate and prompt.enhance.video, with field-level 400s', async () => {
    const { call } = bff()
    const enhance = { operation: 'prompt.enhance.video', input: { prompt: 'A runner in a canyon' } }
    expect((await call('/api/v1/requests', post(enhance))).status).toBe(202)
    const upscale = await call('/api/v1/requests', post({ ...video, operation: 'video.upscale' }))
    expect(upscale.status).toBe(400)
    expect((await upscale.json()).error).toEqual({
      code: 'invalid_input',
      message: 'operation must be one of video.generate, prompt.enhance.video',
      field: 'operation',
    })
    const notJson = await call('/api/v1/requests', post('{not json'))
    expect(notJson.status).toBe(400)
    expect((await notJson.json()).error.code).toBe('invalid_json')
  })

  it('refuses a body over 64 KB with 413, with or without a Content-Length', async () => {
    const { call } = bff()
    const big = JSON.stringify({ ...video, input: { ...video.input, prompt: 'x'.repeat(65 * 1024) } })
    const declared = await call('/api/v1/requests', post(big))
    expect(declared.status).toBe(413)
    expect(await declared.json()).toEqual({
      error: { code: 'body_too_large', message: 'The request body is over 64 KB' },
    })
    const streamed = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big))
        controller.close()
      },
    })
    const chunked = await call('/api/v1/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: streamed,
      duplex: 'half',
    } as RequestInit)
    expect(chunked.status).toBe(413)
  })
})

describe('access token', () => {
  it('needs the token on every /api route but health, as Bearer or as the sign-in cookie', async () => {
    const { call } = bff({ accessToken: TOKEN })
    expect((await call('/api/health')).status).toBe(200)
    const missing = await call('/api/catalog')
    expect(missing.status).toBe(401)
    expect((await missing.json()).error.code).toBe('unauthorized')
    expect((await call('/api/catalog', { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(
      401,
    )
    expect((await call('/api/v1/requests', post(video))).status).toBe(401)
    expect((await call('/api/catalog', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200)

    expect((await call('/api/session', post({ token: 'not the token' }))).status).toBe(401)
    const signIn = await call('/api/session', post({ token: TOKEN }))
    expect(signIn.status).toBe(204)
    const cookie = signIn.headers.get('set-cookie')!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).not.toMatch(/Secure/)
    expect(cookie).not.toContain(TOKEN)
    const session = cookie.split(';')[0]!
    expect((await call('/api/catalog', { headers: { cookie: session } })).status).toBe(200)
    expect((await call('/api/catalog', { headers: { cookie: 'studio_session=forged' } })).status).toBe(401)
  })

  it('marks the cookie Secure and __Host- when reached over https, trusting X-Forwarded-Proto only behind a proxy', async () => {
    const behindProxy = bff({ accessToken: TOKEN, trustProxy: true })
    const signIn = await behindProxy.call('/api/session', post({ token: TOKEN }, { 'x-forwarded-proto': 'https' }))
    expect(signIn.headers.get('set-cookie')).toMatch(
      /^__Host-studio_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    )

    const direct = bff({ accessToken: TOKEN })
    const spoofed = await direct.call('/api/session', post({ token: TOKEN }, { 'x-forwarded-proto': 'https' }))
    expect(spoofed.headers.get('set-cookie')).toMatch(/^studio_session=/)
    expect(spoofed.headers.get('set-cookie')).not.toMatch(/Secure/)
  })
})

describe('cross-site protection', () => {
  it('refuses state-changing requests another site sends, and lets same-origin and non-browser ones through', async () => {
    const { call } = bff()
    const foreign = await call('/api/v1/requests', post(video, { origin: 'https://evil.example' }))
    expect(foreign.status).toBe(403)
    expect((await foreign.json()).error.code).toBe('cross_site')
    expect((await call('/api/v1/requests', post(video, { 'sec-fetch-site': 'cross-site' }))).status).toBe(403)
    expect((await call('/api/v1/requests', post(video, { 'sec-fetch-site': 'same-site' }))).status).toBe(403)
    expect((await call('/api/v1/requests', post(video, { origin: 'null' }))).status).toBe(403)
    expect((await call('/api/session', post({ token: 'x' }, { origin: 'https://evil.example' }))).status).toBe(403)

    const sameOrigin = { origin: 'http://studio.test', 'sec-fetch-site': 'same-origin' }
    expect((await call('/api/v1/requests', post(video, sameOrigin))).status).toBe(202)
    expect((await call('/api/v1/requests', post(video))).status).toBe(202)
    expect((await call('/api/catalog', { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(200)
  })
})

describe('create rate limit', () => {
  it('answers 429 with Retry-After per client once the window is used up, and does not count polls against creates', async () => {
    let now = 1_000_000
    const { call } = bff({
      createLimiter: createMemoryRateLimiter({ limit: 2, windowMs: 60_000, now: () => now }),
      clientKey: (request) => request.headers.get('x-test-client') ?? 'anonymous',
    })
    const asA = post(video, { 'x-test-client': 'a' })
    expect((await call('/api/v1/requests', asA)).status).toBe(202)
    const second = await call('/api/v1/requests', asA)
    expect(second.status).toBe(202)
    const { id } = await second.json()
    now += 15_000
    const limited = await call('/api/v1/requests', asA)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('45')
    expect((await limited.json()).error.code).toBe('rate_limited')
    expect((await call('/api/v1/requests', post(video, { 'x-test-client': 'b' }))).status).toBe(202)
    for (let i = 0; i < 50; i++) expect((await call(`/api/v1/requests/${id}`)).status).toBe(200)
    now += 45_000
    expect((await call('/api/v1/requests', asA)).status).toBe(202)
  })
})

describe('every response', () => {
  it('carries the security headers, and HSTS only over https', async () => {
    const { call } = bff()
    for (const response of [
      await call('/api/health'),
      await call('/api/nope'),
      await call('/api/v1/requests', post('{')),
    ]) {
      const csp = response.headers.get('content-security-policy')!
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("media-src 'self' blob: https:")
      expect(csp).not.toContain('unsafe-inline')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('same-origin')
      expect(response.headers.get('strict-transport-security')).toBeNull()
    }
    const overHttps = await bff({ trustProxy: true }).call('/api/health', { headers: { 'x-forwarded-proto': 'https' } })
    expect(overHttps.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
    const spoofed = await call('/api/health', { headers: { 'x-forwarded-proto': 'https' } })
    expect(spoofed.headers.get('strict-transport-security')).toBeNull()
  })

  it('is logged as one JSON line with the route pattern and upstream status, never the key or token', async () => {
    const { call, lines } = bff({ accessToken: TOKEN })
    const auth = { authorization: `Bearer ${TOKEN}` }
    const created = await call('/api/v1/requests', post(video, auth))
    const { id } = await created.json()
    await call(`/api/v1/requests/${id}?key=${KEY}`, { headers: auth })
    await call('/api/catalog', { headers: { authorization: `Bearer ${KEY}` } })
    expect(lines).toHaveLength(4)
    const [createLine, pollLine, auditLine, refusedLine] = lines.map((l) => JSON.parse(l))
    expect(auditLine).toMatchObject({ level: 'warn', msg: 'access_denied', via: 'bearer', client: 'all clients' })
    expect(createLine).toMatchObject({ method: 'POST', route: '/api/v1/requests', status: 202, upstreamStatus: 202 })
    expect(pollLine).toMatchObject({ method: 'GET', route: '/api/v1/requests/:id', status: 200, upstreamStatus: 200 })
    expect(refusedLine).toMatchObject({ route: '/api/*', status: 401, upstreamStatus: null })
    expect(createLine.requestId).toBe(created.headers.get('x-request-id'))
    expect(typeof createLine.durationMs).toBe('number')
    for (const line of lines) {
      expect(line).not.toContain(KEY)
      expect(line).not.toContain(TOKEN)
    }
  })
})
