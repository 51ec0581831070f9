import { expect, test } from './fresh-studio'
import { chooseModel } from './choose-model'
import { recordCreates } from './creates'

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

test('Use last frame makes a render whose first frame is the take’s final frame, at the take’s size', async ({
  page,
}) => {
  const creates = recordCreates(page)
  await page.goto('/')
  await chooseModel(page, 'Grok')
  await page.getByLabel('Prompt', { exact: true }).fill('A kite rising over red dunes')
  await page.getByRole('button', { name: 'Generate' }).click()

  const item = page.getByRole('region', { name: 'Gallery' }).getByRole('listitem').first()
  await expect(item.getByText('Succeeded', { exact: true })).toBeVisible()
  await item.getByRole('button', { name: /^Open/ }).click()
  const viewer = page.getByRole('dialog')
  const video = viewer.getByLabel('Render video')
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0)
  const take = await video.evaluate((v: HTMLVideoElement) => ({ width: v.videoWidth, height: v.videoHeight }))

  // The frame is read from the studio's own copy of the take (a canvas may read it), which the button waits for;
  // a viewer opened before the copy was kept goes on playing Cannon's link (see e2e/journey.spec.ts).
  const useLastFrame = viewer.getByRole('button', { name: 'Use last frame' })
  await expect(useLastFrame).toBeVisible({ timeout: 30_000 })
  await useLastFrame.click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  const firstFrame = page.getByRole('textbox', { name: 'First frame' })
  await expect(firstFrame).toHaveValue(/^\/media\/[0-9a-f]{64}\.png$/)
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue('A kite rising over red dunes')

  await page.getByRole('button', { name: 'Generate' }).click()
  await expect.poll(() => creates.length).toBe(2)
  const next = creates[1]!
  expect(next.input.image_url).toBe(await firstFrame.inputValue())
  expect(next.headers['x-studio-relation']).toBe('last-frame')
  expect(next.headers['x-studio-parent-id']).toBe(creates[0]!.headers['x-studio-render-id'])

  const frame = await page.request.get(String(next.input.image_url))
  expect(pngSize(await frame.body())).toEqual(take)
})
