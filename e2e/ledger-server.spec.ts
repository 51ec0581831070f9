import { expect, test } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rendersPageSchema, type Render } from '../src/catalog/render-contract'
import { startFakeUpstream, type FakeUpstream, type RecordedCall } from '../src/server/fake-upstream'
import { createScratchDatabase, startTestPostgres, type TestPostgres } from '../src/ledger/test-postgres'
import { startBuiltStudio } from './built-studio'
import { LEDGER_PORT, LEDGER_SECOND_PORT } from './ports'

/*
 * The ledger against the built studio in live mode, in front of a recording fake Cannon on loopback: a crash
 * between the ledger write and the 202, renders followed with no browser open, and two studio processes
 * sharing one Postgres.
 */
const KEY = 'cs_live_ledger_e2e_5b7d9f'
let fake: FakeUpstream

test.beforeAll(async () => {
  fake = await startFakeUpstream()
})
test.afterAll(() => fake.close())
test.beforeEach(() => {
  fake.calls.length = 0
  fake.respondWith(() => undefined)
})

const live = (extra: Record<string, string> = {}) => ({ CANNON_API_KEY: KEY, CANNON_API_BASE: fake.origin, ...extra })
const create = (origin: string, prompt: string, key: string = crypto.randomUUID()) =>
  fetch(`${origin}/api/v1/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-idempotency-key': key },
    body: JSON.stringify({ operation: 'video.generate', input: { model: 'grok', prompt, duration: 6 } }),
  })
const gallery = async (origin: string): Promise<Render[]> =>
  rendersPageSchema.parse(await (await fetch(`${origin}/api/renders`)).json()).items

/** Cannon as the fake plays it: each request processes for `polls` polls, then succeeds. */
function finishesAfter(polls: number) {
  const seen = new Map<string, number>()
  return (call: RecordedCall) => {
    const id = /^\/api\/v1\/requests\/(\w+)$/.exec(call.path)?.[1]
    if (call.method !== 'GET' || !id) return undefined
    const count = (seen.get(id) ?? 0) + 1
    seen.set(id, count)
    const done = count > polls
    return {
      status: 200,
      body: {
        id,
        operation: 'video.generate',
        status: done ? 'succeeded' : 'processing',
        billableCredits: 48,
        output: done ? { video_url: `https://storage.example.com/${id}.mp4` } : null,
      },
    }
  }
}

test('a crash between the ledger write and the 202 leaves one render, which the sweeper sends again and finishes', async () => {
  test.setTimeout(90_000)
  const dataDir = mkdtempSync(join(tmpdir(), 'studio-crash-'))
  const first = await startBuiltStudio(LEDGER_PORT, live({ STUDIO_DATA_DIR: dataDir }))
  fake.respondWith((call) => (call.method === 'POST' ? { status: 202, body: {}, delayMs: 120_000 } : undefined))
  const pending = create(first.origin, 'A lighthouse in a storm', 'crash-key-1').catch(() => undefined)
  await expect.poll(() => fake.calls.filter((c) => c.method === 'POST').length).toBe(1)
  await first.crash() // the create is recorded and at Cannon, its 202 never came back
  await pending

  const respond = finishesAfter(2)
  fake.respondWith(respond)
  const second = await startBuiltStudio(LEDGER_PORT, live({ STUDIO_DATA_DIR: dataDir }))
  try {
    await expect
      .poll(async () => (await gallery(second.origin)).map((r) => r.status), { timeout: 30_000 })
      .toEqual(['succeeded'])
    const [render] = await gallery(second.origin)
    expect(render).toMatchObject({ idempotencyKey: 'crash-key-1', requestId: 'req_fake_1', billableCredits: 48 })
    const creates = fake.calls.filter((c) => c.method === 'POST')
    expect(creates.map((c) => c.headers['x-idempotency-key'])).toEqual(['crash-key-1', 'crash-key-1'])
  } finally {
    await second.stop()
  }
})

test('with no browser open, the studio follows a render to its end', async () => {
  fake.respondWith(finishesAfter(3))
  const studio = await startBuiltStudio(LEDGER_PORT, live())
  try {
    expect((await create(studio.origin, 'Nobody watches this one')).status).toBe(202)
    await expect.poll(async () => (await gallery(studio.origin))[0]?.status, { timeout: 30_000 }).toBe('succeeded')
    // Polls of the render only: a live studio also reads Cannon's OpenAPI document and key status at start.
    const polls = fake.calls.filter((c) => c.method === 'GET' && c.path.startsWith('/api/v1/requests/'))
    expect(polls.length).toBe(4)
  } finally {
    await studio.stop()
  }
})

test.describe('two studio processes on one Postgres', () => {
  let postgres: TestPostgres
  test.beforeAll(async () => {
    postgres = await startTestPostgres()
  })
  test.afterAll(() => postgres?.stop())

  test('share the gallery, the sweeping (one poller per render at a time) and the create limit', async () => {
    test.setTimeout(90_000)
    const url = await createScratchDatabase(postgres.url, 'e2e')
    const shared = live({ DATABASE_URL: url, STUDIO_CREATE_RATE_LIMIT: '4/60s' })
    const [a, b] = await Promise.all([
      startBuiltStudio(LEDGER_PORT, shared),
      startBuiltStudio(LEDGER_SECOND_PORT, shared),
    ])
    const pollTimes = new Map<string, number[]>()
    const respond = finishesAfter(4)
    fake.respondWith((call) => {
      const id = /^\/api\/v1\/requests\/(\w+)$/.exec(call.path)?.[1]
      if (id && call.method === 'GET') pollTimes.set(id, [...(pollTimes.get(id) ?? []), Date.now()])
      return respond(call)
    })
    try {
      const statuses = []
      for (const [studio, prompt] of [
        [a, 'one'],
        [a, 'two'],
        [b, 'three'],
        [b, 'four'],
        [a, 'five'],
      ] as const) {
        statuses.push((await create(studio.origin, prompt)).status)
      }
      expect(statuses).toEqual([202, 202, 202, 202, 429])

      expect((await gallery(b.origin)).map((r) => r.input.prompt)).toEqual(['four', 'three', 'two', 'one'])
      await expect
        .poll(async () => (await gallery(a.origin)).every((r) => r.status === 'succeeded'), { timeout: 45_000 })
        .toBe(true)
      expect(pollTimes.size).toBe(4)
      for (const [id, times] of pollTimes) {
        expect(times.length, id).toBe(5)
        // Claimed through SKIP LOCKED and the poll slot: never two polls of one render closer than poll_after_ms.
        for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!, id).toBeGreaterThanOrEqual(900)
      }
    } finally {
      await Promise.all([a.stop(), b.stop()])
    }
  })
})
