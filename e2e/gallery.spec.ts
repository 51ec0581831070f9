import type { APIRequestContext } from '@playwright/test'
import { startBuiltStudio } from './built-studio'
import { chooseModel } from './choose-model'
import { expect, test } from './fresh-studio'
import { finishedRender, gallery, galleryFile, seedLedger } from './gallery-seed'
import { CREDITS_PORT } from './ports'

const now = Date.now()

/** A render as the studio's own export (version 2) writes it: `minutesAgo` old, finished in `tookS` seconds. */
function ledgerRender(id: string, input: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const { minutesAgo = 10, tookS = 40, ...rest } = extra as { minutesAgo?: number; tookS?: number }
  const createdAtMs = now - (minutesAgo as number) * 60_000
  return {
    id,
    idempotencyKey: `key-${id}`,
    requestId: `req_${id.replace(/\W/g, '')}`,
    input: { duration: 6, aspect_ratio: '16:9', resolution: '720p', ...input },
    status: 'succeeded',
    createdAtMs,
    startedAtMs: createdAtMs + 1000,
    completedAtMs: createdAtMs + (tookS as number) * 1000,
    billableCredits: 30,
    output: { video_url: '/demo/lava-16x9-4s.mp4', duration: 4, aspect_ratio: '16:9' },
    ...rest,
  }
}

async function seed(request: APIRequestContext, renders: object[]) {
  const response = await request.post('/api/renders/import', { data: galleryFile(renders, 2) })
  expect(await response.json()).toEqual({ added: renders.length, skipped: 0 })
}

const items = (page: Parameters<typeof gallery>[0]) => gallery(page).getByRole('listitem')

test('search finds every word in any order, in the prompt and in the model’s name', async ({ page }) => {
  await seed(page.request, [
    ledgerRender('market', { model: 'grok', prompt: 'Night market in Tokyo' }, { minutesAgo: 1 }),
    ledgerRender('tower', { model: 'sora2', prompt: 'Tokyo tower at noon', duration: 4 }, { minutesAgo: 2 }),
    ledgerRender('kyoto', { model: 'veo31', prompt: 'A night in Kyoto', duration: 8 }, { minutesAgo: 3 }),
  ])
  await page.goto('/')
  await expect(items(page)).toHaveCount(3)
  const search = gallery(page).getByLabel('Search renders')
  const shown = async (text: string, expected: string[]) => {
    await search.fill(text)
    await expect(items(page)).toHaveText(expected.map((prompt) => new RegExp(prompt)))
  }
  await shown('tokyo night', ['Night market in Tokyo'])
  await shown('NIGHT', ['Night market in Tokyo', 'A night in Kyoto'])
  await shown('grok', ['Night market in Tokyo'])
  await shown('tokyo sora', ['Tokyo tower at noon'])
  await shown('veo 3.1', ['A night in Kyoto'])
  await shown('tokyo kyoto', [])
  await expect(gallery(page)).toContainText('No render matches these filters.')
  await shown('', ['Night market in Tokyo', 'Tokyo tower at noon', 'A night in Kyoto'])
})

test('re-runs and variations stack into one card with their total, which opens to show them', async ({ page }) => {
  const fox = { model: 'seedance2', prompt: 'A fox crossing fresh snow', duration: 5 }
  await seed(page.request, [
    ledgerRender('fox-0', fox, { minutesAgo: 9, billableCredits: 50 }),
    ledgerRender('fox-v1', fox, { minutesAgo: 5, parentId: 'fox-0', relation: 'variation', billableCredits: 60 }),
    ledgerRender('fox-v2', fox, { minutesAgo: 4, parentId: 'fox-0', relation: 'variation', billableCredits: 70 }),
    ledgerRender('fox-r', fox, { minutesAgo: 3, parentId: 'fox-v1', relation: 'rerun', billableCredits: 80 }),
    ledgerRender('owl', { model: 'grok', prompt: 'An owl at dusk' }, { minutesAgo: 1 }),
  ])
  await page.goto('/')
  const stack = gallery(page).getByRole('listitem', { name: 'Group of 4 takes: A fox crossing fresh snow' })
  await expect(items(page)).toHaveCount(2)
  await expect(stack).toContainText('4 takes')
  await expect(stack).toContainText('260 credits in all')
  await stack.getByRole('button', { name: 'Open group' }).click()
  await expect(items(page)).toHaveCount(6)
  await expect(stack.getByRole('button', { name: 'Close group' })).toHaveAttribute('aria-expanded', 'true')
  // The ledger's sum of the lineage (the first render and all made from it) beside the sum of those shown.
  await expect(stack).toContainText('lineage 260 credits · 4 renders')
  await expect(items(page).nth(2)).toContainText('80 credits')
  await expect(items(page).nth(5)).toContainText('50 credits')
  // The keyboard opens and closes it too, and moves into its takes.
  await stack.getByRole('button', { name: 'Close group' }).click()
  await expect(items(page)).toHaveCount(2)
  await stack.focus()
  await page.keyboard.press('Enter')
  await expect(items(page)).toHaveCount(6)
  await page.keyboard.press('ArrowRight')
  await expect(items(page).nth(2)).toBeFocused()
})

