import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fidelitySchema } from '@/catalog/fidelity-contract'
import { catalogV1 } from '@/catalog/models-v1'
import { createBffApp } from './app'
import { startFakeUpstream, type FakeUpstream } from './fake-upstream'
import type { LogRecord } from './logger'
import { createUpstreamClient } from './upstream'
import { createUpstreamFidelity } from './upstream-fidelity'

const KEY = 'cs_live_fidelity_key_77aa'
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./catalog-check/fixtures/${name}`, import.meta.url), 'utf8'))
let fake: FakeUpstream

beforeAll(async () => {
  fake = await startFakeUpstream()
})
afterAll(() => fake.close())
beforeEach(() => {
  fake.calls.length = 0
  fake.respondWith(() => undefined)
  fake.world.openApi = undefined
  fake.world.scopes = ['requests:write', 'requests:read']
})

/** The background check as the studio starts it in live mode, against the fake, with its log kept. */
function watch(apiBase = fake.origin, timeoutMs = 2_000) {
  const log: LogRecord[] = []
  const upstream = createUpstreamClient({
    baseUrl: apiBase,
    apiKey: KEY,
    timeoutMs,
    retryDelaysMs: [],
    fetch: (r) => fetch(r),
  })
  const fidelity = createUpstreamFidelity({
    mode: 'live',
    catalog: catalogV1,
    upstream,
    apiBase,
    apiKey: KEY,
    log: (record) => log.push(record),
    timeoutMs,
  })
  return { fidelity, log, upstream }
}

describe('the catalog check at start', () => {
  it('logs a difference and serves it to browsers at /api/fidelity', async () => {
    fake.world.openApi = fixture('differs-ranges-3.1.json')
    const { fidelity, log, upstream } = watch()
    expect(fidelity.current().catalogCheck.state).toBe('pending')
    await fidelity.start()
    const call = fake.calls.find((c) => c.path === '/api/v1/openapi')
    expect(call?.headers['x-api-key']).toBe(KEY)
    expect(log).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        msg: 'catalog_differs',
        differences: expect.arrayContaining(['wan27video: duration: the catalog allows 2–15, Cannon 2–10']),
      }),
    )
    const app = createBffApp({ mode: 'live', catalog: catalogV1, upstream, upstreamFidelity: fidelity.current })
    const served = fidelitySchema.parse(await (await app.fetch(new Request('http://studio.test/api/fidelity'))).json())
    expect(served.catalogCheck).toMatchObject({ state: 'differs', message: expect.stringContaining('for 2 models') })
    expect(served.catalogCheck.differences).toHaveLength(2)
  })

  it('says nothing more when the catalog matches', async () => {
    fake.world.openApi = fixture('matches-3.0.json')
    const { fidelity, log } = watch()
    await fidelity.start()
    expect(fidelity.current().catalogCheck).toMatchObject({ state: 'matches', differences: [] })
    expect(log).toEqual([])
  })

  it.each([
    ['a malformed document', () => (fake.world.openApi = fixture('malformed-3.1.json')), /leads nowhere/],
    ['no document (404)', () => {}, /answered HTTP 404/],
    [
      'a body that is not JSON',
      () =>
        fake.respondWith((c) => (c.path === '/api/v1/openapi' ? { status: 200, body: '{"openapi": "3.1' } : undefined)),
      /did not answer JSON/,
    ],
    [
      'a document too slow to come',
      () =>
        fake.respondWith((c) => (c.path === '/api/v1/openapi' ? { status: 200, body: {}, delayMs: 1_500 } : undefined)),
      /did not answer in time/,
    ],
  ])('is a warning, tried once, on %s', async (_, arrange, reason) => {
    arrange()
    const { fidelity, log } = watch(fake.origin, 500)
    await fidelity.start()
    expect(fidelity.current().catalogCheck).toMatchObject({ state: 'warning', message: expect.stringMatching(reason) })
    expect(log).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'catalog_check_failed' }))
    expect(fake.calls.filter((c) => c.path === '/api/v1/openapi')).toHaveLength(1)
  })

  it('is a warning, never a crash, when Cannon cannot be reached at all', async () => {
    const { fidelity } = watch('http://127.0.0.1:9', 500)
    await expect(fidelity.start()).resolves.toBeUndefined()
    expect(fidelity.current().catalogCheck).toMatchObject({
      state: 'warning',
      message: expect.stringMatching(/could not be reached/),
    })
    expect(fidelity.current().keyScopes.missing).toEqual([])
  })

  it('checks nothing in demo mode', async () => {
    const upstream = createUpstreamClient({ baseUrl: fake.origin, apiKey: KEY, fetch: (r) => fetch(r) })
    const fidelity = createUpstreamFidelity({ mode: 'demo', catalog: catalogV1, upstream })
    await fidelity.start()
    expect(fidelity.current().catalogCheck.state).toBe('off')
    expect(fake.calls).toEqual([])
  })
})

describe("the key's scopes at start", () => {
  it('announces a key without requests:write, in the log and to browsers', async () => {
    fake.world.scopes = ['requests:read']
    const { fidelity, log } = watch()
    await fidelity.start()
    expect(fidelity.current().keyScopes).toEqual({
      missing: ['requests:write'],
      message: expect.stringContaining('lacks the requests:write scope'),
    })
    expect(log).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: 'key_scope_missing', scopes: 'requests:read' }),
    )
  })

  it('says nothing of a key that may write', async () => {
    const { fidelity } = watch()
    await fidelity.start()
    expect(fidelity.current().keyScopes).toEqual({ missing: [], message: null })
  })
})
