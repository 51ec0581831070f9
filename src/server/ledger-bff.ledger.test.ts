import { describe, expect, it, vi } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { rendersPageSchema, renderSchema, type Render } from '@/catalog/render-contract'
import { getRender, getRenderByRequestId } from '@/ledger/render-store'
import { ENGINES, useTestLedger } from '@/ledger/test-ledger'
import { createSimulator } from '@/simulator/simulator'
import { createBffApp } from './app'
import { createMemoryRateLimiter } from './rate-limit'
import { createRenderSubmitter } from './render-submitter'
import { createLogger } from './logger'
import { createSweeper } from './sweeper'
import { createUpstreamClient } from './upstream'

const video = (prompt = 'A fox in the snow') => ({
  operation: 'video.generate',
  input: { model: 'grok', prompt, duration: 6 },
})
const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

describe.each(ENGINES)('the BFF on the ledger (%s)', (engine) => {
  const ledger = useTestLedger(engine)

  /** The BFF over the simulator, with every upstream call recorded and optionally answered by `intercept`. */
  function studio(
    intercept?: (request: Request) => Response | undefined,
    publicUrl?: string,
    onFinished?: (render: Render) => void,
  ) {
    const calls: { method: string; path: string; inLedgerAlready?: boolean }[] = []
    const simulator = createSimulator({
      catalog: catalogV1,
      timing: { queuedMs: 0, processingMs: 0, pollAfterMs: 1000 },
    })
    const upstream = createUpstreamClient({
      baseUrl: 'http://simulator.invalid',
      apiKey: 'cs_test_ledger_key',
      retryDelaysMs: [],
      fetch: async (request) => {
        const path = new URL(request.url).pathname
        const key = request.headers.get('x-idempotency-key')
        const recorded = key
          ? (await ledger.db.query('SELECT 1 FROM renders WHERE idempotency_key = $1', [key])).length === 1
          : undefined
        calls.push({ method: request.method, path, inLedgerAlready: recorded })
        return intercept?.(request.clone()) ?? simulator.fetch(request)
      },
    })
    const clock = { aheadMs: 0 }
    const app = createBffApp({
      mode: 'demo',
      catalog: catalogV1,
      upstream,
      ledger: ledger.db,
      publicUrl,
      now: () => Date.now() + clock.aheadMs,
    })
    const call = (path: string, init?: RequestInit) => app.fetch(new Request(`http://studio.test${path}`, init))
    const submit = createRenderSubmitter(ledger.db, upstream)
    const sweeper = createSweeper({ db: ledger.db, upstream, submit, onFinished })
    return { call, calls, sweeper, clock }
  }

  it('records a render before its create goes upstream, and answers a repeat of the key from the record', async () => {
    const { call, calls } = studio()
    const first = await call('/api/v1/requests', post(video(), { 'x-idempotency-key': 'idem-1' }))
    expect(first.status).toBe(202)
    const accepted = await first.json()
    expect(calls).toEqual([{ method: 'POST', path: '/api/v1/requests', inLedgerAlready: true }])

    const again = await call('/api/v1/requests', post(video(), { 'x-idempotency-key': 'idem-1' }))
    expect(await again.json()).toEqual(accepted)
    expect(calls).toHaveLength(1)
    const render = renderSchema.parse(await (await call(`/api/renders/${accepted.render_id}`)).json())
    expect(render).toMatchObject({ requestId: accepted.id, idempotencyKey: 'idem-1', status: 'queued' })
  })

  it('refuses a NUL character, which Postgres cannot keep, with a 400 and nothing forwarded', async () => {
    const { call, calls } = studio()
    const response = await call('/api/v1/requests', post(video('A fox\u0000 in the snow')))
    expect(response.status).toBe(400)
    expect((await response.json()).error.code).toBe('invalid_input')
    expect(calls).toEqual([])
  })

  it('keeps the studio id, parent and relation the browser sends', async () => {
    const { call } = studio()
    const id = crypto.randomUUID()
    const parentId = crypto.randomUUID()
    const headers = {
      'x-idempotency-key': 'idem-2',
      'x-studio-render-id': id,
      'x-studio-parent-id': parentId,
      'x-studio-relation': 'variation',
    }
    expect((await call('/api/v1/requests', post(video(), headers))).status).toBe(202)
    expect(await (await call(`/api/renders/${id}`)).json()).toMatchObject({ id, parentId, relation: 'variation' })
    const bad = await call(
      '/api/v1/requests',
      post(video(), { ...headers, 'x-idempotency-key': 'idem-3', 'x-studio-relation': 'cousin' }),
    )
    expect(bad.status).toBe(400)
  })

  it('answers a finished render from the ledger, and refreshes an unfinished one at most once per poll_after_ms', async () => {
    const { call, calls, clock } = studio()
    const { id } = await (await call('/api/v1/requests', post(video()))).json()
    calls.length = 0
    // Within poll_after_ms of the 202 nobody reaches Cannon; once due, one of fifty pollers does.
    await Promise.all(Array.from({ length: 10 }, () => call(`/api/v1/requests/${id}`)))
    expect(calls).toEqual([])
    clock.aheadMs += 1_000
    const polls = await Promise.all(Array.from({ length: 50 }, () => call(`/api/v1/requests/${id}`)))
    expect(polls.every((p) => p.status === 200)).toBe(true)
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(1)
    expect((await getRenderByRequestId(ledger.db, id))!.status).toBe('succeeded')

    calls.length = 0
    for (let i = 0; i < 5; i++) expect((await (await call(`/api/v1/requests/${id}`)).json()).status).toBe('succeeded')
    expect(calls).toEqual([])
  })

  it('answers a finished render’s polls from memory behind the same host check, access and read limit', async () => {
    const TOKEN = 'fast-poll-token-0123456789'
    const lines: string[] = []
    const app = createBffApp({
      mode: 'demo',
      catalog: catalogV1,
      upstream: createUpstreamClient({
        baseUrl: 'http://simulator.invalid',
        apiKey: 'cs_test_ledger_key',
        fetch: createSimulator({ catalog: catalogV1, timing: { queuedMs: 0, processingMs: 0, pollAfterMs: 0 } }).fetch,
      }),
      ledger: ledger.db,
      accessToken: TOKEN,
      allowedHosts: ['studio.test'],
      readLimiter: createMemoryRateLimiter({ limit: 20, windowMs: 60_000 }),
      clientKey: (request) => request.headers.get('x-test-client') ?? 'anonymous',
      log: createLogger({ write: (line) => lines.push(line), secrets: [TOKEN], level: 'debug' }),
    })
    const call = (path: string, headers: Record<string, string> = {}, host = 'studio.test') =>
      app.fetch(new Request(`http://${host}${path}`, { headers }))
    const bearer = { authorization: `Bearer ${TOKEN}` }
    const created = await app.fetch(
      new Request('http://studio.test/api/v1/requests', post(video(), { ...bearer, 'x-test-client': 'setup' })),
    )
    const { id } = await created.json()
    await vi.waitFor(async () => {
      const polled = await call(`/api/v1/requests/${id}`, { ...bearer, 'x-test-client': 'setup' })
      expect((await polled.json()).status).toBe('succeeded')
    })

    const finished = await call(`/api/v1/requests/${id}`, bearer)
    expect(finished.status).toBe(200)
    expect(finished.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(finished.headers.get('cache-control')).toBe('no-store')
    const logged = lines
      .map((line) => JSON.parse(line))
      .find((l) => l.requestId === finished.headers.get('x-request-id'))
    expect(logged).toMatchObject({ route: '/api/v1/requests/:id', status: 200, upstreamStatus: null })
    expect(await finished.text()).not.toContain('cs_test_ledger_key')

    expect((await call(`/api/v1/requests/${id}`)).status).toBe(401)
    expect((await call(`/api/v1/requests/${id}`, { authorization: 'Bearer wrong' })).status).toBe(401)
    expect(lines.filter((line) => line.includes('access_denied'))).toHaveLength(1)
    expect((await call(`/api/v1/requests/${id}`, bearer, 'evil.example')).status).toBe(421)
    const signIn = await app.fetch(new Request('http://studio.test/api/session', post({ token: TOKEN })))
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!
    expect((await call(`/api/v1/requests/${id}`, { cookie })).status).toBe(200)

    const tab = { ...bearer, 'x-test-client': 'tab' }
    const polls = await Promise.all(Array.from({ length: 25 }, () => call(`/api/v1/requests/${id}`, tab)))
    expect(polls.filter((p) => p.status === 200)).toHaveLength(20)
    expect(polls.find((p) => p.status === 429)!.headers.get('retry-after')).toBeDefined()
  })

  it('lets the sweeper re-send a create that got no 202, with the same key, and follow it to the end', async () => {
    let failCreates = true
    const finished: string[] = []
    const { call, calls, sweeper } = studio(
      (request) => (failCreates && request.method === 'POST' ? new Response('busy', { status: 503 }) : undefined),
      undefined,
      (render) => finished.push(render.status),
    )
    const refused = await call('/api/v1/requests', post(video(), { 'x-idempotency-key': 'idem-busy' }))
    expect(refused.status).toBe(502)
    const [row] = await ledger.db.query<{ status: string; submit_error: string }>(
      `SELECT status, submit_error FROM renders WHERE idempotency_key = 'idem-busy'`,
    )
    expect(row).toMatchObject({ status: 'submitting', submit_error: 'Cannon answered HTTP 503' })

    failCreates = false
    await ledger.db.query(`UPDATE renders SET next_poll_at_ms = 0 WHERE idempotency_key = 'idem-busy'`)
    await sweeper.sweepOnce()
    await expect
      .poll(
        async () =>
          (
            await ledger.db.query<{ request_id: string | null }>(
              `SELECT request_id FROM renders WHERE idempotency_key = 'idem-busy'`,
            )
          )[0]!.request_id,
      )
      .not.toBeNull()
    await ledger.db.query(`UPDATE renders SET next_poll_at_ms = 0 WHERE idempotency_key = 'idem-busy'`)
    await sweeper.sweepOnce()
    await expect
      .poll(
        async () =>
          (
            await ledger.db.query<{ status: string }>(`SELECT status FROM renders WHERE idempotency_key = 'idem-busy'`)
          )[0]!.status,
      )
      .toBe('succeeded')
    const creates = calls.filter((c) => c.method === 'POST')
    expect(creates).toHaveLength(2)
    // What the sweeper finishes is handed on (the take keeper copies its video at once), once the ledger has it.
    await expect.poll(() => finished).toEqual(['succeeded'])
    await sweeper.stop()
  })

  it('records a refusal as a failed render with Cannon’s reason, and never re-sends it', async () => {
    const { call, calls } = studio((request) =>
      request.method === 'POST'
        ? Response.json({ error: { message: 'Not enough credits' } }, { status: 402 })
        : undefined,
    )
    const refused = await call('/api/v1/requests', post(video(), { 'x-idempotency-key': 'idem-402' }))
    expect(refused.status).toBe(402)
    const page = rendersPageSchema.parse(await (await call('/api/renders')).json())
    expect(page.items[0]).toMatchObject({ status: 'failed', errorMessage: 'Not enough credits', requestId: null })
    const [row] = await ledger.db.query<{ next_poll_at_ms: number | null }>(`SELECT next_poll_at_ms FROM renders`)
    expect(row!.next_poll_at_ms).toBeNull()
    expect(calls).toHaveLength(1)
  })

  it('pages the gallery newest first with filters and search, stars, deletes with undo, exports and imports', async () => {
    const { call } = studio()
    for (const prompt of ['A red fox', 'A blue whale', 'A red panda'])
      await call('/api/v1/requests', post(video(prompt)))
    const page = rendersPageSchema.parse(await (await call('/api/renders?limit=2')).json())
    expect(page.items.map((r) => r.input.prompt)).toEqual(['A red panda', 'A blue whale'])
    const rest = rendersPageSchema.parse(await (await call(`/api/renders?limit=2&cursor=${page.next_cursor}`)).json())
    expect(rest.items.map((r) => r.input.prompt)).toEqual(['A red fox'])
    expect(rest.next_cursor).toBeNull()
    const red = rendersPageSchema.parse(await (await call('/api/renders?q=RED')).json())
    expect(red.items).toHaveLength(2)
    expect((await call('/api/renders?cursor=nonsense!')).status).toBe(400)
    expect((await call('/api/renders?limit=0')).status).toBe(400)

    const whale = page.items[1]!
    const patch = (body: unknown) => call(`/api/renders/${whale.id}`, { ...post(body), method: 'PATCH' })
    expect((await (await patch({ favourite: true })).json()).favourite).toBe(true)
    expect((await (await patch({ rating: 'pick' })).json()).rating).toBe('pick')
    expect(rendersPageSchema.parse(await (await call('/api/renders?favourite=true')).json()).items).toHaveLength(1)
    await patch({ deleted: true })
    expect(rendersPageSchema.parse(await (await call('/api/renders')).json()).items).toHaveLength(2)
    await patch({ deleted: false })
    expect(rendersPageSchema.parse(await (await call('/api/renders')).json()).items).toHaveLength(3)
    expect((await patch({ colour: 'red' })).status).toBe(400)
    expect((await patch({ favourite: true, note: 'x'.repeat(70_000) })).status).toBe(413)

    const exported = await call('/api/renders/export')
    expect(exported.headers.get('content-disposition')).toMatch(
      /^attachment; filename="cannon-studio-gallery-\d{4}-\d\d-\d\d\.json"$/,
    )
    const file = await exported.json()
    expect(file).toMatchObject({ kind: 'cannon-studio-gallery', version: 2 })
    expect(file.renders).toHaveLength(3)
    expect(await (await call('/api/renders/import', post(file))).json()).toEqual({ added: 0, skipped: 3 })
    await ledger.db.query('TRUNCATE renders CASCADE')
    expect(await (await call('/api/renders/import', post(file))).json()).toEqual({ added: 3, skipped: 0 })
    expect(await getRender(ledger.db, whale.id)).toMatchObject({ favourite: true, rating: 'pick' })
    expect((await call('/api/renders/import', post({ hello: 1 }))).status).toBe(400)
  })

  it('takes a version 1 browser export once, deduplicated by idempotency key', async () => {
    const { call } = studio()
    const record = {
      localId: crypto.randomUUID(),
      idempotencyKey: 'v1-key',
      requestId: 'req_v1_1',
      input: { model: 'grok', prompt: 'From the old studio', duration: 6 },
      status: 'succeeded',
      createdAtMs: 1_700_000_000_000,
      updatedAtMs: 1_700_000_005_000,
      billableCredits: 24,
      output: { video_url: '/demo/lava-16x9-4s.mp4' },
      favourite: true,
      stale: false,
    }
    const file = { kind: 'cannon-studio-gallery', version: 1, renders: [record, record, { broken: true }] }
    expect(await (await call('/api/renders/import', post(file))).json()).toEqual({ added: 1, skipped: 2 })
    expect(await (await call('/api/renders/import', post(file))).json()).toEqual({ added: 0, skipped: 3 })
    expect(await getRenderByRequestId(ledger.db, 'req_v1_1')).toMatchObject({ id: record.localId, favourite: true })
  })

  it('gives Cannon a per-render webhook URL, whose call only makes the render due', async () => {
    const bodies: string[] = []
    const { call } = studio((request) => {
      if (request.method === 'POST') void request.text().then((t) => bodies.push(t))
      return undefined
    }, 'https://studio.example.com')
    const { render_id } = await (await call('/api/v1/requests', post(video()))).json()
    await expect.poll(() => bodies.length).toBe(1)
    const webhook = JSON.parse(bodies[0]!).webhook_url as string
    expect(webhook).toMatch(/^https:\/\/studio\.example\.com\/api\/hooks\/[\w-]{32}$/)
    await ledger.db.query(`UPDATE renders SET next_poll_at_ms = $2 WHERE id = $1`, [render_id, Date.now() + 60_000])
    const hook = await call(new URL(webhook).pathname, { method: 'POST', body: '{"status":"succeeded","lie":true}' })
    expect(hook.status).toBe(204)
    const [row] = await ledger.db.query<{ next_poll_at_ms: number; status: string }>(
      'SELECT next_poll_at_ms, status FROM renders WHERE id = $1',
      [render_id],
    )
    expect(row!.next_poll_at_ms).toBeLessThanOrEqual(Date.now())
    expect(row!.status).not.toBe('succeeded')
    expect((await call('/api/hooks/not-a-token', { method: 'POST' })).status).toBe(204)
  })

  it('keeps sessions in the ledger: a sign-in works on every instance and a sign-out ends it on all', async () => {
    const instance = () => {
      const upstream = createUpstreamClient({
        baseUrl: 'http://x.invalid',
        apiKey: 'cs_test_key',
        fetch: async () => new Response(null, { status: 503 }),
      })
      const app = createBffApp({
        mode: 'demo',
        catalog: catalogV1,
        upstream,
        ledger: ledger.db,
        accessToken: 'ledger-session-token-0123',
      })
      return (path: string, init?: RequestInit) => app.fetch(new Request(`http://studio.test${path}`, init))
    }
    const [a, b] = [instance(), instance()]
    const signIn = await a('/api/session', post({ token: 'ledger-session-token-0123' }))
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!
    expect((await b('/api/catalog', { headers: { cookie } })).status).toBe(200)
    const [row] = await ledger.db.query<{ digest: string }>('SELECT digest FROM sessions')
    expect(row!.digest).not.toContain(cookie.split('=')[1]!)
    expect((await b('/api/session', { method: 'DELETE', headers: { cookie } })).status).toBe(204)
    expect((await a('/api/catalog', { headers: { cookie } })).status).toBe(401)
  })
})
