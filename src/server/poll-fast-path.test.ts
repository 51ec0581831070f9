import { describe, expect, it, vi } from 'vitest'
import type { Admission } from './access'
import { pollFastPath, type PollFastPathOptions } from './poll-fast-path'
import { createMemoryRateLimiter } from './rate-limit'
import { securityHeadersFor } from './security-headers'

const ANSWER = '{"id":"req_done","status":"succeeded"}'
const CHAIN = new Response('from the chain', { status: 418 })

function fastPath(options: Partial<PollFastPathOptions> = {}) {
  const lines: string[] = []
  const chain = vi.fn(() => CHAIN)
  const handle = pollFastPath({
    ready: (id) => (id === 'req_done' ? ANSWER : undefined),
    readLimiter: createMemoryRateLimiter({ limit: 1_000, windowMs: 1_000 }),
    clientKey: (request) => request.headers.get('x-test-client') ?? 'anonymous',
    headersFor: securityHeadersFor({ trustProxy: true, extra: { 'Cache-Control': 'no-store' } }),
    log: (request) => lines.push(JSON.stringify(request)),
    ...options,
  })
  const call = (path: string, init?: RequestInit) =>
    handle(new Request(`http://studio.test${path}`, init), undefined, chain)
  return { call, chain, lines }
}

describe('the poll fast path', () => {
  it('answers a ready poll at once, with the security headers and a logged request id', async () => {
    const { call, chain, lines } = fastPath()
    const response = call('/api/v1/requests/req_done?t=1')
    expect(response).toBeInstanceOf(Response)
    const answered = response as Response
    expect(answered.status).toBe(200)
    expect(await answered.text()).toBe(ANSWER)
    expect(answered.headers.get('content-type')).toBe('application/json')
    expect(answered.headers.get('cache-control')).toBe('no-store')
    expect(answered.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(answered.headers.get('x-frame-options')).toBe('DENY')
    expect(answered.headers.get('strict-transport-security')).toBeNull()
    const requestId = answered.headers.get('x-request-id')
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ method: 'GET', route: '/api/v1/requests/:id', status: 200, requestId }),
    ])
    expect(chain).not.toHaveBeenCalled()

    const overHttps = (await call('/api/v1/requests/req_done', { headers: { 'x-forwarded-proto': 'https' } }))!
    expect(overHttps.headers.get('strict-transport-security')).toMatch(/max-age/)
  })

  it.each([
    ['another method', '/api/v1/requests/req_done', { method: 'HEAD' }],
    ['another route', '/api/v1/requests', {}],
    ['a render with no answer ready', '/api/v1/requests/req_running', {}],
    ['a path that only looks like a poll', '/api/v1/requests/req_done/', {}],
  ])('hands %s to the chain', async (_, path, init) => {
    const { call, chain, lines } = fastPath()
    expect(await call(path, init)).toBe(CHAIN)
    expect(chain).toHaveBeenCalledOnce()
    expect(lines).toEqual([])
  })

  it('hands a host it does not answer to to the chain, which refuses it', async () => {
    const { call, chain } = fastPath({ hostAllowed: (request) => new URL(request.url).hostname !== 'studio.test' })
    expect(await call('/api/v1/requests/req_done')).toBe(CHAIN)
    expect(chain).toHaveBeenCalledOnce()
  })

  it.each<Admission>(['wrong_token', 'no_session', 'session_ended', { lockedForS: 30 }])(
    'hands a request the admission refuses (%o) to the chain, without counting it',
    async (verdict) => {
      const take = vi.fn(() => ({ allowed: true as const }))
      const { call, chain } = fastPath({ admission: () => verdict, readLimiter: { take } })
      expect(await call('/api/v1/requests/req_done')).toBe(CHAIN)
      expect(chain).toHaveBeenCalledOnce()
      expect(take).not.toHaveBeenCalled()
    },
  )

  it('waits for an admission that asks the session store', async () => {
    const { call, chain } = fastPath({ admission: async (): Promise<Admission> => ({ holder: null }) })
    const response = call('/api/v1/requests/req_done')
    expect(response).toBeInstanceOf(Promise)
    expect((await response).status).toBe(200)
    expect(chain).not.toHaveBeenCalled()
  })

  it('counts each poll against its client, and hands the ones past the limit to the chain', async () => {
    const { call, chain } = fastPath({ readLimiter: createMemoryRateLimiter({ limit: 20, windowMs: 1_000 }) })
    const tab = { headers: { 'x-test-client': 'tab' } }
    const polls = await Promise.all(Array.from({ length: 25 }, () => call('/api/v1/requests/req_done', tab)))
    expect(polls.filter((p) => p.status === 200)).toHaveLength(20)
    expect(chain).toHaveBeenCalledTimes(5)
    expect((await call('/api/v1/requests/req_done', { headers: { 'x-test-client': 'other' } })).status).toBe(200)
  })
})
