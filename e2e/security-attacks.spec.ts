import { expect, test } from '@playwright/test'
import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { OPENAPI_PATH } from '../src/server/catalog-check/catalog-check'
import { startFakeUpstream, type FakeUpstream } from '../src/server/fake-upstream'
import { startBuiltStudio } from './built-studio'
import { ATTACKS_DIRECT_PORT, ATTACKS_PORT } from './ports'

/*
 * Each finding of the security review, as an attack on the built studio in live mode in front of a recording
 * fake Cannon: the attack, the refusal, and nothing forwarded. The first studio believes X-Forwarded-* (as
 * behind a proxy), so each test can play its own client address; the second is reached directly.
 */
const KEY = 'cs_live_attack_canary_8e2f4a6b'
const TOKEN = 'attack-access-token-71c3d5e9f0'
let fake: FakeUpstream
let proxied: Awaited<ReturnType<typeof startBuiltStudio>>
let direct: Awaited<ReturnType<typeof startBuiltStudio>>

test.beforeAll(async () => {
  fake = await startFakeUpstream()
  const live = { CANNON_API_KEY: KEY, CANNON_API_BASE: fake.origin, STUDIO_ACCESS_TOKEN: TOKEN }
  ;[proxied, direct] = await Promise.all([
    startBuiltStudio(ATTACKS_PORT, {
      ...live,
      STUDIO_TRUST_PROXY: 'true',
      STUDIO_ALLOWED_HOSTS: 'studio.example.test',
    }),
    startBuiltStudio(ATTACKS_DIRECT_PORT, { ...live, STUDIO_MAX_CONNECTIONS_PER_CLIENT: '4' }),
  ])
  // Each studio asks Cannon for its key's scopes and its OpenAPI document as it starts, in the background: once
  // both have, no test takes those calls for something an attack got through.
  const startCalls = () =>
    ['/api/v1/status', OPENAPI_PATH].map((path) => fake.calls.filter((call) => call.path === path).length)
  await expect.poll(startCalls).toEqual([2, 2])
})
test.afterAll(async () => {
  await Promise.all([proxied.stop(), direct.stop()])
  await fake.close()
})
test.beforeEach(() => {
  fake.calls.length = 0
  fake.respondWith(() => undefined)
})

interface Raw {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
}

/** A request with exactly these headers (fetch would not let a test set Host). */
function raw(
  port: number,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Raw>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: init.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...init.headers },
      },
      (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }))
      },
    )
    req.on('error', reject)
    req.end(init.body)
  })
}

let clients = 0
/** A fresh client address (behind the trusted proxy), so each test's limits start empty. */
const asClient = (headers: Record<string, string> = {}) => ({ 'x-forwarded-for': `203.0.113.${++clients}`, ...headers })
const bearer = { authorization: `Bearer ${TOKEN}` }
const json = { 'content-type': 'application/json' }
const video = (input: Record<string, unknown> = {}) =>
  JSON.stringify({ operation: 'video.generate', input: { model: 'grok', prompt: 'A fox', duration: 6, ...input } })
const post = (headers: Record<string, string>, body = video()) => ({
  method: 'POST',
  headers: { ...json, ...headers },
  body,
})

test('1. DNS rebinding: a Host the studio does not answer to gets 421, for the API and the app alike', async () => {
  for (const path of ['/api/v1/requests', '/api/catalog', '/']) {
    const isPost = path === '/api/v1/requests'
    const attack = await raw(ATTACKS_PORT, path, {
      ...post(
        asClient({
          ...bearer,
          host: `rebind.attacker.example:${ATTACKS_PORT}`,
          origin: `http://rebind.attacker.example:${ATTACKS_PORT}`,
        }),
      ),
      method: isPost ? 'POST' : 'GET',
      body: isPost ? video() : undefined,
    })
    expect(attack.status, path).toBe(421)
    expect(JSON.parse(attack.text).error.code).toBe('host_not_allowed')
  }
  expect(
    (await raw(ATTACKS_PORT, '/api/catalog', { headers: asClient({ ...bearer, host: 'studio.example.test' }) })).status,
  ).toBe(200)
  expect(
    (await raw(ATTACKS_PORT, '/api/catalog', { headers: asClient({ ...bearer, host: `localhost:${ATTACKS_PORT}` }) }))
      .status,
  ).toBe(200)
  expect(fake.calls).toEqual([])
})

