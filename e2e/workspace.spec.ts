import { expect, test } from './fresh-studio'
import { chooseModel } from './choose-model'
import { finishedRender, gallery, seedLedger } from './gallery-seed'
import { catalogV1 } from '../src/catalog/models-v1'

/*
 * The app shell: Generate stays in reach for every model and mode, the newest take lands in view, and the
 * composer stays in place while the gallery scrolls; on a phone the gallery is one tap away.
 */
const DESKTOP = { width: 1440, height: 900 }
const PHONE = { width: 390, height: 844 }

for (const [name, viewport] of [
  ['1440×900', DESKTOP],
  ['390×844', PHONE],
] as const) {
  test(`Generate is in view for every model and mode at ${name}, and the header is one line`, async ({ page }) => {
    await page.setViewportSize(viewport)
    await page.goto('/')
    const header = page.locator('header')
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64)
    const generate = page.getByRole('button', { name: 'Generate' })
    for (const model of catalogV1.models) {
      await chooseModel(page, model.name)
      for (const mode of model.modes) {
        if (model.modes.length > 1) {
          await page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: mode.label }).click()
        }
        await expect(generate, `${model.name}, ${mode.label}`).toBeInViewport({ ratio: 1 })
      }
    }
  })
}

test('the newest take lands in view after Generate, and the composer stays put while the gallery scrolls', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP)
  await seedLedger(
    page.request,
    Array.from({ length: 40 }, (_, i) =>
      finishedRender(i, { model: 'grok', prompt: `Older take ${i}`, duration: 6, aspect_ratio: '16:9' }),
    ),
  )
  await page.goto('/')
  await expect(gallery(page).getByRole('listitem').first()).toBeVisible()
  const prompt = page.getByLabel('Prompt', { exact: true })
  const before = await prompt.boundingBox()

  await page.mouse.move(1000, 600)
  await page.mouse.wheel(0, 2500)
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000)
  expect(await prompt.boundingBox()).toEqual(before)
  await expect(page.getByRole('button', { name: 'Generate' })).toBeInViewport({ ratio: 1 })

  await prompt.fill('A kite over the dunes at noon')
  await page.getByRole('button', { name: 'Generate' }).click()
  const newest = gallery(page).getByRole('listitem').first()
  await expect(newest).toContainText('A kite over the dunes at noon')
  await expect(newest).toBeInViewport()
})

test('on a phone the gallery is one tap away, and Compose brings the form back as it was', async ({ page }) => {
  await page.setViewportSize(PHONE)
  await page.goto('/')
  await page.getByLabel('Prompt', { exact: true }).fill('A lighthouse in a storm')
  const views = page.getByRole('navigation', { name: 'Studio views' })
  await views.getByRole('button', { name: 'Gallery' }).click()
  await expect(gallery(page)).toBeInViewport()
  await expect(page.getByLabel('Prompt', { exact: true })).toBeHidden()
  await views.getByRole('button', { name: 'Compose' }).click()
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue('A lighthouse in a storm')
  await expect(page.getByRole('button', { name: 'Generate' })).toBeInViewport({ ratio: 1 })
})
