import { expect, test, type Page } from '@playwright/test'
import { seriousViolations } from './axe-check'
import { startBuiltStudio } from './built-studio'
import { chooseModel } from './choose-model'
import { SHARE_PORT } from './ports'

// A gated studio (demo renders) whose team shares a take with someone who has no access token.
const STUDIO = `http://127.0.0.1:${SHARE_PORT}`
const TOKEN = 'e2e-share-token-8f3a1c5e7b'

let studio: Awaited<ReturnType<typeof startBuiltStudio>>
test.beforeAll(async () => {
  studio = await startBuiltStudio(SHARE_PORT, { STUDIO_ACCESS_TOKEN: TOKEN })
})
test.afterAll(async () => {
  await studio.stop()
})

/** A teammate signs in and picks Grok (the quickest demo renders). */
async function signInForGrok(page: Page) {
  await page.goto(STUDIO)
  await page.getByLabel('Access token').fill(TOKEN)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await chooseModel(page, 'Grok')
}

async function makeTake(page: Page, prompt: string) {
  await page.getByLabel('Prompt', { exact: true }).fill(prompt)
  await page.getByRole('button', { name: 'Generate' }).click()
  const item = page.getByRole('region', { name: 'Gallery' }).getByRole('listitem').filter({ hasText: prompt })
  await expect(item.getByText('Succeeded', { exact: true })).toBeVisible({ timeout: 60_000 })
  return item
}

test('a take shared by link plays for someone with no session, who can pick it and reach nothing else; Revoke ends it', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000)
  await signInForGrok(page)
  await makeTake(page, 'A kept secret: a paper boat')
  const shared = await makeTake(page, 'A lantern drifting over a lake at dusk')

  await shared.getByRole('button', { name: /^Open/ }).click()
  await page
    .getByRole('dialog', { name: 'A lantern drifting over a lake at dusk' })
    .getByRole('button', { name: 'Share' })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Share' })
  await dialog.getByLabel('Link works for').selectOption('1')
  await dialog.getByRole('button', { name: 'Create link' }).click()
  const link = await dialog.getByLabel('Review link').inputValue()
  expect(link).toMatch(new RegExp(`^${STUDIO}/s/[0-9a-f]{16}\\.[A-Za-z0-9_-]{43}$`))

  // Someone outside the studio: a browser with no session.
  const outsider = await browser.newContext()
  const review = await outsider.newPage()
  const scripts: string[] = []
  review.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
  })
  await review.goto(link)
  await expect(review.getByRole('heading', { name: 'A lantern drifting over a lake at dusk' })).toBeVisible()
  await expect(review.getByRole('button', { name: 'Generate' })).toHaveCount(0)
  // The review page runs nothing of the studio: neither its start script nor the gallery the studio loads at once.
  expect(scripts.filter((path) => /^\/assets\/(?:index|gallery)-/.test(path))).toEqual([])
  await expect
    .poll(() => review.locator('video').evaluate((video: HTMLVideoElement) => video.readyState), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(2)
  expect(await seriousViolations(review), 'review page').toEqual([])
  await review.getByRole('button', { name: 'Pick' }).click()
  await expect(review.getByRole('button', { name: 'Pick' })).toHaveAttribute('aria-pressed', 'true')

  // A comment at 2.5 s, under the name the reviewer types.
  const video = review.locator('video')
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => !v.paused)).toBe(true)
  await video.evaluate((v: HTMLVideoElement) => {
    v.pause()
    v.currentTime = 2.5
  })
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused && v.currentTime === 2.5)).toBe(true)
  const reviewComments = review.getByRole('region', { name: 'Comments' })
  await reviewComments.getByLabel('Your name').fill('Mira')
  await reviewComments.getByRole('button', { name: 'Comment' }).click()
  const form = reviewComments.getByRole('form', { name: 'Comment at 0:02.50' })
  await form.getByLabel('Comment text').fill('The lantern should rise sooner')
  await form.getByRole('button', { name: 'Post' }).click()
  await expect(reviewComments.getByRole('listitem')).toHaveText(/0:02\.50.*Mira \(review link\).*rise sooner/)

  // The link reaches only what it shares.
  const api = review.request
  const token = link.split('/s/')[1]!
  expect((await api.get(`${STUDIO}/api/renders`)).status()).toBe(401)
  expect((await api.get(`${STUDIO}/api/catalog`)).status()).toBe(401)
  expect((await api.get(`${STUDIO}/api/s/${token}/renders`)).status()).toBe(404)
  const create = { operation: 'video.generate', input: { model: 'grok', prompt: 'x', duration: 6 } }
  expect((await api.post(`${STUDIO}/api/v1/requests`, { data: create })).status()).toBe(401)
  const upload = { 'content-type': 'image/png' }
  expect((await api.post(`${STUDIO}/api/media`, { headers: upload, data: Buffer.from('png') })).status()).toBe(401)
  const others = (await api.get(`${STUDIO}/api/s/${token}`).then((r) => r.json())) as { takes: { id: string }[] }
  expect(others.takes).toHaveLength(1)

  // The team sees the reviewer's pick beside its own rating (untouched), and how often the link was opened.
  await page.reload()
  const item = page.getByRole('region', { name: 'Gallery' }).getByRole('listitem').filter({ hasText: 'lantern' })
  await expect(item.getByRole('button', { name: 'Pick' })).toHaveAttribute('aria-pressed', 'false')
  await item.getByRole('button', { name: /^Open/ }).click()
  const teamComments = page
    .getByRole('dialog', { name: 'A lantern drifting over a lake at dusk' })
    .getByRole('region', {
      name: 'Comments',
    })
  const theirs = teamComments.getByRole('listitem').filter({ hasText: 'rise sooner' })
  await expect(theirs).toContainText('Mira (review link)')
  await theirs.getByRole('button', { name: 'Show 0:02.50' }).click()
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Shared' }).click()
  const list = page.getByRole('region', { name: 'Shared' })
  const row = list.getByRole('listitem', { name: /^Take: A lantern/ })
  await expect(row).toContainText('2 views') // the page, and the test's own read of the link
  await expect(row).toContainText('reviewers: 1 picked, 0 rejected')
  await expect(row).toContainText('comments from Mira')
  await row.getByRole('button', { name: 'Revoke the link to A lantern drifting over a lake at dusk' }).click()
  await row.getByRole('button', { name: 'Revoke', exact: true }).click()
  await expect(row).toContainText('Turned off')

  await review.reload()
  await expect(review.getByRole('heading', { name: 'This link does not open' })).toBeVisible()
  await expect(review.getByRole('alert')).toContainText('This link was turned off')
  await outsider.close()
})

