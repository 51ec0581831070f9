import { describe, expect, it } from 'vitest'
import { createFailureThrottle } from './failure-throttle'
import { createLogger } from './logger'
import { createMemorySessionStore, SESSION_LIMITS } from './sessions'
import { simulatedBff } from './test-bff'

const TOKEN = 'studio-token-0123456789abcdef'
const json = (payload: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(payload),
})

function gated() {
  const lines: string[] = []
  const { call } = simulatedBff({
    accessToken: TOKEN,
    clientKey: (request) => request.headers.get('x-test-client') ?? 'anonymous',
    log: createLogger({ write: (line) => lines.push(line) }),
  })
  return { call, lines }
}

describe('guessing the access token', () => {
  it('answers 429 with a growing Retry-After after 10 wrong sign-ins a minute, and logs each with its source', async () => {
    const { call, lines } = gated()
    const wrong = () =>
      call('/api/session', json({ token: 'guess-0123456789abcdef' }, { 'x-test-client': '203.0.113.7' }))
    for (let i = 0; i < 10; i++) expect((await wrong()).status).toBe(401)
    const locked = await wrong()
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBe('60')
    expect((await locked.json()).error.code).toBe('too_many_attempts')
    // The right token is not even checked while locked out.
    expect((await call('/api/session', json({ token: TOKEN }, { 'x-test-client': '203.0.113.7' }))).status).toBe(429)
    // Another client is not affected.
    expect((await call('/api/session', json({ token: TOKEN }, { 'x-test-client': '198.51.100.2' }))).status).toBe(204)

    const audit = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'access_denied')
    expect(audit).toHaveLength(10)
    expect(audit.every((l) => l.client === '203.0.113.7' && l.via === 'sign-in')).toBe(true)
    expect(audit.at(-1)).toMatchObject({ lockedForS: 60 })
    expect(lines.join('\n')).not.toContain('guess-0123456789abcdef')
  })

  it('throttles wrong Bearer tokens the same way, and says nothing about how close a guess was', async () => {
    const { call } = gated()
    const bearer = (token: string) =>
      call('/api/catalog', { headers: { authorization: `Bearer ${token}`, 'x-test-client': 'b' } })
    const near = await bearer(TOKEN.slice(0, -1) + 'x')
    const far = await bearer('zzzzzzzzzzzzzzzzzzzz')
    expect(await near.json()).toEqual(await far.json())
    for (let i = 0; i < 8; i++) expect((await bearer(`wrong-${i}`)).status).toBe(401)
    expect((await bearer(TOKEN)).status).toBe(429)
  })

  it('doubles the lockout each time, up to an hour', () => {
    const throttle = createFailureThrottle()
    let now = 0
    const lockouts: number[] = []
    for (let round = 0; round < 8; round++) {
      let lock: number | undefined
      for (let i = 0; i < 10; i++) lock = throttle.fail('c', now)
      lockouts.push(lock!)
      expect(throttle.lockedFor('c', now)).toBe(lock)
      now += lock! * 1000
      expect(throttle.lockedFor('c', now)).toBeUndefined()
    }
    expect(lockouts).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600])
  })
})

describe('sessions', () => {
  it('are random per sign-in, end at Sign out, and a locked-out address keeps its signed-in browsers', async () => {
    const { call } = gated()
    const signIn = async () => {
      const response = await call('/api/session', json({ token: TOKEN }, { 'x-test-client': 'office' }))
      return response.headers.get('set-cookie')!.split(';')[0]!
    }
    const first = await signIn()
    const second = await signIn()
    expect(first).not.toBe(second)
    expect(first).toMatch(/^studio_session=[\w-]{43}$/)

    for (let i = 0; i < 10; i++)
      await call('/api/catalog', { headers: { authorization: 'Bearer nope', 'x-test-client': 'office' } })
    expect((await call('/api/catalog', { headers: { cookie: first, 'x-test-client': 'office' } })).status).toBe(200)

    const signOut = await call('/api/session', { method: 'DELETE', headers: { cookie: first } })
    expect(signOut.status).toBe(204)
    expect(signOut.headers.get('set-cookie')).toMatch(/^studio_session=; Max-Age=0/)
    const after = await call('/api/catalog', { headers: { cookie: first } })
    expect(after.status).toBe(401)
    expect((await after.json()).error.message).toBe('Your session has ended; sign in again')
    expect((await call('/api/catalog', { headers: { cookie: second } })).status).toBe(200)
  })

  it('expire after 30 idle minutes and 12 hours in all, kept alive by use', async () => {
    const store = createMemorySessionStore()
    const id = await store.create(0)
    expect(await store.check(id, SESSION_LIMITS.idleMs - 1)).toBeTruthy()
    expect(await store.check(id, 2 * SESSION_LIMITS.idleMs - 2)).toBeTruthy()
    expect(await store.check(id, 4 * SESSION_LIMITS.idleMs)).toBeUndefined()

    const busy = await store.create(0)
    let now = 0
    while (now + 60_000 < SESSION_LIMITS.absoluteMs) expect(await store.check(busy, (now += 60_000))).toBeTruthy()
    expect(await store.check(busy, SESSION_LIMITS.absoluteMs + 1)).toBeUndefined()
    expect(await store.check('made-up', 0)).toBeUndefined()
  })
})
