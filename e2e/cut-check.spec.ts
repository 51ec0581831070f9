import type { APIRequestContext } from '@playwright/test'
import { expect, test } from './fresh-studio'
import { finishedRender, seedLedger } from './gallery-seed'

const input = (prompt: string) => ({ model: 'grok', prompt, duration: 6, aspect_ratio: '16:9' })
const clip = (name: string) => ({ video_url: `/demo/${name}`, duration: 4, aspect_ratio: '16:9' })
// Two takes of unrelated pictures: the lava and the silk demo clips.
const LAVA = { ...finishedRender(0, input('Lava at night'), 'cut'), output: clip('lava-16x9-4s.mp4') }
const SILK = { ...finishedRender(1, input('Silk in the wind'), 'cut'), output: clip('silk-16x9-4s.mp4') }

type Shot = { takeId: string; inMs: number; outMs: number }

async function makeSequence(request: APIRequestContext, name: string, shots: Shot[]) {
  const response = await request.post('/api/sequences', {
    data: {
      name,
      shots: shots.map(({ takeId, inMs, outMs }, i) => ({
        id: `${name.replace(/\W/g, '-')}-${i}`,
        takeIds: [takeId],
        activeTakeId: takeId,
        inMs,
        outMs,
      })),
    },
  })
  expect(response.status(), await response.text()).toBe(201)
}

test('the cut check flags a cut to another picture with both frames, and passes a shot carried on from the last', async ({
  page,
}) => {
  await seedLedger(page.request, [LAVA, SILK])
  await makeSequence(page.request, 'Two pictures', [
    { takeId: LAVA.localId, inMs: 0, outMs: 2000 },
    { takeId: SILK.localId, inMs: 1000, outMs: 3000 },
  ])
  // Shot 2 is the same take, entering where shot 1 leaves it.
  await makeSequence(page.request, 'Carried on', [
    { takeId: LAVA.localId, inMs: 0, outMs: 2000 },
    { takeId: LAVA.localId, inMs: 2000, outMs: 4000 },
  ])
  await page.goto('/')

  await page.getByRole('button', { name: 'Sequences' }).click()
  await page.getByRole('button', { name: 'Open Two pictures' }).click()
  const cuts = page.getByRole('region', { name: 'Sequence' }).getByRole('region', { name: 'Cuts' })
  const cut = cuts.getByRole('listitem', { name: 'Shot 1 → 2' })
  await expect(cut).toContainText(/jumps: colour shifts \d+ %, picture changes \d+ %/, { timeout: 20_000 })
  const frames = [
    cut.getByRole('img', { name: 'Shot 1’s last frame' }),
    cut.getByRole('img', { name: 'Shot 2’s first frame' }),
  ]
  for (const frame of frames) {
    await expect(frame).toBeVisible()
    // A real picture, grabbed from the take: decoded, 160 pixels wide at 16:9.
    expect(await frame.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([160, 90])
  }
  const [left, right] = await Promise.all(frames.map((frame) => frame.boundingBox()))
  expect(right!.x).toBeGreaterThan(left!.x + left!.width - 1)
  expect(Math.abs(right!.y - left!.y)).toBeLessThan(2)
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'Sequences' }).click()
  await page.getByRole('button', { name: 'Open Carried on' }).click()
  await expect(cuts.getByRole('listitem', { name: 'Shot 1 → 2' })).toContainText('smooth', { timeout: 20_000 })
  await expect(cuts.getByRole('img')).toHaveCount(0)
})
