import { describe, expect, it } from 'vitest'
import { createMemoryRateLimiter } from './rate-limit'
import { simulatedBff } from './test-bff'

const bff = () =>
  simulatedBff({
    readLimiter: createMemoryRateLimiter({ limit: 20, windowMs: 1_000, now: () => 0 }),
    clientKey: (request) => request.headers.get('x-test-client') ?? 'anonymous',
  })

const body = JSON.stringify({ operation: 'video.generate', input: { model: 'grok', prompt: 'A fox', duration: 6 } })

describe('JSON only (CSRF without Origin)', () => {
  it.each([
    ['text/plain', 'text/plain;charset=UTF-8'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['no type', undefined],
  ])('answers 415 to a body sent as %s, and forwards nothing', async (_, type) => {
    const { call, forwarded } = bff()
    const response = await call('/api/v1/requests', {
      method: 'POST',
      headers: type ? { 'content-type': type } : {},
      body,
    })
    expect(response.status).toBe(415)
    expect((await response.json()).error.code).toBe('unsupported_media_type')
    expect(forwarded()).toBe(0)
    expect(
      (await call('/api/session', { method: 'POST', headers: type ? { 'content-type': type } : {}, body: '{}' }))
        .status,
    ).toBe(415)
  })

  it('takes JSON with a charset', async () => {
    const response = await bff().call('/api/v1/requests', {
      method: 'POST',
      headers: { 'content-type': 'Application/JSON; charset=utf-8' },
      body,
    })
    expect(response.status).toBe(202)
  })
})

describe('reads per client', () => {
  it('answers 429 with Retry-After past 20 a second, before anything reaches Cannon', async () => {
    const { call, forwarded } = bff()
    const polls = await Promise.all(
      Array.from({ length: 30 }, () => call('/api/v1/status', { headers: { 'x-test-client': 'tab' } })),
    )
    const statuses = polls.map((p) => p.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(20)
    expect(statuses.filter((s) => s === 429)).toHaveLength(10)
    expect(polls.find((p) => p.status === 429)!.headers.get('retry-after')).toBe('1')
    expect(forwarded()).toBe(20)
    expect((await call('/api/v1/status', { headers: { 'x-test-client': 'other' } })).status).toBe(200)
    expect((await call('/api/health', { headers: { 'x-test-client': 'tab' } })).status).toBe(200)
  })
})
