import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { startFakeUpstream, type FakeUpstream } from '../src/server/fake-upstream'
import { startBuiltStudio } from './built-studio'
import { UPLOADS_OFF_PORT, UPLOADS_PORT } from './ports'
import { chooseModel } from './choose-model'

const PNG = readFileSync('src/media/fixtures/image.png')
const JPG = readFileSync('src/media/fixtures/image.jpg')
const PUBLIC_URL = 'https://studio.example.com'

async function openWan(page: Page, mode: string) {
  await chooseModel(page, 'Wan 2.7')
  await page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: mode, exact: true }).click()
}

/** Drops a file on an element as a person dragging it from their desktop would. */
async function dropFile(page: Page, selector: string, file: { name: string; type: string; bytes: Buffer }) {
  const target = await page.locator(selector).elementHandle()
  await page.evaluate(
    ({ target, name, type, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const data = new DataTransfer()
      data.items.add(new File([bytes], name, { type }))
      for (const kind of ['dragenter', 'dragover', 'drop'])
        target!.dispatchEvent(new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }))
    },
    { target, name: file.name, type: file.type, base64: file.bytes.toString('base64') },
  )
}

const loaded = (page: Page, name: string) =>
  expect
    .poll(() => page.getByAltText(name).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0)

test.describe('demo studio', () => {
  test('a picked and a dropped image are stored, previewed, kept across a reload and sent as the studio’s own files', async ({
    page,
  }) => {
    const cspViolations: string[] = []
    page.on('console', (m) => void (/Content Security Policy/i.test(m.text()) && cspViolations.push(m.text())))
    await page.goto('/')
    await openWan(page, 'First + last frame')
    await page.getByLabel('Upload First frame').setInputFiles({ name: 'first.png', mimeType: 'image/png', buffer: PNG })
    await dropFile(page, '#composer-last_frame_url', { name: 'last.jpg', type: 'image/jpeg', bytes: JPG })

    const first = page.getByRole('textbox', { name: 'First frame', exact: true })
    const last = page.getByRole('textbox', { name: 'Last frame', exact: true })
    await expect(first).toHaveValue(/^\/media\/[0-9a-f]{64}\.png$/)
    await expect(last).toHaveValue(/^\/media\/[0-9a-f]{64}\.jpg$/)
    await expect(page.getByRole('progressbar')).toHaveCount(0)
    await loaded(page, 'First frame preview')
    await loaded(page, 'Last frame preview')

    await page.reload()
    await expect(first).toHaveValue(/^\/media\/[0-9a-f]{64}\.png$/)
    await loaded(page, 'First frame preview')

    await page.getByLabel('Prompt', { exact: true }).fill('A kite rising over dunes')
    const create = page.waitForRequest((r) => r.url().endsWith('/api/v1/requests') && r.method() === 'POST')
    await page.getByRole('button', { name: 'Generate' }).click()
    const { input } = (await create).postDataJSON() as { input: Record<string, string> }
    expect(input.image_url).toBe(await first.inputValue())
    expect(input.last_frame_url).toBe(await last.inputValue())
    expect(await (await page.request.get(input.image_url!)).body()).toEqual(PNG)
    expect(await (await page.request.get(input.last_frame_url!)).body()).toEqual(JPG)
    await expect(page.getByText('Sent to Wan 2.7: it is in the gallery.')).toBeVisible()
    expect(cspViolations).toEqual([])
  })

  test('an SVG, an oversized image and a disguised file are refused with plain messages', async ({ page }) => {
    let uploads = 0
    page.on('request', (r) => void (r.url().endsWith('/api/media') && uploads++))
    await page.goto('/')
    await openWan(page, 'First frame')
    const input = page.getByLabel('Upload First frame')
    const alert = page.getByRole('alert')

    await input.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg/>') })
    await expect(alert).toHaveText('First frame takes JPEG, PNG or WebP images; logo.svg is not one')
    // Made in the page: 21 MB sent from the test to the browser takes long on a busy machine.
    await input.evaluate((element: HTMLInputElement) => {
      const data = new DataTransfer()
      data.items.add(new File([new Uint8Array(21 * 1024 * 1024)], 'huge.png', { type: 'image/png' }))
      element.files = data.files
      element.dispatchEvent(new Event('change', { bubbles: true }))
    })
    await expect(alert).toHaveText('Images can be at most 20 MB; this one is 21 MB')
    expect(uploads).toBe(0)

    // Only the server reads the bytes: a page named like a picture gets its 415 message at the slot.
    const page415 = Buffer.from('<!doctype html><script>alert(1)</script>')
    await input.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: page415 })
    await expect(alert).toHaveText('Web pages (HTML) are not accepted')
    expect(uploads).toBe(1)
    await expect(page.getByRole('textbox', { name: 'First frame', exact: true })).toHaveValue('')
  })
})