test('2. Guessing the token: 429 with Retry-After after 10 wrong tries a minute, each logged with its source', async () => {
  const client = asClient()
  const statuses: number[] = []
  for (let i = 0; i < 12; i++) {
    const attempt = await raw(
      ATTACKS_PORT,
      '/api/session',
      post(client, JSON.stringify({ token: `guess-${i}-0123456789` })),
    )
    statuses.push(attempt.status)
    if (attempt.status === 429) expect(Number(attempt.headers['retry-after'])).toBeGreaterThanOrEqual(59)
  }
  expect(statuses).toEqual([...Array(10).fill(401), 429, 429])
  const bearerClient = asClient()
  for (let i = 0; i < 10; i++)
    await raw(ATTACKS_PORT, '/api/v1/status', { headers: { ...bearerClient, authorization: `Bearer guess-${i}` } })
  expect((await raw(ATTACKS_PORT, '/api/v1/status', { headers: { ...bearerClient, ...bearer } })).status).toBe(429)
  await expect
    .poll(
      () =>
        proxied
          .output()
          .split('\n')
          .filter((l) => l.includes('"access_denied"') && l.includes(client['x-forwarded-for'])).length,
    )
    .toBe(10)
  expect(fake.calls).toEqual([])
})

test('3. Sessions: random per sign-in, __Host- over https, ended by Sign out', async () => {
  const signIn = async (headers: Record<string, string>) =>
    raw(ATTACKS_PORT, '/api/session', post(asClient(headers), JSON.stringify({ token: TOKEN })))
  const overHttps = await signIn({ 'x-forwarded-proto': 'https' })
  const cookie = String(overHttps.headers['set-cookie'])
  expect(cookie).toMatch(/^__Host-studio_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Strict$/)
  const again = String((await signIn({ 'x-forwarded-proto': 'https' })).headers['set-cookie'])
  expect(again.split(';')[0]).not.toBe(cookie.split(';')[0])

  const session = { cookie: cookie.split(';')[0]!, 'x-forwarded-proto': 'https' }
  expect((await raw(ATTACKS_PORT, '/api/catalog', { headers: asClient(session) })).status).toBe(200)
  expect((await raw(ATTACKS_PORT, '/api/session', { method: 'DELETE', headers: asClient(session) })).status).toBe(204)
  expect((await raw(ATTACKS_PORT, '/api/catalog', { headers: asClient(session) })).status).toBe(401)

  // Reached directly, a client cannot claim https: X-Forwarded-Proto is not trusted.
  const spoofed = await raw(
    ATTACKS_DIRECT_PORT,
    '/api/session',
    post({ 'x-forwarded-proto': 'https' }, JSON.stringify({ token: TOKEN })),
  )
  expect(String(spoofed.headers['set-cookie'])).toMatch(/^studio_session=[\w-]{43};/)
  expect(String(spoofed.headers['set-cookie'])).not.toContain('Secure')
  expect(fake.calls).toEqual([])
})

test('4. Media URLs: transition addresses, odd names and unresolvable hosts are refused; the canonical URL is sent', async () => {
  const attacks = [
    'https://[::ffff:0:7f00:1]/a.jpg',
    'https://[2002:7f00:1::]/a.jpg',
    'https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/a.jpg',
    'https://[fec0::1]/a.jpg',
    'https://localhost../a.jpg',
    'https://no-such-host.invalid/a.jpg',
  ]
  for (const url of attacks) {
    const refused = await raw(ATTACKS_PORT, '/api/v1/requests', post(asClient(bearer), video({ image_url: url })))
    expect(refused.status, url).toBe(400)
    expect(JSON.parse(refused.text).error).toMatchObject({ code: 'invalid_media_url', field: 'image_url' })
  }
  expect(fake.calls).toEqual([])
  const sneaky = 'https://93.184.215.14\\@internal.example/a.jpg'
  expect(
    (await raw(ATTACKS_PORT, '/api/v1/requests', post(asClient(bearer), video({ image_url: sneaky })))).status,
  ).toBe(202)
  expect(JSON.parse(fake.calls[0]!.body).input.image_url).toBe('https://93.184.215.14/@internal.example/a.jpg')
})

test('5. A huge upstream reply is dropped with a 502, not held in memory', async () => {
  fake.respondWith(() => ({ status: 200, body: `{"id":"req_1","pad":"${'x'.repeat(8 << 20)}"}` }))
  const started = Date.now()
  const reply = await raw(ATTACKS_PORT, '/api/v1/requests/req_1', { headers: asClient(bearer) })
  expect(reply.status).toBe(502)
  expect(JSON.parse(reply.text).error.code).toBe('upstream_too_large')
  expect(Date.now() - started).toBeLessThan(5_000)
})

