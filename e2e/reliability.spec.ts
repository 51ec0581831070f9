import type { Page } from '@playwright/test'
import { expect, test } from './fresh-studio'
import { chooseModel } from './choose-model'

const gallery = (page: Page) => page.getByRole('region', { name: 'Gallery' })
const prompt = (page: Page) => page.getByLabel('Prompt', { exact: true })
const isCreate = (method: string, url: string) => method === 'POST' && url.endsWith('/api/v1/requests')

/** Fails the test on any uncaught error in the page. */
function watchPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

test('a double click on Generate and a burst of Ctrl+Enter make one render; a new prompt makes another', async ({
  page,
}) => {
  const errors = watchPageErrors(page)
  const postedKeys: string[] = []
  page.on('request', (request) => {
    if (isCreate(request.method(), request.url())) postedKeys.push(request.headers()['x-idempotency-key'] ?? '')
  })
  await page.goto('/')
  await chooseModel(page, 'Sora 2')
  await prompt(page).fill('A lighthouse blinking in the rain')
  await page.getByRole('button', { name: 'Generate' }).dblclick()
  for (let i = 0; i < 3; i++) await prompt(page).press('Control+Enter')
  const items = gallery(page).getByRole('listitem')
  await expect(items).toHaveCount(1)

  await prompt(page).fill('A lighthouse blinking in the snow')
  await prompt(page).press('Control+Enter')
  await prompt(page).press('Control+Enter')
  await expect(items).toHaveCount(2)
  await expect(items.filter({ has: page.getByText('Succeeded', { exact: true }) })).toHaveCount(2)
  expect(postedKeys).toHaveLength(2)
  expect(new Set(postedKeys).size).toBe(2)
  expect(errors).toEqual([])
})

test('offline mid-render: the studio stays, keeps the draft, says so, and resumes polling and sending when back', async ({
  page,
  context,
}) => {
  const errors = watchPageErrors(page)
  await page.goto('/')
  await chooseModel(page, 'Sora 2')
  await prompt(page).fill('A heron at first light')
  const accepted = page.waitForResponse((r) => isCreate(r.request().method(), r.url()) && r.status() === 202)
  await page.getByRole('button', { name: 'Generate' }).click()
  const { id } = (await (await accepted).json()) as { id: string }
  await context.setOffline(true)

  const item = gallery(page).getByRole('listitem').filter({ hasText: 'A heron at first light' })
  const indicator = page.getByRole('status').filter({ hasText: 'Offline — renders resume when you are back' })
  await expect(indicator).toBeVisible()
  await prompt(page).fill('Next: the heron takes off')
  // The render finishes at the server meanwhile (the test's own requests are not offline); the page cannot know.
  await expect
    .poll(async () => ((await (await page.request.get(`/api/v1/requests/${id}`)).json()) as { status: string }).status)
    .toBe('succeeded')
  await expect(item).toBeVisible()
  await expect(item.getByText('Succeeded', { exact: true })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Generate' })).toBeVisible()
  await expect(prompt(page)).toHaveValue('Next: the heron takes off')
  // Generate offline: the render is kept in this browser and waits for the connection.
  await page.getByRole('button', { name: 'Generate' }).click()
  const next = gallery(page).getByRole('listitem').filter({ hasText: 'Next: the heron takes off' })
  await expect(next.getByText('Waiting', { exact: true })).toBeVisible()
  await expect(next).toContainText('No connection: it is sent when you are back online')

  await context.setOffline(false)
  await expect(indicator).toHaveCount(0)
  await expect(item.getByText('Succeeded', { exact: true })).toBeVisible()
  await expect(next.getByText('Succeeded', { exact: true })).toBeVisible()
  await expect(gallery(page).getByRole('listitem')).toHaveCount(2)
  expect(errors).toEqual([])
})

test("when the studio's ledger cannot answer, the gallery shows what this browser kept", async ({ page }) => {
  const errors = watchPageErrors(page)
  await page.goto('/')
  await chooseModel(page, 'Sora 2')
  await prompt(page).fill('A harbour kept in the mirror')
  await page.getByRole('button', { name: 'Generate' }).click()
  const item = gallery(page).getByRole('listitem').filter({ hasText: 'A harbour kept in the mirror' })
  await expect(item.getByText('Succeeded', { exact: true })).toBeVisible()

  await page.route('**/api/renders?*', (route) => route.abort('connectionrefused'))
  await page.reload()
  await expect(item.getByText('Succeeded', { exact: true })).toBeVisible()
  await expect(gallery(page)).toContainText('The gallery could not be loaded')
  await page.unroute('**/api/renders?*')
  await gallery(page).getByRole('button', { name: 'Try again' }).click()
  await expect(gallery(page)).not.toContainText('could not be loaded')
  await expect(gallery(page).getByRole('listitem')).toHaveCount(1)
  expect(errors).toEqual([])
})

test('a part of the studio that has not loaded yet waits for the connection instead of blanking the page', async ({
  page,
  context,
}) => {
  const errors = watchPageErrors(page)
  await page.goto('/')
  await chooseModel(page, 'Grok')
  await prompt(page).fill('A kite over the dunes')
  await page.getByRole('button', { name: 'Generate' }).click()
  const item = gallery(page).getByRole('listitem').filter({ hasText: 'A kite over the dunes' })
  await expect(item.getByText('Succeeded', { exact: true })).toBeVisible()

  await context.setOffline(true)
  await item.getByRole('button', { name: /^Open/ }).click()
  await expect(page.getByText('Waiting for the connection to load the player…')).toBeVisible()
  await expect(prompt(page)).toHaveValue('A kite over the dunes')
  await expect(item).toBeVisible()

  await context.setOffline(false)
  await expect(page.getByRole('dialog')).toBeVisible()
  expect(errors).toEqual([])
})

test('without IndexedDB the studio works from the server alone, says so, and exports the ledger', async ({
  page,
  browser,
  baseURL,
}) => {
  const errors = watchPageErrors(page)
  await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }))
  await page.goto('/')
  await expect(page.getByRole('alert')).toContainText('This browser refused storage')
  await chooseModel(page, 'Sora 2')
  await prompt(page).fill('A kite that only lives on the server')
  await page.getByRole('button', { name: 'Generate' }).click()
  const item = gallery(page).getByRole('listitem').filter({ hasText: 'A kite that only lives on the server' })
  await expect(item.getByText('Succeeded', { exact: true })).toBeVisible()
  await page.reload()
  await expect(item.getByText('Succeeded', { exact: true })).toBeVisible()

  const download = page.waitForEvent('download')
  await gallery(page).getByRole('button', { name: 'Export' }).click()
  const stream = await (await download).createReadStream()
  let text = ''
  for await (const chunk of stream) text += String(chunk)
  const file = JSON.parse(text) as { version: number; renders: { id: string; status: string; input: object }[] }
  expect(file.version).toBe(2)
  expect(file.renders).toMatchObject([
    { status: 'succeeded', input: { prompt: 'A kite that only lives on the server' } },
  ])

  // Another browser sees it too: the ledger, not this browser, keeps it.
  const other = await (await browser.newContext({ baseURL })).newPage()
  await other.goto('/')
  await expect(gallery(other).getByRole('listitem')).toContainText('A kite that only lives on the server')
  expect(errors).toEqual([])
})
