import { readFileSync } from 'node:fs'
import { expect, test } from './fresh-studio'
import { finishedRender, gallery, importRenders, seedLedger } from './gallery-seed'
import { chooseModel, expectModel } from './choose-model'

const fox = {
  model: 'seedance2',
  prompt: 'A fox crossing fresh snow',
  duration: 5,
  aspect_ratio: '16:9',
  resolution: '720p',
}
const boat = { model: 'sora2', prompt: 'A paper boat at dusk', duration: 4, aspect_ratio: '16:9', resolution: '720p' }

test('a reload at any moment loses nothing and makes exactly one render', async ({ page }) => {
  const acceptedIds: string[] = []
  const postedKeys: string[] = []
  let releaseHeld: () => void = () => {}
  const held = new Promise<void>((resolve) => (releaseHeld = resolve))
  await page.route('**/api/v1/requests', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback()
    postedKeys.push(route.request().headers()['x-idempotency-key'] ?? '')
    const response = await route.fetch()
    acceptedIds.push(((await response.json()) as { id: string }).id)
    // The first 202 never reaches the page: the reload below interrupts the submission before its answer.
    if (postedKeys.length === 1) return releaseHeld()
    await route.fulfill({ response })
  })
  await page.goto('/')
  await chooseModel(page, 'Sora 2')
  await page.getByLabel('Prompt').fill('A lantern drifting over a lake')
  await page.getByRole('button', { name: 'Generate' }).click()
  const item = gallery(page).getByRole('listitem').filter({ hasText: 'A lantern drifting' })
  await held
  await expect(item.getByText('Queued', { exact: true })).toBeVisible()

  // Before the 202: the stored submission is sent again with its idempotency key, or, when the ledger lists it
  // first, followed from there. Either way it is the same render.
  await page.reload()
  await expect(item.getByText('Processing', { exact: true })).toBeVisible()
  await page.reload() // mid-render: polling resumes, nothing is sent
  await expect(item.getByText('Succeeded', { exact: true })).toBeVisible()

  await expect(gallery(page).getByRole('listitem')).toHaveCount(1)
  expect(postedKeys.length).toBeLessThanOrEqual(2)
  expect(new Set(postedKeys).size).toBe(1)
  expect(new Set(acceptedIds).size).toBe(1)
  // The ledger keeps it once, under the id this browser gave it.
  const localIds = await page.evaluate(
    () =>
      new Promise<IDBValidKey[]>((resolve) => {
        const open = indexedDB.open('cannon-studio')
        open.onsuccess = () => {
          const keys = open.result.transaction('renders').objectStore('renders').getAllKeys()
          keys.onsuccess = () => resolve(keys.result)
        }
      }),
  )
  const { items } = (await (await page.request.get('/api/renders')).json()) as { items: { id: string }[] }
  expect(items.map((r) => r.id)).toEqual(localIds)
})