test('6. The key never comes back, even escaped, split or base64-encoded by upstream', async () => {
  const shapes = [
    `cs_live_\\u0061ttack_canary_8e2f4a6b`,
    `${KEY.slice(0, 14)} ${KEY.slice(14)}`,
    Buffer.from(KEY).toString('base64'),
    Buffer.from(`Basic ${KEY}`).toString('base64'),
  ]
  for (const shape of shapes) {
    fake.respondWith(() => ({ status: 401, body: `{"error":{"message":"bad key ${shape}"}}` }))
    const refused = await raw(ATTACKS_PORT, '/api/v1/status', { headers: asClient(bearer) })
    fake.respondWith(() => ({ status: 200, body: `{"ok":true,"creditsRemaining":1,"echo":"${shape}"}` }))
    const ok = await raw(ATTACKS_PORT, '/api/v1/status', { headers: asClient(bearer) })
    for (const text of [refused.text, ok.text]) {
      const decoded = JSON.stringify(JSON.parse(text))
      expect(decoded).not.toContain(KEY.slice(0, 14))
      expect(decoded).not.toContain(KEY.slice(14))
      expect(decoded).not.toContain(Buffer.from(KEY).toString('base64').slice(0, 16))
      expect(decoded).toContain('[redacted]')
    }
  }
  expect(proxied.output()).not.toContain(KEY)
})

test('7. CSRF without Origin: a body that is not declared JSON gets 415', async () => {
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
    const forged = await raw(ATTACKS_PORT, '/api/v1/requests', post(asClient({ ...bearer, 'content-type': type })))
    expect(forged.status, type).toBe(415)
  }
  expect(fake.calls).toEqual([])
})

test('8. One tab cannot fan out polls: past 20 a second a client gets 429', async () => {
  const client = asClient(bearer)
  const polls = await Promise.all(
    Array.from({ length: 40 }, () => raw(ATTACKS_PORT, '/api/v1/requests/req_1', { headers: client })),
  )
  const limited = polls.filter((p) => p.status === 429)
  expect(limited.length).toBeGreaterThanOrEqual(20)
  expect(limited[0]!.headers['retry-after']).toBeDefined()
  expect(fake.calls.length).toBeLessThanOrEqual(20)
})

test('9. Slow clients: one address cannot hold more than its share of connections', async () => {
  // Cutting off a slow sender (header and request timeouts) is tested on the server itself, with short
  // timeouts, in src/server/node-server.test.ts: here the timeouts are the real 20 and 30 s.
  const sockets = await Promise.all(
    Array.from(
      { length: 10 },
      () =>
        new Promise<ReturnType<typeof connect>>((resolve) => {
          const socket = connect(ATTACKS_DIRECT_PORT, '127.0.0.1', () => resolve(socket))
          socket.on('error', () => {})
        }),
    ),
  )
  try {
    await expect.poll(() => sockets.filter((s) => s.destroyed).length).toBeGreaterThanOrEqual(6)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(sockets.filter((s) => !s.destroyed).length).toBeLessThanOrEqual(4)
  } finally {
    sockets.forEach((s) => s.destroy())
  }
})

test('10. Configuration: an upstream over plain http or with a path stops the studio', async () => {
  for (const [base, reason] of [
    ['http://cannon.example.com', 'CANNON_API_BASE must use https'],
    ['https://cannon.example.com/v2', 'CANNON_API_BASE must be an origin only'],
  ]) {
    const refused = await startBuiltStudio(ATTACKS_DIRECT_PORT + 1, {
      CANNON_API_KEY: KEY,
      CANNON_API_BASE: base!,
    }).then(
      () => 'started',
      (error: Error) => error.message,
    )
    expect(refused).not.toBe('started')
    expect(refused).toContain(reason!)
    expect(refused).not.toContain(KEY)
  }
})

test('11. An id in an upstream 202 that is not a request id gets 502, never a path', async () => {
  fake.respondWith(() => ({
    status: 202,
    body: { id: '../../admin', status: 'queued', operation: 'video.generate', poll_after_ms: 1 },
  }))
  const reply = await raw(ATTACKS_PORT, '/api/v1/requests', post(asClient(bearer)))
  expect(reply.status).toBe(502)
  expect(reply.text).not.toContain('admin')
})
