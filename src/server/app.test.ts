import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { CANNON_ORIGIN, cannonHandlers } from '@/mocks/handlers'
import { createBffApp } from './app'
import { createUpstreamClient } from './upstream'

const KEY = 'cs_live_testkey_0123456789'
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

function liveBff() {
  const cannon = cannonHandlers()
  const seen: Request[] = []
  server.use(
    http.all(`${CANNON_ORIGIN}/*`, ({ request }) => {
      seen.push(request.clone())
    }),
    ...cannon.handlers,
  )
  const app = createBffApp({
    mode: 'live',
    catalog: catalogV1,
    upstream: createUpstreamClient({ baseUrl: CANNON_ORIGIN, apiKey: KEY, fetch: (r) => fetch(r) }),
  })
  const call = (path: string, init?: RequestInit) => app.fetch(new Request(`http://studio.test${path}`, init))
  return { app, call, seen, simulator: cannon.simulator }
}

const body = { operation: 'video.generate', input: { model: 'grok', prompt: 'A fox', duration: 6 } }
const post = (payload: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof payload === 'string' ? payload : JSON.stringify(payload),
})

describe('BFF in live mode', () => {
  it('signs with x-api-key and forwards the idempotency key', async () => {
    const { call, seen } = liveBff()
    const response = await call('/api/v1/requests', post(body, { 'x-idempotency-key': 'idem-42' }))
    expect(response.status).toBe(202)
    const accepted = await response.json()
    expect(accepted.urls.get).toBe(`/api/v1/requests/${accepted.id}`)
    expect(seen[0]!.headers.get('x-api-key')).toBe(KEY)
    expect(seen[0]!.headers.get('x-idempotency-key')).toBe('idem-42')

    const polled = await call(`/api/v1/requests/${accepted.id}`)
    expect(polled.status).toBe(200)
    expect(JSON.stringify(await polled.json())).not.toContain(KEY)
  })

  it('refuses invalid input with a field-level message and never calls upstream', async () => {
    const { call, seen } = liveBff()
    const response = await call('/api/v1/requests', post({ ...body, input: { ...body.input, duration: 7 } }))
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: { code: 'invalid_input', message: 'Choose a duration of 6 or 10 s', field: 'duration' },
    })
    expect((await call('/api/v1/requests', post('{not json'))).status).toBe(400)
    expect((await call('/api/v1/requests', post({ ...body, operation: 'video.upscale' }))).status).toBe(400)
    expect(seen).toHaveLength(0)
  })

  it('turns upstream trouble into clear errors', async () => {
    const { call } = liveBff()
    server.use(http.get(`${CANNON_ORIGIN}/api/v1/requests/:id`, () => new HttpResponse('<html>oops', { status: 200 })))
    expect((await call('/api/v1/requests/req_1')).status).toBe(502)
    server.use(http.get(`${CANNON_ORIGIN}/api/v1/requests/:id`, () => HttpResponse.json({}, { status: 503 })))
    expect((await call('/api/v1/requests/req_1')).status).toBe(502)
    server.use(http.get(`${CANNON_ORIGIN}/api/v1/requests/:id`, () => HttpResponse.error()))
    const dropped = await call('/api/v1/requests/req_1')
    expect(dropped.status).toBe(502)
    expect(JSON.stringify(await dropped.json())).not.toContain(KEY)
  })

  it('serves health and the catalog', async () => {
    const { call } = liveBff()
    expect(await (await call('/api/health')).json()).toEqual({ ok: true, mode: 'live', gated: false })
    expect((await (await call('/api/catalog')).json()).models).toHaveLength(8)
  })
})