test('re-run, variations (2–4, new seeds, prompt tweak), remix and continue clip, each with its lineage', async ({
  page,
}) => {
  const bodies: { input: { seed?: number; prompt: string } }[] = []
  const lineage: string[] = []
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/api/v1/requests')) return
    bodies.push(request.postDataJSON())
    const headers = request.headers()
    lineage.push(`${headers['x-studio-relation']} of ${headers['x-studio-parent-id']}`)
  })
  await page.goto('/')
  await importRenders(page, [finishedRender(0, { ...fox, seed: 7 })])
  await gallery(page).getByRole('button', { name: 'Variations' }).click()
  const dialog = page.getByRole('dialog', { name: 'Variations' })
  await dialog.getByLabel('Count').selectOption('3')
  await dialog.getByLabel(/Prompt tweak/).fill('at sunrise')
  await dialog.getByRole('button', { name: 'Create 3' }).click()

  // The variations stack with the render they come from, in one card that opens to show them.
  const stack = gallery(page).getByRole('listitem', { name: /^Group of 4 takes/ })
  await expect(gallery(page).getByRole('listitem')).toHaveCount(1)
  await stack.getByRole('button', { name: 'Open group' }).click()
  await expect(gallery(page).getByRole('listitem')).toHaveCount(5)
  await expect.poll(() => bodies.length).toBe(3)
  const seeds = bodies.map((b) => b.input.seed)
  expect(new Set(seeds).size).toBe(3)
  expect(seeds).not.toContain(7)
  for (const body of bodies) expect(body.input.prompt).toBe('A fox crossing fresh snow at sunrise')

  const original = gallery(page).getByRole('listitem').last() // newest first: the imported render is the oldest
  await original.getByRole('button', { name: 'Re-run' }).dblclick() // a double click is one re-run
  await expect(stack).toHaveCount(0)
  await expect(gallery(page).getByRole('listitem', { name: /^Group of 5 takes/ })).toBeVisible()
  await expect(gallery(page).getByRole('listitem')).toHaveCount(6)
  await expect.poll(() => bodies.at(-1)?.input).toEqual({ ...fox, seed: 7 })

  await original.getByRole('button', { name: 'Remix' }).click()
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue('A fox crossing fresh snow')
  await expectModel(page, 'Seedance 2.0')

  await original.getByRole('button', { name: /^Open/ }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Continue clip' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expectModel(page, 'Wan 2.7')
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue('A fox crossing fresh snow')
  await expect(page.getByRole('textbox', { name: 'Source clip' })).toHaveValue('/demo/lava-16x9-4s.mp4')
  expect(bodies).toHaveLength(4) // the double-clicked Re-run sent one request
  await expect(gallery(page).getByRole('listitem')).toHaveCount(6)

  // A continuation is a new shot, not another take: it stands on its own. (Generate is far down the page, and
  // the gallery draws only the cards near the view: back up to count them all.)
  await page.getByRole('button', { name: 'Generate' }).click()
  await page.evaluate(() => window.scrollTo(0, 0))
  await expect(gallery(page).getByRole('listitem')).toHaveCount(7)
  await expect
    .poll(() => lineage)
    .toEqual([...Array(3).fill('variation of seeded-0'), 'rerun of seeded-0', 'continue of seeded-0'])
  // The ledger keeps the lineage: every render made here names the one it comes from.
  const { items } = (await (await page.request.get('/api/renders')).json()) as {
    items: { parentId: string | null; relation: string | null }[]
  }
  expect(
    items
      .filter((r) => r.parentId === 'seeded-0')
      .map((r) => r.relation)
      .sort(),
  ).toEqual(['continue', 'rerun', 'variation', 'variation', 'variation'])
})

test('download names the file; export re-imports without duplicates; compare plays in sync and lists what differs', async ({
  page,
}) => {
  await page.goto('/')
  await importRenders(page, [finishedRender(0, { ...fox, seed: 42 }), finishedRender(1, { ...fox, seed: 43 })])
  const items = gallery(page).getByRole('listitem')

  const download = page.waitForEvent('download')
  await items.first().getByRole('link', { name: 'Download' }).click()
  expect((await download).suggestedFilename()).toBe('a-fox-crossing-fresh-snow-seedance2-seed42-10000000.mp4')

  const exported = page.waitForEvent('download')
  await gallery(page).getByRole('button', { name: 'Export' }).click()
  const file = await (await exported).path()
  const content = JSON.parse(readFileSync(file, 'utf8')) as { version: number; renders: { id: string }[] }
  expect(content.version).toBe(2)
  expect(content.renders.map((r) => r.id).sort()).toEqual(['seeded-0', 'seeded-1'])
  await page.locator('input[type=file]').setInputFiles(file)
  await expect(page.getByRole('status')).toHaveText(/Imported 0, skipped 2/)
  await expect(items).toHaveCount(2)

  await gallery(page).getByRole('button', { name: 'Select to compare' }).click()
  await items.nth(0).getByLabel('Select for compare').check()
  await items.nth(1).getByLabel('Select for compare').check()
  await gallery(page).getByRole('button', { name: 'Compare', exact: true }).click()
  const compare = page.getByRole('dialog', { name: 'Compare' })
  await expect(compare.getByRole('row')).toHaveText([/Seed\s*1: 42\s*2: 43/])
  const [first, second] = [compare.getByLabel('Compare video 1'), compare.getByLabel('Compare video 2')]
  for (const video of [first, second]) {
    await video.evaluate((v: HTMLVideoElement) =>
      v.readyState >= 1 ? undefined : new Promise((r) => v.addEventListener('loadedmetadata', r, { once: true })),
    )
  }
  await first.evaluate((v: HTMLVideoElement) => (v.muted = true)) // autoplay policy: the test plays silently
  await compare.getByRole('button', { name: 'Play' }).click()
  await expect.poll(() => second.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0.3)
  const drift = await page.evaluate(() => {
    const [a, b] = [...document.querySelectorAll<HTMLVideoElement>('video[aria-label^="Compare video"]')]
    return Math.abs(a!.currentTime - b!.currentTime)
  })
  expect(drift).toBeLessThan(0.35)
  expect(await second.evaluate((v: HTMLVideoElement) => v.muted)).toBe(true)
})

