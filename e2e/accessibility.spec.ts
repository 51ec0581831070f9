import { seriousViolations } from './axe-check'
import { expect, test } from './fresh-studio'
import { finishedRender, gallery, seedLedger } from './gallery-seed'

/*
 * axe-core on every screen a creative works in (composer, gallery, player, compare, spend), on a desktop and on a
 * phone: no serious or critical violation of WCAG 2.1 A/AA.
 */
const takes = [
  { model: 'seedance2', prompt: 'Neon rain on a night market in Tokyo', duration: 5, aspect_ratio: '16:9', seed: 4 },
  { model: 'sora2', prompt: 'A paper boat at dusk', duration: 4, aspect_ratio: '9:16', resolution: '720p', seed: 5 },
  { model: 'grok', prompt: 'A heron lifting off a misty river', duration: 6, aspect_ratio: '1:1', seed: 6 },
]

for (const viewport of [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`composer, gallery, player, compare and spend have no serious violations (${viewport.name})`, async ({
    page,
  }) => {
    test.setTimeout(240_000) // a whole-page analysis takes 5–11 s on a busy 2-core machine
    await page.setViewportSize(viewport)
    await seedLedger(
      page.request,
      takes.map((input, i) => finishedRender(i, input)),
    )
    await page.goto('/')
    await expect(page.getByRole('button', { name: 'Generate' })).toBeVisible()
    expect(await seriousViolations(page), 'composer').toEqual([])

    const phone = viewport.width < 1024
    if (phone)
      await page.getByRole('navigation', { name: 'Studio views' }).getByRole('button', { name: 'Gallery' }).click()
    await expect(gallery(page).getByRole('listitem')).toHaveCount(takes.length)
    expect(await seriousViolations(page), 'gallery').toEqual([])

    await gallery(page).getByRole('listitem').first().getByRole('button', { name: /^Open/ }).click()
    const viewer = page.getByRole('dialog')
    await expect(viewer).toBeVisible()
    expect(await seriousViolations(page, '[role="dialog"]'), 'player').toEqual([])
    await page.keyboard.press('Escape')
    await expect(viewer).toHaveCount(0)

    await gallery(page).getByRole('button', { name: 'Select to compare' }).click()
    const items = gallery(page).getByRole('listitem')
    await items.nth(0).getByLabel('Select for compare').check()
    await items.nth(1).getByLabel('Select for compare').check()
    await gallery(page).getByRole('button', { name: 'Compare', exact: true }).click()
    await expect(page.getByRole('dialog', { name: 'Compare' })).toBeVisible()
    expect(await seriousViolations(page, '[role="dialog"]'), 'compare').toEqual([])
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: /credits/ }).click()
    await expect(page.getByRole('region', { name: 'Credits and you' })).toBeVisible() // it loads on first open
    expect(await seriousViolations(page, '[aria-label="Credits and you"]'), 'credits panel').toEqual([])
    await page.getByRole('button', { name: 'Spend by day, model and person' }).click()
    await expect(page.getByRole('dialog', { name: 'Spend' }).getByRole('table').first()).toBeVisible()
    expect(await seriousViolations(page, '[role="dialog"]'), 'spend').toEqual([])
  })
}
