import type { Page } from '@playwright/test'
import { expect, test } from './fresh-studio'
import { finishedRender, gallery, ledgerRenders, seedIndexedDb } from './gallery-seed'
import { chooseModel } from './choose-model'

const prompt = (page: Page) => page.getByLabel('Prompt', { exact: true })
const isCreate = (method: string, url: string) => method === 'POST' && url.endsWith('/api/v1/requests')
const items = (page: Page) => gallery(page).getByRole('listitem')

async function generate(page: Page, text: string) {
  await chooseModel(page, 'Sora 2')
  await prompt(page).fill(text)
  await page.getByRole('button', { name: 'Generate' }).click()
}

/** The window regains focus, which is when an idle gallery reads the ledger's newest page again. */
async function refocus(page: Page) {
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })))
}

/** Refocuses `page` until `check` passes: the newest page is read again at most every 2 s. */
const onFocus = (page: Page, check: () => Promise<void>) =>
  expect(async () => {
    await refocus(page)
    await check()
  }).toPass({ timeout: 20_000, intervals: [500, 1000] })

test('two browsers on one studio see one gallery: each render once, with its favourite and delete', async ({
  page: a,
  browser,
  baseURL,
}) => {
  const b = await (await browser.newContext({ baseURL })).newPage()
  await a.goto('/')
  await b.goto('/')
  await expect(gallery(b)).toContainText('Your renders will appear here.')

  await generate(a, 'A lighthouse seen from two browsers')
  const inA = items(a).filter({ hasText: 'A lighthouse seen from two browsers' })
  const inB = items(b).filter({ hasText: 'A lighthouse seen from two browsers' })
  await onFocus(b, () => expect(inB).toHaveCount(1, { timeout: 1000 }))
  // B follows it too, without a reload, to its end.
  await expect(inB.getByText('Succeeded', { exact: true })).toBeVisible()
  await expect(inA.getByText('Succeeded', { exact: true })).toBeVisible()

  await generate(b, 'A heron made in the second browser')
  await onFocus(a, () => expect(items(a)).toHaveCount(2, { timeout: 1000 }))
  await expect(items(b)).toHaveCount(2)

  await inA.getByRole('button', { name: 'Favourite' }).click()
  await onFocus(b, () =>
    expect(inB.getByRole('button', { name: 'Favourite' })).toHaveAttribute('aria-pressed', 'true', { timeout: 1000 }),
  )
  await inA.getByRole('button', { name: 'Delete' }).click()
  await expect(inA).toHaveCount(0)
  await onFocus(b, () => expect(inB).toHaveCount(0, { timeout: 1000 }))
  await expect(items(b)).toHaveCount(1)
  await expect(items(a)).toHaveCount(1)
})

test('a page closed right after Generate: the studio takes the render to its end, and a new page shows it', async ({
  page,
  browser,
  baseURL,
  request,
}) => {
  let reachedStudio: () => void = () => {}
  const reached = new Promise<void>((resolve) => (reachedStudio = resolve))
  // The create reaches the studio, but its answer never reaches the page: the page is closed first.
  await page.route('**/api/v1/requests', async (route) => {
    if (!isCreate(route.request().method(), route.request().url())) return route.fallback()
    await route.fetch()
    reachedStudio()
  })
  await page.goto('/')
  await generate(page, 'A kite nobody watched land')
  await reached
  const context = page.context()
  await page.close()

  // No browser is open: the studio's sweeper follows the render to its end.
  await expect
    .poll(async () => (await ledgerRenders(request)).map((r) => r.status), { timeout: 30_000 })
    .toEqual(['succeeded'])
  for (const next of [await context.newPage(), await (await browser.newContext({ baseURL })).newPage()]) {
    await next.goto('/')
    await expect(items(next)).toHaveCount(1)
    await expect(items(next).getByText('Succeeded', { exact: true })).toBeVisible()
    await expect(items(next)).toContainText('A kite nobody watched land')
  }
})

test('renders only a version 1 browser kept are uploaded once, and appear once in every browser', async ({
  page: a,
  browser,
  baseURL,
  request,
}) => {
  const boat = { model: 'sora2', duration: 4, aspect_ratio: '16:9', resolution: '720p' }
  const kept = [0, 1, 2, 3, 4].map((i) => finishedRender(i, { ...boat, prompt: `Version 1 take ${i}` }, 'v1take'))
  const uploads: string[] = []
  const watchUploads = (page: Page) =>
    page.on('request', (r) => r.url().endsWith('/api/renders/import') && uploads.push(new URL(page.url()).host))

  watchUploads(a)
  await seedIndexedDb(a, kept)
  await a.goto('/')
  await expect(items(a)).toHaveCount(5)
  await expect.poll(() => uploads.length).toBe(1)
  await expect.poll(async () => (await ledgerRenders(request)).length).toBe(5)
  // The browser remembers the upload once the gallery is read again after it (a reload sooner sends it again,
  // which the server skips by idempotency key).
  await a.waitForLoadState('networkidle')

  await a.reload() // the upload is remembered: nothing is sent again
  await expect(items(a)).toHaveCount(5)
  await a.waitForLoadState('networkidle')
  expect(uploads).toHaveLength(1)

  // A second browser that kept some of the same renders, and one of its own.
  const b = await (await browser.newContext({ baseURL })).newPage()
  watchUploads(b)
  const own = finishedRender(9, { ...boat, prompt: 'Version 1 take from the second browser' }, 'v1take')
  await seedIndexedDb(b, [...kept.slice(0, 3), own])
  await b.goto('/')
  await expect.poll(() => uploads.length).toBe(2)
  await expect(items(b)).toHaveCount(6)
  await onFocus(a, () => expect(items(a)).toHaveCount(6, { timeout: 1000 }))
  for (const take of ['Version 1 take 0', 'Version 1 take from the second browser'])
    await expect(items(a).filter({ hasText: take })).toHaveCount(1)
  expect(await ledgerRenders(request)).toHaveLength(6)
})

test('renders uploaded before the gallery has loaded are in it when it does', async ({ page }) => {
  const kept = [0, 1, 2].map((i) =>
    finishedRender(i, { model: 'grok', duration: 6, prompt: `Kept before the gallery ${i}` }, 'v1late'),
  )
  // The gallery's code arrives only after the upload: its first read must not be the page preloaded at the start.
  let uploaded: () => void = () => {}
  const upload = new Promise<void>((resolve) => (uploaded = resolve))
  page.on('requestfinished', (r) => r.url().endsWith('/api/renders/import') && uploaded())
  await page.route(/\/assets\/gallery-[\w-]+\.js$/, async (route) => {
    await upload
    await route.continue()
  })
  await seedIndexedDb(page, kept)
  await page.goto('/')
  await expect(items(page)).toHaveCount(3)
  await page.waitForLoadState('networkidle')
  await expect(items(page)).toHaveCount(3)
})
