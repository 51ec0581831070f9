import { expect, test } from './fresh-studio'
import { chooseModel } from './choose-model'

test('a render goes from prompt to a playing video', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByText(/demo mode/i)).toBeVisible()

  await chooseModel(page, 'Sora 2')
  await page.getByLabel('Prompt').fill('A paper boat drifting down a rain-soaked street at dusk')
  await page.getByRole('button', { name: 'Generate' }).click()

  const gallery = page.getByRole('region', { name: 'Gallery' })
  const item = gallery.getByRole('listitem').filter({ hasText: 'A paper boat drifting' })
  await expect(item).toContainText('Sora 2')
  await expect(item.getByText('Queued', { exact: true })).toBeVisible()
  await expect(item.getByText('Processing', { exact: true })).toBeVisible()
  await expect(item.getByText('Succeeded', { exact: true })).toBeVisible()

  // The studio keeps its own copy of the take: it plays from the studio's origin and downloads with its name.
  const download = item.getByRole('link', { name: 'Download' })
  await expect(download).toHaveAttribute('href', /^\/api\/renders\/[\w-]+\/download$/)
  const downloaded = page.waitForEvent('download')
  await download.click()
  expect((await downloaded).suggestedFilename()).toMatch(
    /^a-paper-boat-drifting-down-a-rain-soaked-street-sora2-\w{8}\.mp4$/,
  )
  expect(page.url()).toMatch(/\/$/)

  // A viewer opened once the copy is kept plays it from the studio's origin (one opened before keeps Cannon's
  // link while it is open, rather than restart the take under the person's hands).
  await expect
    .poll(
      async () => {
        const { items } = (await (await page.request.get('/api/renders?limit=1')).json()) as {
          items: { keptVideoUrl: string | null }[]
        }
        return items[0]?.keptVideoUrl ?? ''
      },
      { timeout: 30_000 },
    )
    .toMatch(/^\/media\//)
  await page.reload()
  await item.getByRole('button', { name: /open/i }).click()
  const video = page.getByLabel('Render video')
  await expect(video).toBeVisible()
  await expect(video).toHaveAttribute('src', /^\/media\/[0-9a-f]{64}\.mp4$/)
  await video.evaluate((v: HTMLVideoElement) =>
    v.readyState >= 1
      ? undefined
      : new Promise((resolve) => v.addEventListener('loadedmetadata', resolve, { once: true })),
  )
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true
    return v.play()
  })
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0.2)
})