test('the keyboard moves between items, opens, favourites, and deletes with undo', async ({ page }) => {
  await page.goto('/')
  await importRenders(
    page,
    [0, 1, 2, 3].map((i) => finishedRender(i, { ...boat, prompt: `Take ${i} of a paper boat` })),
  )
  const items = gallery(page).getByRole('listitem')
  await items.first().focus()
  await page.keyboard.press('ArrowRight')
  await expect(items.nth(1)).toBeFocused()
  await page.keyboard.press('f')
  await expect(items.nth(1).getByRole('button', { name: 'Favourite' })).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog', { name: 'Take 1 of a paper boat' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(items.nth(1)).toBeFocused()
  await page.keyboard.press('Delete')
  await expect(items).toHaveCount(3)
  await expect(gallery(page)).not.toContainText('Take 1 of a paper boat')
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(items).toHaveCount(4)
  await expect(items.nth(1)).toContainText('Take 1 of a paper boat')
  // Favourite, delete and its undo went to the ledger: a reload shows the same.
  await page.reload()
  await expect(items).toHaveCount(4)
  await expect(items.nth(1).getByRole('button', { name: 'Favourite' })).toHaveAttribute('aria-pressed', 'true')
})

test('a ledger of 2,000 renders pages into a handful of DOM nodes, down to the oldest', async ({ page }) => {
  await seedLedger(
    page.request,
    Array.from({ length: 2000 }, (_, i) => finishedRender(i, { ...boat, prompt: `Seeded take number ${i}` })),
  )
  const pages: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname === '/api/renders') pages.push(url.searchParams.get('cursor') ?? 'first')
  })
  await page.goto('/')
  const items = gallery(page).getByRole('listitem')
  await expect(items.first()).toContainText('Seeded take number 0')
  await expect(items.first()).toHaveAttribute('aria-setsize', '-1') // older pages still to load
  expect(await items.count()).toBeLessThan(60)

  const oldest = gallery(page).getByText('Seeded take number 1999', { exact: true })
  await expect(async () => {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    await expect(oldest).toBeVisible({ timeout: 100 })
  }).toPass({ timeout: 45_000, intervals: [100] })
  await expect(items.first()).toHaveAttribute('aria-setsize', '2000')
  expect(await items.count()).toBeLessThan(60)
  expect(await page.locator('video').count()).toBeLessThanOrEqual(1)
  // Each page was asked for once (the newest page also by its refresh); 2,000 at 60 a page is 34 pages.
  const cursors = pages.filter((c) => c !== 'first')
  expect(new Set(cursors).size).toBe(cursors.length)
  expect(cursors).toHaveLength(33)
})
