import { expect, test, type Page } from '@playwright/test'
import { FIELD_LABELS } from '../src/catalog/wire-fields'
import type { Catalog, Model, Mode } from '../src/catalog/catalog-schema'
import { chooseModel } from './choose-model'

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
    await chooseModel(page, model.name)
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
  await chooseModel(page, 'Wan 2.7')
  await page.getByLabel('Negative prompt', { exact: true }).fill('distorted faces')
  await page.getByLabel('Duration in seconds').fill('10')
  await chooseModel(page, 'Sora 2')
  await expect(page.getByRole('status').filter({ hasText: 'Switched to Sora 2' })).toHaveText(
    /Negative prompt removed: Sora 2 does not support it; Duration 10 s → 8 s/,
  )
})

test('Wan 2.7 → Sora 2 → Wan 2.7 brings back every value Sora 2 had no place for', async ({ page }) => {
  await page.goto('/')
  await chooseModel(page, 'Wan 2.7')
  await page.getByLabel('Prompt', { exact: true }).fill('A lantern festival seen from a rooftop')
  await page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'First frame', exact: true }).click()
  await page.getByRole('button', { name: 'Use a demo file for First frame', exact: true }).click()
  await page.getByRole('button', { name: 'Use a demo file for Audio', exact: true }).click()
  await page.getByLabel('Negative prompt', { exact: true }).fill('blur, text')
  await page.getByLabel('Duration in seconds').fill('10')
  await page.getByRole('radiogroup', { name: 'Aspect ratio' }).getByRole('radio', { name: '4:3', exact: true }).click()
  await page.getByRole('radiogroup', { name: 'Resolution' }).getByRole('radio', { name: '1080p', exact: true }).click()
  await page.getByRole('spinbutton', { name: 'Seed', exact: true }).fill('4242')
  const firstFrame = await page.getByRole('textbox', { name: 'First frame', exact: true }).inputValue()

  await chooseModel(page, 'Sora 2')
  await expect(page.getByLabel('Negative prompt', { exact: true })).toHaveCount(0)
  await expect(page.getByRole('textbox', { name: 'Audio', exact: true })).toHaveCount(0)

  await chooseModel(page, 'Wan 2.7')
  await expect(page.getByRole('status').filter({ hasText: 'Switched to Wan 2.7' })).toHaveText(
    'Switched to Wan 2.7. Negative prompt, Duration, Aspect ratio, Resolution, Seed, Audio back as you left them.',
  )
  await expect(page.getByLabel('Negative prompt', { exact: true })).toHaveValue('blur, text')
  await expect(page.getByLabel('Duration in seconds')).toHaveValue('10')
  const checked = (group: string, option: string) =>
    expect(page.getByRole('radiogroup', { name: group }).getByRole('radio', { name: option, exact: true }))
  await checked('Aspect ratio', '4:3').toHaveAttribute('aria-checked', 'true')
  await checked('Resolution', '1080p').toHaveAttribute('aria-checked', 'true')
  await checked('Mode', 'First frame').toHaveAttribute('aria-checked', 'true')
  await expect(page.getByRole('spinbutton', { name: 'Seed', exact: true })).toHaveValue('4242')
  await expect(page.getByRole('textbox', { name: 'First frame', exact: true })).toHaveValue(firstFrame)
  await expect(page.getByRole('textbox', { name: 'Audio', exact: true })).toHaveValue('/demo/tone.mp3')
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue('A lantern festival seen from a rooftop')
})

/** Every segmented group on the page: its buttons' rows, and whether any label is cut off. */
async function segmentedLayout(page: Page) {
  return page.getByRole('radiogroup').evaluateAll((groups) =>
    groups.map((group) => {
      const buttons = [...group.querySelectorAll<HTMLElement>('[role="radio"]')]
      const rows = new Map<number, number>()
      for (const button of buttons) {
        const top = Math.round(button.getBoundingClientRect().top)
        rows.set(top, (rows.get(top) ?? 0) + 1)
      }
      const widths = buttons.map((button) => button.getBoundingClientRect().width)
      return {
        name:
          group.getAttribute('aria-labelledby') &&
          document.getElementById(group.getAttribute('aria-labelledby')!)?.textContent,
        rows: [...rows.values()],
        unevenWidths: Math.max(...widths) - Math.min(...widths) > 1,
        cutOff: buttons.filter((button) => button.scrollWidth > button.clientWidth).map((b) => b.textContent),
      }
    }),
  )
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`modes and steps sit in even rows, never one left alone, at ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize(viewport)
    const catalog = (await (await page.request.get('/api/catalog')).json()) as Catalog
    await page.goto('/')
    for (const model of catalog.models) {
      await chooseModel(page, model.name)
      for (const group of await segmentedLayout(page)) {
        const where = `${model.name}: ${group.name}`
        expect(Math.max(...group.rows) - Math.min(...group.rows), `${where} rows ${group.rows}`).toBeLessThanOrEqual(1)
        expect(group.unevenWidths, where).toBe(false)
        expect(group.cutOff, where).toEqual([])
      }
    }
  })
}

test('a portrait first frame previews whole, in its own shape', async ({ page }) => {
  await page.goto('/')
  await chooseModel(page, 'Wan 2.7')
  await page.getByRole('radiogroup', { name: 'Aspect ratio' }).getByRole('radio', { name: '9:16', exact: true }).click()
  await page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'First frame', exact: true }).click()
  await page.getByRole('button', { name: 'Use a demo file for First frame', exact: true }).click()
  const preview = page.getByAltText('First frame preview')
  await expect(preview).toBeVisible()
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  const shape = await preview.evaluate((img: HTMLImageElement) => ({
    natural: img.naturalWidth / img.naturalHeight,
    shown: img.clientWidth / img.clientHeight,
    fit: getComputedStyle(img).objectFit,
  }))
  expect(shape.natural).toBeLessThan(1)
  expect(shape.fit).toBe('contain')
  expect(Math.abs(shape.shown - shape.natural) / shape.natural).toBeLessThan(0.03)
})
