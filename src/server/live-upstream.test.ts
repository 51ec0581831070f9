import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { createBffApp } from './app'
import { startFakeUpstream, type FakeUpstream } from './fake-upstream'
import { pooledTransport, type PooledTransport } from './transport'
import { createUpstreamClient } from './upstream'

// Contract tests: the BFF in live mode, through the real undici pool, against a recording server on loopback.
const KEY = 'cs_live_contract_key_5f1e'
let fake: FakeUpstream
let pooled: PooledTransport

beforeAll(async () => {
  fake = await startFakeUpstream()
  pooled = pooledTransport(fake.origin)
})
afterAll(async () => {
  await pooled.close()
  await fake.close()
})
beforeEach(() => {
  fake.calls.length = 0
  fake.respondWith(() => undefined)
})

function liveBff(timeoutMs = 5_000) {
  const upstream = createUpstreamClient({
    baseUrl: fake.origin,
    apiKey: KEY,
    transport: pooled.transport,
    timeoutMs,
    retryDelaysMs: [1, 1],
  })
  const app = createBffApp({ mode: 'live', catalog: catalogV1, upstream, log: { write: () => {} } })
  return (path: string, init?: RequestInit) => app.fetch(new Request(`http://studio.test${path}`, init))
}

const body = { operation: 'video.generate', input: { model: 'grok', prompt: 'A fox', duration: 6 } }
const create = (headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

describe('the signed call to Cannon', () => {
  it('adds x-api-key, forwards the body and the caller’s idempotency key unchanged', async () => {
    const response = await liveBff()('/api/v1/requests', create({ 'x-idempotency-key': 'idem-42', cookie: 'a=b' }))
    expect(response.status).toBe(202)
    expect(await response.json()).toMatchObject({ id: 'req_fake_1', urls: { get: '/api/v1/requests/req_fake_1' } })
    const [call] = fake.calls
    expect(call).toMatchObject({ method: 'POST', path: '/api/v1/requests' })
    expect(call!.headers['x-api-key']).toBe(KEY)
    expect(call!.headers['x-idempotency-key']).toBe('idem-42')
    expect(call!.headers['content-type']).toBe('application/json')
    expect(call!.headers.cookie).toBeUndefined()
    expect(JSON.parse(call!.body)).toEqual(body)
  })

  it('generates an idempotency key when the caller sends none, and reuses it on a retry', async () => {
    let attempts = 0
    fake.respondWith(() => (++attempts === 1 ? { status: 503, body: { error: 'busy' } } : undefined))
    expect((await liveBff()('/api/v1/requests', create())).status).toBe(202)
    const keys = fake.calls.map((c) => c.headers['x-idempotency-key'])
    expect(keys).toHaveLength(2)
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/)
    expect(keys[1]).toBe(keys[0])
  })

  it('retries a poll on 5xx and on a dropped connection, within a bound', async () => {
    let attempts = 0
    fake.respondWith(() => (++attempts === 1 ? { status: 502, body: {} } : undefined))
    expect((await liveBff()('/api/v1/requests/req_1')).status).toBe(200)
    expect(fake.calls).toHaveLength(2)

    fake.calls.length = 0
    fake.respondWith(() => ({ status: 500, body: { error: 'down' } }))
    const failing = await liveBff()('/api/v1/requests/req_1')
    expect(failing.status).toBe(502)
    expect(await failing.json()).toEqual({
      error: { code: 'upstream_error', message: 'Cannon failed (HTTP 500): down' },
    })
    expect(fake.calls).toHaveLength(3)
  })

  it('does not retry what Cannon refused', async () => {
    fake.respondWith(() => ({ status: 402, body: { error: { message: 'Not enough credits' } } }))
    const response = await liveBff()('/api/v1/requests', create())
    expect(response.status).toBe(402)
    expect(await response.json()).toEqual({ error: { code: 'upstream_rejected', message: 'Not enough credits' } })
    expect(fake.calls).toHaveLength(1)
  })

  it('passes Cannon’s 429 on with its Retry-After', async () => {
    fake.respondWith(() => ({ status: 429, body: { message: 'Slow down' }, headers: { 'retry-after': '17' } }))
    const response = await liveBff()('/api/v1/requests/req_1')
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('17')
    expect((await response.json()).error).toEqual({ code: 'rate_limited', message: 'Slow down' })
  })

  it('answers 502 for a malformed reply and 504 when Cannon is too slow', async () => {
    fake.respondWith(() => ({ status: 200, body: '<html>oops' }))
    const malformed = await liveBff()('/api/v1/requests/req_1')
    expect(malformed.status).toBe(502)
    expect((await malformed.json()).error.code).toBe('upstream_malformed')

    fake.respondWith(() => ({ status: 200, body: {}, delayMs: 2_000 }))
    const slow = await liveBff(150)('/api/v1/requests/req_1')
    expect(slow.status).toBe(504)
    expect(await slow.json()).toEqual({
      error: { code: 'upstream_timeout', message: 'Cannon did not answer within 0.15 s' },
    })
  })

  it('answers 502 when Cannon cannot be reached at all', async () => {
    const gone = await startFakeUpstream()
    await gone.close()
    const closed = pooledTransport(gone.origin)
    const upstream = createUpstreamClient({
      baseUrl: gone.origin,
      apiKey: KEY,
      transport: closed.transport,
      retryDelaysMs: [],
    })
    const app = createBffApp({ mode: 'live', catalog: catalogV1, upstream, log: { write: () => {} } })
    const response = await app.fetch(new Request('http://studio.test/api/v1/status'))
    await closed.close()
    expect(response.status).toBe(502)
    expect(await response.json()).toEqual({
      error: { code: 'upstream_unreachable', message: 'Cannon could not be reached' },
    })
  })

  it('never relays the key, even when Cannon echoes it', async () => {
    fake.respondWith(() => ({ status: 401, body: { error: { message: `Key ${KEY} is revoked` } } }))
    const response = await liveBff()('/api/v1/status')
    expect(response.status).toBe(401)
    const text = await response.text()
    expect(text).toContain('Key [redacted] is revoked')
    expect(text).not.toContain(KEY)
  })
})
