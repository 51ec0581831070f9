import { expect, test } from './fresh-studio'
import { finishedRender, gallery, seedLedger } from './gallery-seed'

/*
 * Credits in the studio, in demo mode on a fresh ledger (so estimates come from the demo price list): the
 * estimate beside Generate follows the duration, Variations shows its total, and anything over this browser's
 * threshold asks first.
 */
const creates = (page: import('@playwright/test').Page) => {
  const posted: unknown[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/v1/requests')) posted.push(request.postDataJSON())
  })
  return posted
}
const credits = (text: string | null) => Number(/≈ ([\d,]+) credits/.exec(text ?? '')?.[1]?.replace(/,/g, ''))

test('the estimate beside Generate follows the duration, and says how sure it is', async ({ page }) => {
  await page.goto('/')
  const estimate = page.getByTestId('estimate')
  await expect(estimate).toHaveText(/^≈ \d+ credits · [\d,]+ left after/)
  const before = credits(await estimate.textContent())
  await expect(estimate).toHaveAttribute('title', /demo price list/)

  const duration = page.getByLabel('Duration in seconds')
  await duration.fill(String(Number(await duration.inputValue()) + 5))
  await expect.poll(async () => credits(await estimate.textContent())).toBeGreaterThan(before)
})

test('an action over the threshold asks first; Cancel sends nothing; Variations shows the total', async ({ page }) => {
  await seedLedger(page.request, [
    finishedRender(0, { model: 'seedance2', prompt: 'A fox in snow', duration: 5, resolution: '720p', seed: 3 }),
  ])
  const posted = creates(page)
  await page.goto('/')
  await page.getByRole('button', { name: /credits/ }).click()
  await page.getByLabel('Ask before spending over (credits)').fill('10')
  await page.keyboard.press('Escape')

  await page.getByLabel('Prompt', { exact: true }).fill('A heron lifting off a misty river')
  await page.getByRole('button', { name: 'Generate' }).click()
  const question = page.getByRole('alertdialog')
  await expect(question).toContainText(/Generate is estimated at about \d+ credits/)
  await question.getByRole('button', { name: 'Cancel' }).click()
  await expect(question).toHaveCount(0)
  expect(posted).toHaveLength(0)
  await expect(gallery(page).getByRole('listitem')).toHaveCount(1)

  await page.getByRole('button', { name: 'Generate' }).click()
  await question.getByRole('button', { name: /^Spend ≈ \d+ credits$/ }).click()
  await expect(gallery(page).getByRole('listitem')).toHaveCount(2)
  // The render is on the record (and in the gallery) before its POST leaves.
  await expect.poll(() => posted.length).toBe(1)

  const fox = gallery(page).getByRole('listitem').filter({ hasText: 'A fox in snow' })
  await fox.getByRole('button', { name: 'Variations' }).click()
  const dialog = page.getByRole('dialog', { name: 'Variations' })
  const create = dialog.getByRole('button', { name: /^Create 2 · ≈ \d+ credits$/ })
  await expect(create).toBeVisible()
  const each = credits(await create.textContent()) / 2
  await dialog.getByLabel('Count').selectOption('3')
  await dialog.getByRole('button', { name: `Create 3 · ≈ ${each * 3} credits` }).click()
  await expect(question).toContainText(`3 variations is estimated at about ${each * 3} credits`)
  await question.getByRole('button', { name: 'Spend' }).click()
  await expect.poll(() => posted.length).toBe(4)
})
