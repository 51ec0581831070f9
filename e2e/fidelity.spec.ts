import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { startFakeUpstream, type FakeUpstream, type RecordedCall } from '../src/server/fake-upstream'
import { startBuiltStudio } from './built-studio'
import { chooseModel } from './choose-model'
import { FIDELITY_PORT } from './ports'

/*
 * The catalog meets a (fake) real Cannon: its OpenAPI document differs from the catalog, the key may only read,
 * and it refuses Sora 2 by name and Grok's 10 s. A live studio before it, and two browsers.
 */
let fake: FakeUpstream
let studio: Awaited<ReturnType<typeof startBuiltStudio>>

/** Cannon as the fake plays it: Sora 2 is unknown, Grok takes only 6 s. */
function refuses(call: RecordedCall) {
  if (call.method !== 'POST' || call.path !== '/api/v1/requests') return undefined
  const { input } = JSON.parse(call.body) as { input: { model: string; duration?: number } }
  if (input.model === 'sora2')
    return { status: 422, body: { error: { message: 'Unknown model: sora2', field: 'model' } } }
  if (input.duration === 10) return { status: 400, body: { message: 'duration must be 6', param: 'input.duration' } }
  return undefined
}

test.beforeAll(async () => {
  fake = await startFakeUpstream()
  fake.world.openApi = JSON.parse(
    readFileSync(new URL('../src/server/catalog-check/fixtures/differs-ranges-3.1.json', import.meta.url), 'utf8'),
  )
  fake.world.scopes = ['requests:read']
  fake.respondWith(refuses)
  studio = await startBuiltStudio(FIDELITY_PORT, {
    CANNON_API_KEY: 'cs_live_fidelity_e2e_91c3',
    CANNON_API_BASE: fake.origin,
    STUDIO_KEEP_TAKES: 'false',
  })
})
test.afterAll(async () => {
  await studio?.stop()
  await fake?.close()
})

test('a key without requests:write and a catalog that differs are said at start and in the header', async ({
  page,
}) => {
  await expect.poll(() => studio.output()).toContain('key_scope_missing')
  expect(studio.output()).toContain('catalog_differs')
  await page.goto(studio.origin)
  await expect(page.getByRole('status').filter({ hasText: 'Key cannot create renders' })).toBeVisible()
  await page.getByRole('button', { name: 'Catalog differs from Cannon' }).click()
  const details = page.getByRole('dialog', { name: 'The catalog and Cannon' })
  await expect(details.getByRole('region', { name: 'wan27video' })).toContainText('Cannon 2–10')
})

test('a refusal that names the model flags it in a second browser; one that names a field shows there', async ({
  page,
  browser,
}) => {
  await page.goto(studio.origin)
  await chooseModel(page, 'Sora 2')
  await page.getByLabel('Prompt').fill('A lighthouse in a storm')
  await page.getByRole('button', { name: 'Generate' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Cannon refused this: Unknown model: sora2' })).toBeVisible()

  const second = await browser.newContext()
  try {
    const other = await second.newPage()
    await other.goto(studio.origin)
    await other.getByRole('button', { name: 'Model', exact: true }).click({ position: { x: 16, y: 12 } })
    const day = new Date().toISOString().slice(0, 10)
    const sora = other.getByRole('listbox', { name: 'Model' }).getByRole('option', { name: 'Sora 2', exact: true })
    await expect(sora).toContainText(`Cannon refused Sora 2 on ${day}: Unknown model: sora2`)
  } finally {
    await second.close()
  }

  await chooseModel(page, 'Grok')
  await page.getByRole('radiogroup', { name: 'Duration' }).getByRole('radio', { name: /10/ }).check()
  await page.getByRole('button', { name: 'Generate' }).click()
  await expect(page.locator('#composer-duration-error')).toHaveText('Cannon refused this: duration must be 6')
})
