import { expect, test } from '@playwright/test'
import { creditsRefusalSchema, spendSchema } from '../src/catalog/credits-contract'
import { rendersPageSchema, type Render } from '../src/catalog/render-contract'
import { startFakeUpstream, type FakeUpstream, type RecordedCall } from '../src/server/fake-upstream'
import { startBuiltStudio } from './built-studio'
import { CREDITS_PORT } from './ports'

/*
 * Credits and people against the built studio in live mode, in front of a recording fake Cannon: two people
 * with their own tokens, a daily cap that refuses before anything reaches Cannon, and spend that adds up.
 */
const ANA = 'ana-e2e-token-0123456789'
const BEN = 'ben-e2e-token-0123456789'
let fake: FakeUpstream

test.beforeAll(async () => {
  fake = await startFakeUpstream()
})
test.afterAll(() => fake.close())

/** Cannon as the fake plays it: every render has succeeded by its first poll, billed 48 credits. */
function succeedsAt48(call: RecordedCall) {
  const id = /^\/api\/v1\/requests\/(\w+)$/.exec(call.path)?.[1]
  if (call.method !== 'GET' || !id) return undefined
  const output = { video_url: `https://storage.example.com/${id}.mp4` }
  return { status: 200, body: { id, operation: 'video.generate', status: 'succeeded', billableCredits: 48, output } }
}

test('named tokens sign renders, the daily cap refuses before Cannon, and spend adds up', async () => {
  test.setTimeout(150_000)
  fake.respondWith(succeedsAt48)
  const studio = await startBuiltStudio(CREDITS_PORT, {
    CANNON_API_KEY: 'cs_live_credits_e2e_4d2a',
    CANNON_API_BASE: fake.origin,
    STUDIO_ACCESS_TOKENS: `ana:${ANA},ben:${BEN}`,
    STUDIO_DAILY_CREDIT_CAP: '100',
    STUDIO_KEEP_TAKES: 'false',
  })
  const as = (token: string) => ({ authorization: `Bearer ${token}` })
  const api = (path: string, token: string) => fetch(`${studio.origin}${path}`, { headers: as(token) })
  const create = (token: string, prompt: string) =>
    fetch(`${studio.origin}/api/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...as(token) },
      body: JSON.stringify({ operation: 'video.generate', input: { model: 'grok', prompt, duration: 6 } }),
    })
  const renders = async (query: string, token: string): Promise<Render[]> =>
    rendersPageSchema.parse(await (await api(`/api/renders?${query}`, token)).json()).items
  const finished = async (token: string) => (await renders('', token)).every((r) => r.status === 'succeeded')

  try {
    // Nothing is known of grok's price yet: the first create goes through below the cap, and its bill teaches the rest.
    expect((await create(ANA, 'A lighthouse in fog')).status).toBe(202)
    await expect.poll(() => finished(ANA), { timeout: 30_000 }).toBe(true)
    expect((await create(BEN, 'A harbour at dawn')).status).toBe(202) // 48 + 48 = 96 of 100
    await expect.poll(() => finished(BEN), { timeout: 30_000 }).toBe(true)

    const refused = await create(ANA, 'One too many')
    expect(refused.status).toBe(402)
    const { error } = creditsRefusalSchema.parse(await refused.json())
    expect(error).toMatchObject({ code: 'daily_cap', credits: { spent: 96, cap: 100, estimate: 48 } })
    expect(error.message).toContain('today (UTC) 96 credits are spent')
    expect(fake.calls.filter((c) => c.method === 'POST')).toHaveLength(2)

    expect((await renders('author=ana', BEN)).map((r) => [r.input.prompt, r.author, r.authorVerified])).toEqual([
      ['A lighthouse in fog', 'ana', true],
    ])
    expect((await renders('mine=true', BEN)).map((r) => r.author)).toEqual(['ben'])

    const day = new Date().toISOString().slice(0, 10)
    const spend = spendSchema.parse(await (await api(`/api/spend?from=${day}&to=${day}`, ANA)).json())
    const all = await renders('', ANA)
    expect(spend.total.credits).toBe(all.reduce((sum, r) => sum + (r.billableCredits ?? 0), 0))
    expect(spend.total).toMatchObject({ renders: 2, credits: 96, succeededCredits: 96, failedCredits: 0 })
    expect(spend.byAuthor.map((r) => [r.key, r.credits])).toEqual([
      ['ana', 48],
      ['ben', 48],
    ])
    const csv = await api(`/api/spend?from=${day}&to=${day}&format=csv`, ANA)
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(await csv.text()).toContain('model,grok,2,96,2,96,0,0')
  } finally {
    await studio.stop()
  }
})
