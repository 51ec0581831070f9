import { readFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fresh-studio'
import { chooseModel } from './choose-model'

const PROMPTS = ['A lighthouse at dusk', 'Waves on black rocks', 'A gull over the harbour']

async function makeTakes(page: Page) {
  await chooseModel(page, 'Grok')
  // Each in its own shape, so each plays a clip of its own.
  for (const [i, prompt] of PROMPTS.entries()) {
    await page.getByLabel('Prompt', { exact: true }).fill(prompt)
    const shape = ['16:9', '1:1', '9:16'][i]!
    await page
      .getByRole('radiogroup', { name: 'Aspect ratio' })
      .getByRole('radio', { name: shape, exact: true })
      .click()
    await page.getByRole('button', { name: 'Generate' }).click()
  }
  const gallery = page.getByRole('region', { name: 'Gallery' })
  await expect(gallery.getByText('Succeeded', { exact: true })).toHaveCount(3, { timeout: 30_000 })
  return (prompt: string) => gallery.getByRole('listitem').filter({ hasText: prompt }).last()
}

// Each shot's label and still: the takes' stills differ in shape, so they tell the order.
const shotLabels = (view: Locator) =>
  view
    .getByRole('list', { name: 'Shots' })
    .getByRole('listitem')
    .evaluateAll((items) =>
      items.map((li) => `${li.getAttribute('aria-label')} ${li.querySelector('img')?.getAttribute('src')}`),
    )

/** Samples the visible video (its take and time) and the playhead on every animation frame while it plays. */
const startSampling = (page: Page) =>
  page.evaluate(() => {
    const samples: { src: string; time: number; playhead: number }[] = []
    ;(window as unknown as { samples: typeof samples }).samples = samples
    const sample = () => {
      const video = document.querySelector<HTMLVideoElement>('video[data-active="true"]')
      const playhead = document.querySelector<HTMLInputElement>('input[aria-label="Sequence playhead"]')
      if (video && playhead && !video.paused)
        samples.push({ src: video.currentSrc, time: video.currentTime, playhead: Number(playhead.value) })
      requestAnimationFrame(sample)
    }
    sample()
  })
const samples = (page: Page) =>
  page.evaluate(() => (window as unknown as { samples: { src: string; time: number; playhead: number }[] }).samples)

test('a three-shot sequence: reorder, trim, switch a take, play through its cuts, kept and shared, never overwritten', async ({
  page,
  browser,
  studio,
}) => {
  test.setTimeout(150_000) // four renders and a play-through, on a busy 2-core machine
  await page.goto('/')
  const card = await makeTakes(page)

  // Each take joins one new sequence, at its end.
  for (const [i, prompt] of PROMPTS.entries()) {
    await card(prompt).getByRole('button', { name: 'Add to sequence' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add to sequence' })
    if (i === 0) {
      await dialog.getByLabel('New sequence').fill('Harbour')
      await dialog.getByRole('button', { name: 'Create' }).click()
    } else await dialog.getByRole('button', { name: /^Harbour/ }).click()
    await expect(page.getByText(`Added to “Harbour” as shot ${i + 1}`)).toBeVisible()
  }
  // A re-run of the lighthouse joins its shot by itself once it succeeds.
  await card(PROMPTS[0]!).getByRole('button', { name: 'Re-run' }).click()
  const takesPerShot = async () =>
    (
      (await (await page.request.get('/api/sequences')).json()) as { items: { shots: { takeIds: string[] }[] }[] }
    ).items[0]!.shots.map((shot) => shot.takeIds.length)
  await expect.poll(takesPerShot, { timeout: 30_000 }).toEqual([2, 1, 1])

  await page.getByRole('button', { name: 'Sequences' }).click()
  await page.getByRole('button', { name: 'Open Harbour' }).click()
  const view = page.getByRole('region', { name: 'Sequence' })
  await expect(view.getByRole('status')).toHaveText('3 shots · 0:18.00 · 54 credits')

  // Reorder by keyboard: the gull becomes the first shot (the stills tell the takes apart).
  const shots = view.getByRole('list', { name: 'Shots' })
  const stills = () =>
    shots.getByRole('listitem').evaluateAll((items) => items.map((li) => li.querySelector('img')?.src))
  await expect.poll(async () => (await stills()).filter(Boolean)).toHaveLength(3)
  const [lighthouse, waves, gull] = await stills()
  await shots.getByRole('listitem').nth(2).focus()
  await page.keyboard.press('Alt+ArrowLeft')
  await page.keyboard.press('Alt+ArrowLeft')
  await expect.poll(stills).toEqual([gull, lighthouse, waves])

  // Trim every shot to a second and a half, on whole frames.
  for (const i of [0, 1, 2]) {
    await shots.getByRole('listitem').nth(i).click()
    const editor = view.getByRole('region', { name: `Shot ${i + 1}` })
    await editor.getByLabel('In (s)').fill('2')
    await editor.getByLabel('In (s)').press('Enter')
    await editor.getByLabel('Out (s)').fill('3.51')
    await editor.getByLabel('Out (s)').press('Enter')
    await expect(editor.getByText('Plays 1.50 s')).toBeVisible()
  }
  await expect(view.getByRole('status')).toHaveText('3 shots · 0:04.50 · 54 credits')

  // The lighthouse (now shot 2) plays its re-run.
  await shots.getByRole('listitem').nth(1).click()
  const takes = view.getByRole('region', { name: 'Shot 2' }).getByRole('radiogroup', { name: 'Active take' })
  await expect(takes.getByRole('radio')).toHaveCount(2)
  await takes.getByRole('radio').nth(1).click()
  await expect(takes.getByRole('radio').nth(1)).toHaveAttribute('aria-checked', 'true')
  await expect(view.getByRole('status')).toHaveText('3 shots · 0:04.50 · 54 credits')

  // Play through from the top: the visible video changes take at each cut, entering each at its in point.
  await view.getByRole('slider', { name: 'Sequence playhead' }).fill('0')
  await startSampling(page)
  await view.getByRole('button', { name: 'Play' }).click()
  await expect(view.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 40_000 })
  const seen = await samples(page)
  // Where the visible video changes, the outgoing take is at its out point (3.5 s) and the incoming take just
  // past its in point (2 s): within two frames and a few frames, as a busy machine samples late.
  const cuts = seen.flatMap((s, i) => (i > 0 && s.src !== seen[i - 1]!.src ? [[seen[i - 1]!, s] as const] : []))
  expect(cuts, JSON.stringify(cuts)).toHaveLength(2)
  for (const [outgoing, incoming] of cuts) {
    expect(outgoing.time).toBeGreaterThan(3.3)
    expect(outgoing.time).toBeLessThanOrEqual(3.5 + 2 / 24)
    expect(incoming.time).toBeGreaterThanOrEqual(1.99)
    expect(incoming.time).toBeLessThan(2.3)
  }
  expect(seen[0]!.playhead).toBeLessThan(0.2)
  expect(Math.max(...seen.map((s) => s.playhead))).toBeGreaterThan(4)
  await expect(view.getByRole('slider', { name: 'Sequence playhead' })).toHaveValue('4.5')

  // Kept: after a reload, and in another browser.
  const arranged = await shotLabels(view)
  await page.reload()
  await page.getByRole('button', { name: 'Sequences' }).click()
  await page.getByRole('button', { name: 'Open Harbour' }).click()
  await expect.poll(() => shotLabels(view)).toEqual(arranged)
  await expect(view.getByRole('status')).toHaveText('3 shots · 0:04.50 · 54 credits')
  const other = await browser.newContext({ baseURL: studio.origin })
  const second = await other.newPage()
  await second.goto('/')
  await second.getByRole('button', { name: 'Sequences' }).click()
  await second.getByRole('button', { name: 'Open Harbour' }).click()
  const secondView = second.getByRole('region', { name: 'Sequence' })
  await expect(secondView.getByRole('status')).toHaveText('3 shots · 0:04.50 · 54 credits')
  await expect.poll(() => shotLabels(secondView)).toEqual(arranged)
  await other.close()

  // Export: one MP4 of the cut, which Chromium plays, as long as the trimmed shots; and the cut for editors.
  await view.getByRole('button', { name: 'Export MP4' }).click()
  const mp4Link = view.getByRole('link', { name: 'Download MP4' })
  await expect(mp4Link).toBeVisible({ timeout: 60_000 })
  const mp4 = await Promise.all([page.waitForEvent('download'), mp4Link.click()]).then(([d]) => d.path())
  const played = await page.evaluate(
    async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const video = Object.assign(document.createElement('video'), { muted: true })
      video.src = URL.createObjectURL(new Blob([bytes], { type: 'video/mp4' }))
      await new Promise((resolve, reject) => ((video.onloadeddata = resolve), (video.onerror = reject)))
      return video.duration
    },
    (await readFile(mp4)).toString('base64'),
  )
  expect(Math.abs(played - 4.5)).toBeLessThanOrEqual(3 / 24) // within a frame per cut (two cuts), and rounding
  await view.getByRole('button', { name: 'Export for editors' }).click()
  const otioFile = await Promise.all([
    page.waitForEvent('download'),
    view.getByRole('button', { name: 'OpenTimelineIO (.otio)' }).click(),
  ]).then(([d]) => d.path())
  const otio = JSON.parse(await readFile(otioFile, 'utf8')) as {
    tracks: { children: { kind: string; children: { OTIO_SCHEMA: string; metadata?: unknown }[] }[] }
  }
  const videoTrack = otio.tracks.children.find((track) => track.kind === 'Video')!
  expect(videoTrack.children.filter((clip) => clip.OTIO_SCHEMA.startsWith('Clip'))).toHaveLength(3)

  // Someone renames it elsewhere; an edit made from the older version is refused, never saved over theirs.
  const [sequence] = (await (await page.request.get('/api/sequences')).json()).items
  const path = `/api/sequences/${sequence.id}`
  expect(
    (await page.request.patch(path, { data: { version: sequence.version, name: 'Harbour, cut 2' } })).status(),
  ).toBe(200)
  const stale = await page.request.patch(path, { data: { version: sequence.version, name: 'Lost' } })
  expect(stale.status()).toBe(409)
  expect((await stale.json()).error.code).toBe('stale_version')
  await shots.getByRole('listitem').nth(2).getByRole('button', { name: 'Move earlier' }).click()
  await expect(view.getByRole('alert')).toHaveText('Someone else changed this sequence; showing their version')
  await expect(view.getByLabel('Sequence name')).toHaveValue('Harbour, cut 2')
  await expect.poll(() => shotLabels(view)).toEqual(arranged)
})