test('a sequence shared by link plays through its cut for someone with no session, who comments on a shot', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000)
  await signInForGrok(page)
  const prompts = ['A fox at the edge of a wood', 'The fox runs into the snow']
  for (const prompt of prompts) await makeTake(page, prompt)
  const items = (await (await page.request.get(`${STUDIO}/api/renders?limit=50`)).json()).items as {
    id: string
    input: { prompt: string }
  }[]
  const idOf = (prompt: string) => items.find((r) => r.input.prompt === prompt)!.id
  const shot = (n: number, prompt: string) => ({
    id: `shot-${n}`,
    takeIds: [idOf(prompt)],
    activeTakeId: idOf(prompt),
    inMs: 0,
    outMs: 1500,
  })
  const made = await page.request.post(`${STUDIO}/api/sequences`, {
    data: { name: 'The fox', shots: prompts.map((prompt, i) => shot(i + 1, prompt)) },
  })
  expect(made.status()).toBe(201)

  await page.getByRole('button', { name: 'Sequences' }).click()
  await page.getByRole('button', { name: 'Open The fox', exact: true }).click()
  await page.getByRole('region', { name: 'Sequence' }).getByRole('button', { name: 'Share' }).click()
  const dialog = page.getByRole('dialog', { name: 'Share' })
  await expect(dialog).toContainText('this sequence, played through as one film')
  await dialog.getByRole('button', { name: 'Create link' }).click()
  const link = await dialog.getByLabel('Review link').inputValue()

  const outsider = await browser.newContext()
  const review = await outsider.newPage()
  await review.goto(link)
  await expect(review.getByRole('heading', { name: 'The fox' })).toBeVisible()
  await expect(review.getByText(/^A sequence of 2 shots shared with you/)).toBeVisible()
  expect(await seriousViolations(review), 'review page of a sequence').toEqual([])
  // The film plays across its cut: the playhead passes the first shot's 1.5 s and the second shot shows.
  const film = review.getByRole('region', { name: 'Sequence' })
  await film.getByRole('button', { name: 'Play' }).first().click()
  await expect
    .poll(async () => Number(await film.getByRole('slider', { name: 'Sequence playhead' }).inputValue()), {
      timeout: 30_000,
    })
    .toBeGreaterThan(1.6)
  await expect(film.getByRole('navigation', { name: 'Shots' }).locator('[aria-current="true"]')).toContainText('Shot 2')

  // The second shot's take, on its own: a comment on it reaches the team on that take.
  await film.getByRole('button', { name: /^Shot 2/ }).click()
  await expect(film.getByRole('heading', { name: 'Shot 2, its whole take' })).toBeVisible()
  const comments = film.getByRole('region', { name: 'Comments' })
  await comments.getByLabel('Your name').fill('Ines')
  await comments.getByRole('button', { name: 'Comment' }).click()
  await comments.getByLabel('Comment text').fill('The snow should be deeper')
  await comments.getByRole('button', { name: 'Post' }).click()
  await expect(comments.getByRole('listitem')).toContainText('Ines (review link)')
  const onTake = await page.request.get(`${STUDIO}/api/renders/${idOf(prompts[1]!)}/comments`)
  expect(JSON.stringify(await onTake.json())).toContain('The snow should be deeper')

  // Deleting the sequence closes the link.
  const sequenceId = ((await made.json()) as { id: string }).id
  expect((await page.request.delete(`${STUDIO}/api/sequences/${sequenceId}`)).status()).toBe(204)
  await review.reload()
  await expect(review.getByRole('alert')).toContainText('The sequence this link shared has been deleted')
  await outsider.close()
})