test('a create answered 429 shows Waiting with the reason and a countdown, never Queued, then goes on', async ({
  page,
}) => {
  let refused = 0
  await page.route('**/api/v1/requests', async (route) => {
    if (route.request().method() !== 'POST' || refused >= 1) return route.fallback()
    refused += 1
    await route.fulfill({
      status: 429,
      headers: { 'retry-after': '3' },
      json: { error: { code: 'rate_limited', message: 'Too many renders started; try again in 3 s' } },
    })
  })
  await page.goto('/')
  await chooseModel(page, 'Grok')
  await page.getByLabel('Prompt', { exact: true }).fill('A crowded pier at noon')
  await page.getByRole('button', { name: 'Generate' }).click()
  const item = items(page).filter({ hasText: 'A crowded pier at noon' })
  await expect(item.getByText('Waiting', { exact: true })).toBeVisible()
  await expect(item).toContainText('Too many renders started; try again in 3 s')
  await expect(item).toContainText(/retrying in \d s/)
  await expect(item.getByText('Queued', { exact: true })).toHaveCount(0)
  await expect(item.getByText('Succeeded', { exact: true })).toBeVisible()
  expect(refused).toBe(1)
})

test('a pending render shows a progress bar: an estimate from past renders like it, else indeterminate', async ({
  page,
}) => {
  // Held before Cannon's answer, so the render stays pending while the test looks at it.
  let release: () => void = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/v1/requests', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback()
    await held
    await route.fallback()
  })
  await seed(page.request, [
    ledgerRender('past-1', { model: 'grok', prompt: 'Past take one', duration: 6 }, { tookS: 60 }),
    ledgerRender('past-2', { model: 'grok', prompt: 'Past take two', duration: 6 }, { tookS: 80 }),
  ])
  await page.goto('/')
  await chooseModel(page, 'Grok')
  await page.getByLabel('Prompt', { exact: true }).fill('Rain on a tin roof')
  await page.getByRole('radio', { name: '6 s', exact: true }).click()
  await page.getByRole('button', { name: 'Generate' }).click()
  const pending = items(page).filter({ hasText: 'Rain on a tin roof' })
  const bar = pending.getByRole('progressbar', { name: 'Render progress (estimate)' })
  await expect(bar).toHaveAttribute('aria-valuenow', /^\d+$/)
  await expect(pending).toContainText(/about \d+ s left \(estimate\)/)

  // No render of Grok at 10 s has finished here: the bar cannot say how far along it is.
  await page.getByRole('radio', { name: '10 s', exact: true }).click()
  await page.getByLabel('Prompt', { exact: true }).fill('Hail on a tin roof')
  await page.getByRole('button', { name: 'Generate' }).click()
  const unknown = items(page).filter({ hasText: 'Hail on a tin roof' })
  await expect(unknown.getByRole('progressbar')).toBeVisible()
  await expect(unknown.getByRole('progressbar')).not.toHaveAttribute('aria-valuenow')
  await expect(unknown).toContainText(/\d+ s so far/)
  release()
  await expect(pending.getByText('Succeeded', { exact: true })).toBeVisible()
  await expect(pending.getByRole('progressbar')).toHaveCount(0)
  await expect(pending).toContainText(/rendered in \d+ s/)
})

