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

/** Live mode before the fake: Ana and Ben with their own tokens, a daily cap of 100, bills of 48. */
function startCapped() {
  fake.respondWith(succeedsAt48)
  return startBuiltStudio(CREDITS_PORT, {
    CANNON_API_KEY: 'cs_live_credits_e2e_4d2a',
    CANNON_API_BASE: fake.origin,
    STUDIO_ACCESS_TOKENS: `ana:${ANA},ben:${BEN}`,
    STUDIO_DAILY_CREDIT_CAP: '100',
    STUDIO_KEEP_TAKES: 'false',
  })
}

test('named tokens sign renders, the daily cap refuses before Cannon, and spend adds up', async () => {
  test.setTimeout(150_000)
  const studio = await startCapped()
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

test('in the studio: a signed-in person, the cap refusal at the render, and a Spend view that matches the ledger', async ({
  browser,
}) => {
  test.setTimeout(150_000)
  const studio = await startCapped()
  const page = await browser.newPage({ baseURL: studio.origin })
  const posts = () => fake.calls.filter((c) => c.method === 'POST').length
  const postsBefore = posts()
  try {
    await page.goto('/')
    await page.getByLabel('Access token').fill(ANA)
    await page.getByRole('button', { name: 'Sign in' }).click()
    const items = page.getByRole('region', { name: 'Gallery' }).getByRole('listitem')
    for (const [n, prompt] of ['A lighthouse in fog', 'A harbour at dawn'].entries()) {
      await page.getByLabel('Prompt', { exact: true }).fill(prompt)
      await page.getByRole('button', { name: 'Generate' }).click()
      await expect(items.filter({ hasText: prompt }).getByText('Succeeded', { exact: true })).toBeVisible({
        timeout: 30_000,
      })
      expect(posts()).toBe(postsBefore + n + 1)
    }
    // Two bills of 48 are history now: the third is estimated at 48, and 96 + 48 passes the cap of 100.
    await expect(page.getByTestId('estimate')).toHaveText(/^≈ 48 credits/)
    await page.getByLabel('Prompt', { exact: true }).fill('One too many')
    await page.getByRole('button', { name: 'Generate' }).click()
    await expect(items.filter({ hasText: 'One too many' })).toContainText("The studio's daily cap of 100 credits")
    expect(posts()).toBe(postsBefore + 2)

    await page.getByRole('button', { name: /credits/ }).click()
    await expect(page.getByRole('region', { name: 'Credits and you' })).toContainText('Signed in as ana')
    await page.getByRole('button', { name: 'Spend by day, model and person' }).click()
    const view = page.getByRole('dialog', { name: 'Spend' })
    const day = new Date().toISOString().slice(0, 10)
    const ledger = spendSchema.parse(
      await (
        await fetch(`${studio.origin}/api/spend?from=${day}&to=${day}`, { headers: { authorization: `Bearer ${ANA}` } })
      ).json(),
    )
    const totals = view.getByRole('definition')
    await expect(totals).toHaveText([
      String(ledger.total.credits),
      String(ledger.total.renders),
      String(ledger.total.succeededCredits),
      String(ledger.total.failedCredits),
    ])
    expect(ledger.total.credits).toBe(96)
    await expect(view.getByRole('table', { name: 'By person' }).getByRole('row', { name: /^ana/ })).toContainText('96')
    await expect(view.getByRole('img', { name: /Credits per day, .* 96 in all/ })).toBeVisible()

    const csvLink = view.getByRole('link', { name: 'Download CSV' })
    const fromApi = await page.request.get((await csvLink.getAttribute('href'))!)
    expect(await fromApi.text()).toContain('author,ana,2,96,2,96,0,0')
    const download = page.waitForEvent('download')
    await csvLink.click()
    const file = await (await download).createReadStream()
    const chunks: Buffer[] = []
    for await (const chunk of file) chunks.push(chunk as Buffer)
    expect(Buffer.concat(chunks).toString()).toBe(await fromApi.text())
  } finally {
    await page.close()
    await studio.stop()
  }
})
