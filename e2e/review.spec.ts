import type { Locator, Page } from '@playwright/test'
import { chooseModel } from './choose-model'
import { expect, test } from './fresh-studio'
import { gallery, galleryFile } from './gallery-seed'

const PROMPT = 'A paper boat in a rain gutter'
const time = (video: Locator) => video.evaluate((v: HTMLVideoElement) => v.currentTime)
const card = (page: Page) => gallery(page).getByRole('listitem').filter({ hasText: PROMPT })

/** Opens the take in the viewer, once its video knows its length. */
async function openTake(page: Page) {
  await card(page)
    .getByRole('button', { name: `Open ${PROMPT}` })
    .click()
  const viewer = page.getByRole('dialog', { name: PROMPT })
  const video = viewer.getByLabel('Render video')
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1)
  return { viewer, video, comments: viewer.getByRole('region', { name: 'Comments' }) }
}

test('a comment at 2.5 s shows to the team at 2.5 s, resolves and reopens, and the gallery counts and filters it', async ({
  page,
  browser,
  baseURL,
}) => {
  // About 50 s on a busy machine: a render to its end, two browsers, a reload.
  test.setTimeout(120_000)
  await page.goto('/')
  await chooseModel(page, 'Grok')
  await page.getByLabel('Prompt', { exact: true }).fill(PROMPT)
  await page.getByRole('button', { name: 'Generate' }).click()
  await expect(card(page).getByText('Succeeded', { exact: true })).toBeVisible({ timeout: 30_000 })

  const mine = await openTake(page)
  // The player opens playing: once it does, pause at 2.5 s.
  await expect.poll(() => mine.video.evaluate((v: HTMLVideoElement) => !v.paused)).toBe(true)
  await mine.video.evaluate((v: HTMLVideoElement) => {
    v.pause()
    v.currentTime = 2.5
  })
  await expect.poll(() => mine.video.evaluate((v: HTMLVideoElement) => v.paused && v.currentTime === 2.5)).toBe(true)
  await mine.comments.getByRole('button', { name: 'Comment' }).click()
  const form = mine.comments.getByRole('form', { name: 'Comment at 0:02.50' })
  await expect(form.getByLabel('The frame at 0:02.50')).toBeVisible()
  await form.getByLabel('Comment text').fill('<i>The boat</i> tips too soon')
  await form.getByRole('button', { name: 'Post' }).click()
  await expect(mine.comments.getByRole('listitem')).toHaveText(/0:02\.50.*<i>The boat<\/i> tips too soon/)
  await page.keyboard.press('Escape')
  await expect(card(page).getByRole('button', { name: '1 open comment' })).toBeVisible()

  // A teammate in another browser finds it by the filter and on the card, and sees it at its moment in the take.
  const other = await (await browser.newContext({ baseURL })).newPage()
  await other.goto('/')
  await gallery(other).getByRole('checkbox', { name: 'Has open comments' }).check()
  await expect(gallery(other).getByRole('listitem')).toHaveCount(1)
  await expect(card(other).getByRole('button', { name: '1 open comment' })).toBeVisible()
  const theirs = await openTake(other)
  const comment = theirs.comments.getByRole('listitem')
  await expect(comment).toContainText('<i>The boat</i> tips too soon')
  await comment.getByRole('button', { name: 'Show 0:02.50' }).click()
  await expect.poll(() => time(theirs.video)).toBeCloseTo(2.5, 2)
  expect(await theirs.video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true)

  await comment.getByRole('button', { name: 'Resolve' }).click()
  await expect(comment).toContainText('Resolved')
  await comment.getByRole('button', { name: 'Reopen' }).click()
  await expect(comment).not.toContainText('Resolved')
  await comment.getByRole('button', { name: 'Resolve' }).click()
  await expect(comment).toContainText('Resolved')
  await other.keyboard.press('Escape')
  await expect(card(other).getByRole('button', { name: /open comment/ })).toHaveCount(0)
  // The ledger agrees: a fresh look with the filter finds nothing open.
  await other.reload()
  await gallery(other).getByRole('checkbox', { name: 'Has open comments' }).check()
  await expect(gallery(other).getByRole('listitem')).toHaveCount(0)
  await other.context().close()
})

test('the Models view shows the seeded history’s numbers, and the picker the pick rate', async ({ page }) => {
  const now = Date.now()
  // Twelve Grok takes: six picked, four rejected, two failed; 20 credits a take, 30 s each to render.
  const renders = Array.from({ length: 12 }, (_, i) => ({
    id: `scored-${i}`,
    idempotencyKey: `scored-key-${i}`,
    requestId: `req_scored${i}`,
    status: i < 10 ? 'succeeded' : 'failed',
    createdAtMs: now - (i + 1) * 60_000,
    completedAtMs: now - (i + 1) * 60_000 + 30_000,
    billableCredits: i < 10 ? 20 : 0,
    input: { model: 'grok', prompt: `Scored shot ${i}`, duration: 6 },
    output: i < 10 ? { video_url: '/demo/lava-16x9-6s.mp4', duration: 6 } : null,
    rating: i < 6 ? 'pick' : i < 10 ? 'reject' : null,
  }))
  const imported = await page.request.post('/api/renders/import', { data: galleryFile(renders, 2) })
  expect(await imported.json()).toEqual({ added: 12, skipped: 0 })

  await page.goto('/')
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Models' }).click()
  const models = page.getByRole('region', { name: 'Models' })
  const grok = models.getByRole('table', { name: 'By model' }).getByRole('row', { name: /^Grok/ })
  await expect(grok.getByRole('cell')).toHaveText(['12', '6', '4', '0', '17% (2)', '30 s', '33.3', '5.6'])
  await expect(models.getByRole('img')).toHaveAccessibleName(/Grok 6 picked of 10/)
  await expect(
    models.getByRole('table', { name: 'By mode and duration' }).getByRole('row', { name: /^Grok · Text · 6 s/ }),
  ).toBeVisible()

  await page.getByRole('button', { name: 'Model', exact: true }).click({ position: { x: 16, y: 12 } })
  await expect(page.getByRole('option', { name: 'Grok', exact: true })).toContainText('60% picked')
})
