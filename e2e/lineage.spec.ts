import { expect, test } from './fresh-studio'
import { seriousViolations } from './axe-check'
import { chooseModel } from './choose-model'

test('Lineage shows a take’s family (a re-run, two variations, a remix) with its totals, and re-runs a node', async ({
  page,
}) => {
  test.setTimeout(180_000) // renders to their end and an axe analysis, on a busy 2-core machine
  await page.goto('/')
  await chooseModel(page, 'Grok')
  await page.getByLabel('Prompt', { exact: true }).fill('A lantern drifting down a canal')
  await page.getByRole('button', { name: 'Generate' }).click()
  const gallery = page.getByRole('region', { name: 'Gallery' })
  const first = gallery.getByRole('listitem').first()
  await expect(first.getByText('Succeeded', { exact: true })).toBeVisible()

  await first.getByRole('button', { name: /^Open/ }).click()
  const viewer = page.getByRole('dialog', { name: 'A lantern drifting down a canal' })
  await viewer.getByRole('button', { name: /^Re-run/ }).click()
  await viewer.getByRole('button', { name: 'Variations' }).click()
  await page
    .getByRole('dialog', { name: 'Variations' })
    .getByRole('button', { name: /^Create 2/ })
    .click()
  await viewer.getByRole('button', { name: 'Remix' }).click()
  await page.getByRole('button', { name: 'Generate' }).click()

  // The remix is a new shot, a card of its own at the top (once it is there: the stack below has Lineage too).
  const remixCard = gallery.getByRole('listitem').first()
  await expect(remixCard).not.toHaveAttribute('aria-label', /^Group of/)
  await remixCard.getByRole('button', { name: 'Lineage' }).click()
  const lineage = page.getByRole('dialog', { name: 'Lineage' })
  const tree = lineage.getByRole('list', { name: 'Lineage tree' })
  await expect(tree.getByRole('listitem')).toHaveCount(5)
  await expect(lineage.getByRole('status')).toHaveText('In all: 5 renders · 90 credits', { timeout: 30_000 })
  const rows = tree.getByRole('listitem')
  await expect(rows.nth(0)).toHaveAttribute('aria-label', 'First render: Grok, Succeeded')
  await expect(rows.nth(0)).toContainText('branch: 5 renders · 90 credits')
  const kinds = await rows.evaluateAll((items) => items.map((li) => li.getAttribute('aria-label')!.split(':')[0]))
  expect(kinds.slice(1).sort()).toEqual(['Re-run', 'Remix', 'Variation', 'Variation'])
  await expect(tree.getByRole('listitem', { name: 'Remix: Grok, Succeeded' })).toHaveAttribute('aria-current', 'true')
  await expect(tree.getByRole('img')).toHaveCount(0) // thumbnails are decorative (alt="")
  await expect(tree.locator('img')).toHaveCount(5)

  expect(await seriousViolations(page, '[role="dialog"]'), 'Lineage').toEqual([])

  // Open a node in the player, and come back to the family from there.
  await tree.getByRole('button', { name: 'Open Remix: Grok, Succeeded' }).click()
  await expect(lineage).toHaveCount(0)
  await page
    .getByRole('dialog', { name: 'A lantern drifting down a canal' })
    .getByRole('button', { name: 'Lineage' })
    .click()
  await expect(tree.getByRole('listitem')).toHaveCount(5)

  // Keyboard: the first render's Re-run is reached with Tab and pressed with Enter.
  const rerunFirst = tree.getByRole('button', { name: 'Re-run First render: Grok, Succeeded' })
  await rerunFirst.focus()
  await page.keyboard.press('Enter')
  await expect(tree.getByRole('listitem')).toHaveCount(6)
  await expect(lineage.getByRole('status')).toHaveText('In all: 6 renders · 108 credits', { timeout: 30_000 })
})