test.describe('live studios', () => {
  const KEY = 'cs_live_e2e_uploads_7d1e3a'
  let fake: FakeUpstream
  const studios: Awaited<ReturnType<typeof startBuiltStudio>>[] = []

  test.beforeAll(async () => {
    // One at a time: a new embedded ledger takes seconds to create, far longer on a busy machine.
    test.setTimeout(150_000)
    fake = await startFakeUpstream()
    const live = { CANNON_API_KEY: KEY, CANNON_API_BASE: fake.origin }
    studios.push(await startBuiltStudio(UPLOADS_PORT, { ...live, STUDIO_PUBLIC_URL: PUBLIC_URL }))
    studios.push(await startBuiltStudio(UPLOADS_OFF_PORT, live))
  })
  test.afterAll(async () => {
    await Promise.all(studios.map((s) => s.stop()))
    await fake?.close()
  })

  test('with STUDIO_PUBLIC_URL, an upload is addressed there and Cannon is sent that address', async ({ page }) => {
    await page.goto(studios[0]!.origin)
    await openWan(page, 'First frame')
    const stored = page.waitForResponse((r) => r.url().endsWith('/api/media'))
    await page.getByLabel('Upload First frame').setInputFiles({ name: 'first.png', mimeType: 'image/png', buffer: PNG })
    const { url } = (await (await stored).json()) as { url: string }
    expect(url).toMatch(new RegExp(`^${PUBLIC_URL}/media/[0-9a-f]{64}\\.png$`))
    await expect(page.getByRole('textbox', { name: 'First frame', exact: true })).toHaveValue(url)
    // The browser reaches the studio at another address than Cannon does: the preview loads this studio's copy.
    await loaded(page, 'First frame preview')

    await page.getByLabel('Prompt', { exact: true }).fill('A kite rising over dunes')
    await page.getByRole('button', { name: 'Generate' }).click()
    await expect(page.getByText('Sent to Wan 2.7: it is in the gallery.')).toBeVisible()
    const forwarded = () => fake.calls.find((c) => c.method === 'POST' && c.path === '/api/v1/requests')
    await expect.poll(forwarded).toBeTruthy()
    const { input } = JSON.parse(forwarded()!.body) as { input: Record<string, string> }
    expect(input.image_url).toBe(url)
    expect(input.image_url!.startsWith(`${PUBLIC_URL}/media/`)).toBe(true)
    const served = await page.request.get(`${studios[0]!.origin}${new URL(url).pathname}`)
    expect(await served.body()).toEqual(PNG)
  })

  test('without a public URL, uploading says how to turn it on', async ({ page }) => {
    await page.goto(studios[1]!.origin)
    await openWan(page, 'First frame')
    await page.getByLabel('Upload First frame').setInputFiles({ name: 'first.png', mimeType: 'image/png', buffer: PNG })
    await expect(page.getByRole('alert')).toHaveText(
      'Uploading needs a place Cannon can fetch files from: set STUDIO_PUBLIC_URL (the https address of this studio) or S3 storage (STUDIO_S3_*). Until then, paste https:// links.',
    )
    await expect(page.getByRole('textbox', { name: 'First frame', exact: true })).toHaveValue('')
  })
})
