import { readFile } from 'node:fs/promises'
import type { APIRequestContext, Page } from '@playwright/test'
import { startBuiltStudio } from './built-studio'
import { chooseModel } from './choose-model'
import { expect, test } from './fresh-studio'
import { gallery, galleryFile } from './gallery-seed'
import { QUALITY_PORT } from './ports'

const FIXTURES = new URL('../src/media/fixtures/', import.meta.url)
const now = Date.now()

/** Each clip made for the quality check (src/media/fixtures), what it is asked to be, and the flag it should get. */
const TAKES = [
  { clip: 'quality-good.mp4', flag: undefined },
  { clip: 'quality-black.mp4', flag: /^Black 0:01\.\d\d$/ },
  { clip: 'quality-frozen.mp4', flag: /^Frozen 0:0[01]\.\d\d$/ },
  { clip: 'quality-short.mp4', flag: /^Length$/ },
  { clip: 'quality-silent.mp4', flag: /^Silent 0:00\.00$/ },
  { clip: 'quality-square.mp4', flag: /^Shape$/ },
] as const

const promptOf = (clip: string) => `Quality check of ${clip}`

/** Uploads the clip to the studio's media store and records a finished Wan 2.7 take of it, kept, asked 4 s 16:9 with sound. */
async function seedTakes(request: APIRequestContext) {
  const renders = []
  for (const [i, { clip }] of TAKES.entries()) {
    const upload = await request.post('/api/media', {
      headers: { 'content-type': 'video/mp4', 'x-file-name': clip },
      data: await readFile(new URL(clip, FIXTURES)),
    })
    expect(upload.status()).toBe(201)
    const { url } = (await upload.json()) as { url: string }
    renders.push({
      id: `quality-${i}`,
      idempotencyKey: `quality-key-${i}`,
      requestId: `req_quality${i}`,
      status: 'succeeded',
      createdAtMs: now - (i + 1) * 60_000,
      input: {
        model: 'wan27video',
        prompt: promptOf(clip),
        duration: 4,
        aspect_ratio: '16:9',
        audio_url: 'https://cdn.example.com/voice.mp3',
      },
      output: { video_url: `https://cdn.example.com/${clip}` },
      keptVideoUrl: new URL(url, 'http://studio.invalid').pathname,
    })
  }
  const imported = await request.post('/api/renders/import', { data: galleryFile(renders, 2) })
  expect(await imported.json()).toEqual({ added: TAKES.length, skipped: 0 })
}

const card = (page: Page, clip: string) =>
  gallery(page)
    .getByRole('listitem')
    .filter({ hasText: promptOf(clip) })

test('flags each faulty clip on its card with the time, none on the good one, and finds them by filter', async ({
  page,
  request,
}) => {
  await seedTakes(request)
  await page.goto('/')
  for (const { clip, flag } of TAKES) {
    if (!flag) continue
    await expect(card(page, clip).getByRole('group', { name: 'Quality flags' }).locator('span')).toHaveText([flag])
  }
  // The good take was checked too, and found clean.
  await expect
    .poll(async () => (await (await request.get('/api/renders/quality-0')).json()) as object)
    .toMatchObject({ qualitySampler: 1, qualityFlags: [] })
  await expect(card(page, 'quality-good.mp4').getByRole('group', { name: 'Quality flags' })).toHaveCount(0)
  await expect(card(page, 'quality-black.mp4').getByRole('button', { name: 'Re-run' })).toHaveAccessibleDescription(
    /black for (1\.[5-9]|2\.0) s/,
  )

  await gallery(page).getByRole('checkbox', { name: 'Flagged only' }).check()
  await expect(gallery(page).getByRole('listitem')).toHaveCount(TAKES.length - 1)
  await expect(card(page, 'quality-good.mp4')).toHaveCount(0)
})

test('a flag in the viewer shows its moment; a rating survives a reload and shows in a second browser', async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  await seedTakes(request)
  await page.goto('/')
  const black = card(page, 'quality-black.mp4')
  await expect(black.getByRole('group', { name: 'Quality flags' })).toBeVisible()
  await black.getByRole('button', { name: `Open ${promptOf('quality-black.mp4')}` }).click()
  const viewer = page.getByRole('dialog')
  const flags = viewer.getByRole('region', { name: 'Quality flags' })
  // Frames are sampled every quarter of a second, so a stretch is measured to within about one sample.
  await expect(flags).toContainText(/black for (1\.[5-9]|2\.0) s/)
  const video = viewer.locator('video')
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1)
  await flags.getByRole('button', { name: /^Black 0:01/ }).click()
  // The black stretch starts at 1.0 s; its first sampled frame is at most a quarter of a second later.
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.paused && v.currentTime >= 1 && v.currentTime < 1.4))
    .toBe(true)
  await viewer.getByRole('button', { name: 'Pick' }).click()
  await expect(viewer.getByRole('button', { name: 'Pick' })).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('Escape')

  // P on a focused card picks it; X rejects.
  const good = card(page, 'quality-good.mp4')
  await good.focus()
  await page.keyboard.press('x')
  await expect(good.getByRole('button', { name: 'Reject' })).toHaveAttribute('aria-pressed', 'true')
  await expect
    .poll(async () => ((await (await request.get('/api/renders/quality-0')).json()) as { rating: string }).rating)
    .toBe('reject')

  await page.reload()
  await expect(card(page, 'quality-black.mp4').getByRole('button', { name: 'Pick' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  const other = await (await browser.newContext({ baseURL })).newPage()
  await other.goto('/')
  await expect(card(other, 'quality-good.mp4').getByRole('button', { name: 'Reject' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await gallery(other).getByRole('combobox', { name: 'Filter by rating' }).selectOption({ label: 'Picks' })
  await expect(gallery(other).getByRole('listitem')).toHaveCount(1)
  await expect(card(other, 'quality-black.mp4')).toHaveCount(1)
  await other.context().close()
})

test('a demo take that comes back black is flagged on its card', async ({ browser }) => {
  // A new ledger takes seconds to create, and up to a minute on a busy machine.
  test.setTimeout(150_000)
  const studio = await startBuiltStudio(QUALITY_PORT, { CANNON_API_KEY: '', SIMULATOR_FAULTS: 'black_rate=1' })
  try {
    const page = await (await browser.newContext({ baseURL: studio.origin })).newPage()
    await page.goto('/')
    await chooseModel(page, 'Grok')
    await page.getByLabel('Prompt', { exact: true }).fill('A lantern festival over the river')
    await page.getByRole('button', { name: 'Generate' }).click()
    const take = gallery(page).getByRole('listitem').filter({ hasText: 'A lantern festival over the river' })
    await expect(take.getByText('Succeeded')).toBeVisible({ timeout: 30_000 })
    await expect(take.getByRole('group', { name: 'Quality flags' })).toHaveText('Black 0:00.13', { timeout: 30_000 })
    await expect(take.getByRole('group', { name: 'Quality flags' })).toHaveAttribute('title', /black throughout/)
    await page.context().close()
  } finally {
    await studio.stop()
  }
})
