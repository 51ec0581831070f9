import { expect, test, type Page } from '@playwright/test'
import { FIELD_LABELS } from '../src/catalog/catalog-schema'
import type { Catalog, Model, Mode } from '../src/catalog/catalog-schema'

const CONTROL_LABELS = [...new Set<string>(Object.values(FIELD_LABELS)), 'Mode']

async function visibleControls(page: Page) {
  const shown: string[] = []
  for (const label of CONTROL_LABELS) {
    if ((await page.getByLabel(label, { exact: true }).filter({ visible: true }).count()) > 0) shown.push(label)
  }
  return shown.sort()
}

function catalogControls(model: Model, mode: Mode) {
  const labels = new Set<string>(Object.keys(model.fields).map((f) => FIELD_LABELS[f as keyof typeof FIELD_LABELS]))
  for (const slot of mode.media) labels.add(FIELD_LABELS[slot.field])
  if (model.modes.length > 1) labels.add('Mode')
  return [...labels].sort()
}

/** Fills a mode's required media with the studio's demo files. */
async function fillMedia(page: Page, mode: Mode) {
  for (const slot of mode.media.filter((s) => s.required)) {
    const label = FIELD_LABELS[slot.field]
    if (slot.maxItems !== undefined) await page.getByRole('button', { name: 'Add demo image' }).click()
    else await page.getByRole('button', { name: `Use a demo file for ${label}`, exact: true }).click()
  }
}

test('every model shows its own fields and sends only its own wire fields', async ({ page }) => {
  const catalog = (await (await page.request.get('/api/catalog')).json()) as Catalog
  await page.goto('/')
  await expect(page.getByText(/demo mode/i)).toBeVisible()
  await page.getByLabel('Prompt', { exact: true }).fill('A paper boat drifting down a rain-soaked street at dusk')

  for (const model of catalog.models) {
    await page.getByRole('radio', { name: model.name, exact: true }).click()
    for (const mode of model.modes) {
      if (model.modes.length > 1) {
        await page
          .getByRole('radiogroup', { name: 'Mode' })
          .getByRole('radio', { name: mode.label, exact: true })
          .click()
      }
      // Media slots load on demand: wait for them rather than reading the form mid-load.
      await expect(page.getByText('Loading media slots…')).toHaveCount(0)
      expect(await visibleControls(page), `${model.name}, ${mode.label}`).toEqual(catalogControls(model, mode))
    }

    // Submit in the last mode (it has media): the request holds the model's fields and that mode's media only.
    const mode = model.modes.at(-1)!
    await fillMedia(page, mode)
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/requests'))
    const accepted = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/requests'),
    )
    await page.getByRole('button', { name: 'Generate' }).click()
    const body = (await sent).postDataJSON() as { operation: string; input: Record<string, unknown> }
    expect((await accepted).status(), model.name).toBe(202)

    const allowed = new Set(['model', ...Object.keys(model.fields), ...mode.media.map((s) => s.field)])
    expect(body.operation).toBe('video.generate')
    expect(body.input.model).toBe(model.id)
    expect(
      Object.keys(body.input).filter((key) => !allowed.has(key)),
      model.name,
    ).toEqual([])
    for (const slot of mode.media.filter((s) => s.required)) expect(body.input[slot.field], slot.field).toBeTruthy()
  }
})

test('a model switch says what changed', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('radio', { name: 'Wan 2.7', exact: true }).click()
  await page.getByLabel('Negative prompt', { exact: true }).fill('distorted faces')
  await page.getByLabel('Duration in seconds').fill('10')
  await page.getByRole('radio', { name: 'Sora 2', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Switched to Sora 2' })).toHaveText(
    /Negative prompt removed: Sora 2 does not support it; Duration 10 s → 8 s/,
  )
})
