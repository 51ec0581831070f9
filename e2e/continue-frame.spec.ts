import type { Page } from '@playwright/test'
import { expect, test } from './fresh-studio'
import { chooseModel } from './choose-model'
import { recordCreates } from './creates'

/**
 * The mean absolute difference (0–255, over RGB) between a PNG and the frame a video shows at `seconds`, each
 * drawn to a canvas of the video's size in the page.
 */
const frameDifference = (page: Page, pngUrl: string, videoUrl: string, seconds: number) =>
  page.evaluate(
    async ({ pngUrl, videoUrl, seconds }) => {
      const video = Object.assign(document.createElement('video'), { muted: true, preload: 'auto', src: videoUrl })
      await new Promise((resolve) => video.addEventListener('loadedmetadata', resolve, { once: true }))
      const seeked = new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }))
      video.currentTime = seconds
      await seeked
      if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA)
        await new Promise((resolve) => video.addEventListener('loadeddata', resolve, { once: true }))
      const image = new Image()
      image.src = pngUrl
      await image.decode()
      const pixels = (source: CanvasImageSource) => {
        const canvas = Object.assign(document.createElement('canvas'), {
          width: video.videoWidth,
          height: video.videoHeight,
        })
        const context = canvas.getContext('2d', { willReadFrequently: true })!
        context.drawImage(source, 0, 0)
        return context.getImageData(0, 0, canvas.width, canvas.height).data
      }
      const [a, b] = [pixels(image), pixels(video)]
      const brightness = (data: Uint8ClampedArray) => data.reduce((sum, value) => sum + value, 0) / data.length
      let sum = 0
      for (let i = 0; i < a.length; i += 4)
        sum += Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!)
      return {
        difference: sum / ((a.length / 4) * 3),
        // Both mean brightnesses, so a failure says which side came out empty.
        brightness: [brightness(a), brightness(b)],
        sameSize: image.naturalWidth === video.videoWidth && image.naturalHeight === video.videoHeight,
      }
    },
    { pngUrl, videoUrl, seconds },
  )