test('the gallery filters by person and Mine, and says who made each take', async ({ page }) => {
  await seed(page.request, [
    ledgerRender('ana-1', { model: 'grok', prompt: 'Ana’s harbour' }, { minutesAgo: 1, author: 'Ana' }),
    ledgerRender('ben-1', { model: 'grok', prompt: 'Ben’s mountain' }, { minutesAgo: 2, author: 'Ben' }),
    ledgerRender('ana-2', { model: 'grok', prompt: 'Ana’s lighthouse' }, { minutesAgo: 3, author: 'Ana' }),
    ledgerRender('nobody', { model: 'grok', prompt: 'Nobody’s field' }, { minutesAgo: 4 }),
  ])
  await page.goto('/')
  const who = gallery(page).getByLabel('Filter by person')
  await expect(items(page)).toHaveCount(4)
  // Without a name this browser has no renders of its own to show.
  await expect(who.locator('option')).toHaveText(['Everyone', 'Ana (self-declared)', 'Ben (self-declared)'])
  const ben = items(page).filter({ hasText: 'Ben’s mountain' })
  await expect(ben.getByText('by Ben')).toHaveAttribute('title', /self-declared/)

  await who.selectOption({ label: 'Ana (self-declared)' })
  await expect(items(page)).toHaveText([/Ana’s harbour/, /Ana’s lighthouse/])
  await who.selectOption({ label: 'Everyone' })
  await expect(items(page)).toHaveCount(4)

  // With a display name (sent as x-studio-author), Mine shows the renders under that name.
  await page.evaluate(() => localStorage.setItem('cannon-studio:display-name', 'Ben'))
  await page.reload()
  await who.selectOption({ label: 'Mine (Ben)' })
  await expect(items(page)).toHaveText([/Ben’s mountain/])
})

test('with their own tokens, people are named (not self-declared), and Mine is the signed-in person’s', async ({
  page,
}) => {
  const [ana, ben] = ['ana-gallery-token-0123456789', 'ben-gallery-token-0123456789']
  // credits.spec.ts's port: its studio lives only within its own test, and specs run one at a time.
  const studio = await startBuiltStudio(CREDITS_PORT, { STUDIO_ACCESS_TOKENS: `Ana:${ana},Ben:${ben}` })
  try {
    for (const [token, prompt] of [
      [ana, 'Ana’s harbour'],
      [ben, 'Ben’s mountain'],
    ]) {
      const create = await page.request.post(`${studio.origin}/api/v1/requests`, {
        headers: { authorization: `Bearer ${token}`, 'x-idempotency-key': crypto.randomUUID() },
        data: { operation: 'video.generate', input: { model: 'grok', prompt, duration: 6 } },
      })
      expect(create.status()).toBe(202)
    }
    expect((await page.request.post(`${studio.origin}/api/session`, { data: { token: ben } })).status()).toBe(204)
    await page.goto(studio.origin)
    const who = gallery(page).getByLabel('Filter by person')
    await expect(items(page)).toHaveCount(2)
    await expect(who.locator('option')).toHaveText(['Everyone', 'Mine (Ben)', 'Ana', 'Ben'])
    await expect(items(page).filter({ hasText: 'Ana’s harbour' }).getByText('by Ana')).toHaveAttribute(
      'title',
      'Ana (signed in with their own token)',
    )
    await who.selectOption({ label: 'Mine (Ben)' })
    await expect(items(page)).toHaveText([/Ben’s mountain/])
    await who.selectOption({ label: 'Ana' })
    await expect(items(page)).toHaveText([/Ana’s harbour/])
  } finally {
    await studio.stop()
  }
})

test('in a column that scrolls on its own, the grid still draws only the cards near the view, down to the oldest', async ({
  page,
}) => {
  const boat = { model: 'sora2', duration: 4, aspect_ratio: '16:9', resolution: '720p' }
  await seedLedger(
    page.request,
    Array.from({ length: 300 }, (_, i) => finishedRender(i, { ...boat, prompt: `Column take ${i}` })),
  )
  await page.goto('/')
  await expect(items(page).first()).toContainText('Column take 0')
  // The gallery's own scrolling column, as the studio's shell lays it out beside the composer.
  const column = await gallery(page).evaluateHandle((section) => {
    const parent = section.parentElement!
    parent.style.overflowY = 'auto'
    parent.style.height = '600px'
    return parent
  })
  const oldest = gallery(page).getByText('Column take 299', { exact: true })
  await expect(async () => {
    await column.evaluate((element) => element.scrollTo(0, element.scrollHeight))
    await expect(oldest).toBeVisible({ timeout: 100 })
  }).toPass({ timeout: 30_000, intervals: [100] })
  expect(await items(page).count()).toBeLessThan(60)
  await expect(items(page).first()).toHaveAttribute('aria-setsize', '300')
  expect(await page.evaluate(() => window.scrollY)).toBe(0)
})
