import { expect, test } from './fresh-studio'
import { seriousViolations } from './axe-check'
import { chooseModel } from './choose-model'

test('Try on models sends one render per model as one group, shows each model’s report and the total, and opens Compare', async ({
  page,
}) => {
  test.setTimeout(180_000) // renders to their end and an axe analysis, on a busy 2-core machine
  const creates: { headers: Record<string, string>; model: string }[] = []
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/api/v1/requests')) return
    creates.push({ headers: request.headers(), model: request.postDataJSON().input.model })
  })
  // Cannon refuses one model's mapped input: that model says why, the others go on.
  await page.route('**/api/v1/requests', async (route) => {
    if (route.request().method() === 'POST' && route.request().postDataJSON().input.model === 'sora2') {
      await route.fulfill({
        status: 422,
        json: { error: { code: 'invalid_input', message: 'Sora 2 is closed to new renders' } },
      })
    } else await route.fallback()
  })
  await page.goto('/')
  await chooseModel(page, 'Seedance 2.0')
  await page.getByLabel('Prompt', { exact: true }).fill('A paper boat on a rainy street')
  await page.getByRole('button', { name: 'Try on models' }).click()

  const dialog = page.getByRole('dialog', { name: 'Try on models' })
  for (const name of ['Veo 3.1', 'Sora 2']) await dialog.getByRole('checkbox', { name, exact: true }).check()
  await expect(dialog.getByRole('listitem', { name: 'Veo 3.1' })).toContainText('Changed: Duration 5 s → 4 s')
  await expect(dialog.getByRole('listitem', { name: 'Sora 2' })).toContainText(
    'Dropped (Sora 2 has no place for it): Watermark, Safety checker',
  )
  await expect(dialog.getByText('3 models · total ≈ 94 credits')).toBeVisible()
  expect(await seriousViolations(page, '[role="dialog"]'), 'Try on models').toEqual([])
  await dialog.getByRole('button', { name: 'Send to 3 models' }).click()

  const report = dialog.getByRole('region', { name: 'Shoot-out report' })
  await expect(report.getByRole('listitem')).toHaveCount(3)
  const sora = report.getByRole('listitem', { name: 'Sora 2' })
  await expect(sora).toContainText('Failed')
  await expect(sora).toContainText('Sora 2 is closed to new renders')
  await expect(report.getByRole('status')).toContainText('still rendering')

  const compare = page.getByRole('dialog', { name: 'Compare' })
  await expect(compare).toBeVisible({ timeout: 30_000 })
  await expect(compare.getByLabel(/^Compare video/)).toHaveCount(2)
  await expect(compare.getByRole('region', { name: 'Differences' })).toContainText('Veo 3.1')

  expect(creates.map((c) => c.model)).toEqual(['seedance2', 'veo31', 'sora2'])
  const group = creates[0]!.headers['x-studio-group-id']
  expect(group).toBe(creates[0]!.headers['x-studio-render-id'])
  expect(creates.map((c) => c.headers['x-studio-group-id'])).toEqual([group, group, group])
  expect(creates.slice(1).map((c) => [c.headers['x-studio-relation'], c.headers['x-studio-parent-id']])).toEqual([
    ['shootout', group],
    ['shootout', group],
  ])
  expect(new Set(creates.map((c) => c.headers['x-idempotency-key'])).size).toBe(3)

  // The gallery stacks the shoot-out as one group.
  await page.keyboard.press('Escape')
  const gallery = page.getByRole('region', { name: 'Gallery' })
  await expect(gallery.getByRole('listitem', { name: /^Group of 3 takes/ })).toContainText('Shoot-out')
})
