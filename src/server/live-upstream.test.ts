import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { creditsRefusalSchema } from '@/catalog/credits-contract'
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

function liveBff(timeoutMs = 5_000, maxConcurrent?: number) {
  const upstream = createUpstreamClient({
    baseUrl: fake.origin,
    apiKey: KEY,
    transport: pooled.transport,
    timeoutMs,
    retryDelaysMs: [1, 1],
    maxConcurrent,
  })
  const app = createBffApp({ mode: 'live', catalog: catalogV1, upstream, log: () => {} })
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
    fake.respondWith(() => ({ status: 403, body: { error: { message: 'Video model not on your plan' } } }))
    const response = await liveBff()('/api/v1/requests', create())
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({
      error: { code: 'upstream_rejected', message: 'Video model not on your plan' },
    })
    expect(fake.calls).toHaveLength(1)
  })

  it('passes a refusal for credits on as 402 insufficient_credits, with the balance and price when Cannon gives them', async () => {
    fake.respondWith(() => ({
      status: 402,
      body: { error: { code: 'insufficient_credits', message: 'Not enough credits', required: 60, balance: 12 } },
    }))
    const response = await liveBff()('/api/v1/requests', create())
    expect(response.status).toBe(402)
    expect(creditsRefusalSchema.parse(await response.json())).toEqual({
      error: { code: 'insufficient_credits', message: 'Not enough credits', credits: { balance: 12, asked: 60 } },
    })
    fake.respondWith(() => ({ status: 400, body: { message: 'Insufficient credits for this render' } }))
    const bare = await liveBff()('/api/v1/requests', create())
    expect(bare.status).toBe(402)
    expect((await bare.json()).error).toEqual({
      code: 'insufficient_credits',
      message: 'Insufficient credits for this render',
      credits: {},
    })
    expect(fake.calls).toHaveLength(2)
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
    const app = createBffApp({ mode: 'live', catalog: catalogV1, upstream, log: () => {} })
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

  it('answers 502 for a reply over 2 MB, declared or streamed, without keeping it', async () => {
    const huge = JSON.stringify({
      id: 'req_1',
      operation: 'video.generate',
      status: 'queued',
      pad: 'x'.repeat(3 << 20),
    })
    fake.respondWith(() => ({ status: 200, body: huge }))
    const declared = await liveBff()('/api/v1/requests/req_1')
    expect(declared.status).toBe(502)
    expect(await declared.json()).toEqual({
      error: { code: 'upstream_too_large', message: 'Cannon sent a reply over 2 MB' },
    })
    fake.respondWith(() => ({ status: 200, body: huge, headers: { 'transfer-encoding': 'chunked' } }))
    expect((await liveBff()('/api/v1/requests/req_1')).status).toBe(502)
  })

  it('counts time waiting for a connection against the budget, and answers 504 within it', async () => {
    fake.respondWith(() => ({ status: 200, body: {}, delayMs: 5_000 }))
    const call = liveBff(300, 2)
    const started = performance.now()
    const answers = await Promise.all(Array.from({ length: 6 }, () => call('/api/v1/requests/req_1')))
    const elapsed = performance.now() - started
    expect(answers.map((a) => a.status)).toEqual([504, 504, 504, 504, 504, 504])
    expect(elapsed).toBeLessThan(2_000)
    expect(fake.calls.length).toBeLessThanOrEqual(2)
  })

  it('answers 504 within the budget when Cannon trickles its body', async () => {
    fake.respondWith(() => ({ status: 200, body: '{"id":"req_1",', trickleMs: 100 }))
    const started = performance.now()
    expect((await liveBff(400)('/api/v1/requests/req_1')).status).toBe(504)
    expect(performance.now() - started).toBeLessThan(1_500)
  })

  it('answers 502 for a 202 whose id is not a request id, so it never becomes a path', async () => {
    fake.respondWith(() => ({
      status: 202,
      body: { id: '../../admin', status: 'queued', operation: 'video.generate', poll_after_ms: 1000 },
    }))
    const response = await liveBff()('/api/v1/requests', create())
    expect(response.status).toBe(502)
    expect((await response.json()).error.code).toBe('upstream_malformed')
  })

  it.each([
    ['escaped', (k: string) => `${k.slice(0, 8)}\\u00${k.charCodeAt(8).toString(16)}${k.slice(9)}`],
    ['split', (k: string) => `${k.slice(0, 12)} ${k.slice(12)}`],
    ['base64', (k: string) => Buffer.from(k).toString('base64')],
  ])('never relays the key %s in an error or in a success', async (_, shape) => {
    const echoed = shape(KEY)
    fake.respondWith(() => ({ status: 401, body: `{"error":{"message":"Key ${echoed} is revoked"}}` }))
    const refused = await (await liveBff()('/api/v1/status')).text()
    fake.respondWith(() => ({ status: 200, body: `{"ok":true,"note":"${echoed}"}` }))
    const ok = await (await liveBff()('/api/v1/status')).text()
    for (const text of [refused, ok]) {
      const decoded = JSON.stringify(JSON.parse(text))
      expect(decoded).toContain('[redacted]')
      expect(decoded).not.toContain(KEY)
      expect(decoded).not.toContain(KEY.slice(0, 12))
      expect(decoded).not.toContain(Buffer.from(KEY).toString('base64').slice(0, 16))
    }
  })
})