test('Continue from frame makes a render whose first frame is the picked frame, and it joins the sequence next', async ({
  page,
}) => {
  test.setTimeout(180_000) // three renders and a clip cut on the server, on a busy 2-core machine
  const creates = recordCreates(page)
  await page.goto('/')
  await chooseModel(page, 'Grok')
  await page.getByLabel('Prompt', { exact: true }).fill('Dunes at noon, a kite rising')
  await page.getByRole('button', { name: 'Generate' }).click()
  const item = page.getByRole('region', { name: 'Gallery' }).getByRole('listitem').first()
  await expect(item.getByText('Succeeded', { exact: true })).toBeVisible({ timeout: 30_000 })
  await item.getByRole('button', { name: 'Add to sequence' }).click()
  const adding = page.getByRole('dialog', { name: 'Add to sequence' })
  await adding.getByLabel('New sequence').fill('Dunes')
  await adding.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByText('Added to “Dunes” as shot 1')).toBeVisible()

  await page.getByRole('button', { name: 'Sequences' }).click()
  await page.getByRole('button', { name: 'Open Dunes', exact: true }).click()
  const view = page.getByRole('region', { name: 'Sequence' })
  const open = view.getByRole('button', { name: 'Continue from frame…' })
  // The button waits for the studio's own copy of the take, which a canvas may read.
  await expect(open).toBeEnabled({ timeout: 30_000 })
  await open.click()

  const picker = page.getByRole('dialog', { name: 'Continue from frame: shot 1' })
  const shown = picker.getByLabel('Frame to continue from')
  await expect.poll(() => shown.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2)
  const picked = picker.getByRole('status', { name: 'Picked frame' })
  const last = Number(/frame (\d+)/.exec((await picked.textContent()) ?? '')?.[1])
  expect(last).toBeGreaterThan(24)
  await page.keyboard.press(',')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press(',')
  const frame = last - 3
  await expect(picked).toHaveText(`${(frame / 24).toFixed(3)} s, frame ${frame}`)
  await expect.poll(() => shown.evaluate((v: HTMLVideoElement) => Math.floor(v.currentTime * 24))).toBe(frame)
  const takeUrl = await shown.evaluate((v: HTMLVideoElement) => v.currentSrc)
  expect(new URL(takeUrl).pathname).toMatch(/^\/media\//)

  await picker.getByRole('button', { name: 'Use this frame' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  const firstFrame = page.getByRole('textbox', { name: 'First frame' })
  await expect(firstFrame).toHaveValue(/^\/media\/[0-9a-f]{64}\.png$/)
  const pngUrl = await firstFrame.inputValue()

  const same = await frameDifference(page, pngUrl, takeUrl, (frame + 0.5) / 24)
  expect(same.sameSize).toBe(true)
  expect(same.difference, `brightness of the PNG and the frame: ${same.brightness.join(', ')}`).toBeLessThan(1)
  // A frame ten frames earlier looks different, so the match above means something.
  expect((await frameDifference(page, pngUrl, takeUrl, (frame - 10 + 0.5) / 24)).difference).toBeGreaterThan(2)

  await page.getByRole('button', { name: 'Generate' }).click()
  await expect.poll(() => creates.length).toBe(2)
  const [take, next] = [creates[0]!, creates[1]!]
  expect(next.input.image_url).toBe(pngUrl)
  expect(next.headers['x-studio-relation']).toBe('last-frame')
  expect(next.headers['x-studio-parent-id']).toBe(take.headers['x-studio-render-id'])

  // Once it succeeds, the new render is the sequence's next shot.
  const shotTakes = async () =>
    (
      (await (await page.request.get('/api/sequences')).json()) as { items: { shots: { activeTakeId: string }[] }[] }
    ).items[0]!.shots.map((shot) => shot.activeTakeId)
  await expect
    .poll(shotTakes, { timeout: 30_000 })
    .toEqual([take.headers['x-studio-render-id'], next.headers['x-studio-render-id']])
  await page.getByRole('button', { name: 'Sequences' }).click()
  await page.getByRole('button', { name: 'Open Dunes', exact: true }).click()
  await expect(view.getByRole('list', { name: 'Shots' }).getByRole('listitem')).toHaveCount(2)

  // Wan 2.7 continues the take itself: the server cuts it up to the picked frame.
  await view.getByRole('button', { name: 'Continue from frame…' }).click()
  await page.keyboard.press(',')
  await expect(picked).toHaveText(`${((last - 1) / 24).toFixed(3)} s, frame ${last - 1}`)
  await picker.getByRole('button', { name: 'Continue the clip up to this frame' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  const sourceClip = page.getByRole('textbox', { name: 'Source clip' })
  await expect(sourceClip).toHaveValue(/^\/media\/[0-9a-f]{64}\.mp4$/)
  const clipSeconds = await page.evaluate(
    async (url) => {
      const video = Object.assign(document.createElement('video'), { muted: true, src: url })
      await new Promise((resolve) => video.addEventListener('loadedmetadata', resolve, { once: true }))
      return video.duration
    },
    await sourceClip.inputValue(),
  )
  expect(Math.abs(clipSeconds - last / 24)).toBeLessThanOrEqual(1 / 24)
  await page.getByRole('button', { name: 'Generate' }).click()
  await expect.poll(() => creates.length).toBe(3)
  expect(creates[2]!.input).toMatchObject({ model: 'wan27video', source_video_url: await sourceClip.inputValue() })
  expect(creates[2]!.headers['x-studio-relation']).toBe('continue')
  // The continuation goes on from shot 1, so it comes right after it.
  await expect
    .poll(shotTakes, { timeout: 30_000 })
    .toEqual([
      take.headers['x-studio-render-id'],
      creates[2]!.headers['x-studio-render-id'],
      next.headers['x-studio-render-id'],
    ])
})
