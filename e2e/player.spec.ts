import AxeBuilder from '@axe-core/playwright'
import type { Locator } from '@playwright/test'
import { expect, test } from './fresh-studio'

const FRAME = 1 / 24 // the demo clips' rate (scripts/make-demo-media.sh)

const time = (video: Locator) => video.evaluate((v: HTMLVideoElement) => v.currentTime)
const paused = (video: Locator) => video.evaluate((v: HTMLVideoElement) => v.paused)

test('the player opens playing with the take’s length, and the keys of an editor drive it', async ({ page }) => {
  // Made through the BFF, as the composer would: the studio follows it to the end with no browser open.
  const created = await page.request.post('/api/v1/requests', {
    headers: { 'x-idempotency-key': 'player-spec-take' },
    data: {
      operation: 'video.generate',
      input: { model: 'grok', prompt: 'A lantern drifting over a night lake', duration: 6, aspect_ratio: '16:9' },
    },
  })
  expect(created.status()).toBe(202)

  await page.goto('/')
  const item = page.getByRole('region', { name: 'Gallery' }).getByRole('listitem').first()
  await expect(item.getByText('Succeeded', { exact: true })).toBeVisible()
  await item.getByRole('button', { name: /^Open/ }).click()
  const viewer = page.getByRole('dialog', { name: 'A lantern drifting over a night lake' })
  const video = viewer.getByLabel('Render video')

  // The take's length is on screen at once (never "0:00 / 0:00"), and it plays without being asked.
  await expect(viewer.getByText(/^0:0\d\.\d\d \/ 0:06\.00$/)).toBeVisible()
  await expect.poll(() => paused(video)).toBe(false)
  await expect.poll(() => time(video)).toBeGreaterThan(0.2)

  await page.keyboard.press('Space')
  await expect.poll(() => paused(video)).toBe(true)
  await expect(viewer.getByRole('button', { name: 'Play' })).toBeVisible()

  const before = await time(video)
  await page.keyboard.press('l')
  await expect.poll(() => time(video)).toBeCloseTo(before + 1, 5)

  const beforeStep = await time(video)
  await page.keyboard.press('.')
  await expect.poll(() => time(video)).toBeGreaterThan(beforeStep + FRAME / 2)
  expect(await time(video)).toBeLessThanOrEqual(beforeStep + 1.5 * FRAME + 1e-6)
  expect(await paused(video)).toBe(true)

  await page.keyboard.press('m')
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.muted)).toBe(true)
  await expect(viewer.getByRole('button', { name: 'Unmute' })).toBeVisible()

  await page.keyboard.press('f')
  await expect
    .poll(() => video.evaluate((v) => document.fullscreenElement?.contains(v) ?? false), { timeout: 5_000 })
    .toBe(true)
  // Fullscreen fills the screen: the video takes most of its height, the controls are still there.
  const screenHeight = await page.evaluate(() => window.innerHeight)
  expect((await video.boundingBox())!.height).toBeGreaterThan(screenHeight * 0.6)
  await expect(viewer.getByRole('button', { name: 'Exit fullscreen' })).toBeVisible()
  await page.keyboard.press('m') // the keys still work in fullscreen
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.muted)).toBe(false)

  await page.keyboard.press('Escape')
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true)
  await expect(viewer).toBeVisible()

  // The take's numbers, labelled as such.
  const numbers = viewer.getByRole('region', { name: 'Cost and time' })
  await expect(numbers.getByText('Credits').locator('xpath=following-sibling::dd[1]')).toHaveText(/^\d[\d,]* credits?$/)
  await expect(numbers.getByText('Queue time').locator('xpath=following-sibling::dd[1]')).toHaveText(/^\d+ s$/)
  await expect(numbers.getByText('Render time').locator('xpath=following-sibling::dd[1]')).toHaveText(/^\d+ s$/)

  const { violations } = await new AxeBuilder({ page }).include('[role="dialog"]').analyze()
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
})
