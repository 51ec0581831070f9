// `npx tsx bench/gallery-memory.ts`: the gallery of 10,000 renders scrolled far down and back twice, pausing over
// a card now and then so that its hover preview plays, with the page's memory after each trip (after a garbage
// collection): what the first trip adds is the records it paged in; a second trip must add nothing. Uses the
// build in .out/bench (BENCH_OUT_DIR) on BENCH_PORT.
import { pathToFileURL } from 'node:url'
import type { Page } from '@playwright/test'
import { round1 } from './browser'
import { withSeededGallery } from './gallery'
import { firstPaint, newPage } from './gallery-page'
import { ensureBuilt } from './studio-server'

const RENDERS = 10_000
const STEPS = 120
const STEP_PX = 2000
/** Every so many steps the pointer rests on a card long enough for its preview to start (300 ms) and play. */
const PREVIEW_EVERY = 20
const PREVIEW_REST_MS = 800

export interface MemoryFigures {
  heapMb: number
  domNodes: number
  videoElements: number
  /** Object URLs made and not yet revoked. */
  liveObjectUrls: number
}

/** Counts the object URLs the page makes and revokes. */
const COUNT_OBJECT_URLS = () => {
  const counter = window as unknown as { __liveObjectUrls: number }
  counter.__liveObjectUrls = 0
  const create = URL.createObjectURL.bind(URL)
  const revoke = URL.revokeObjectURL.bind(URL)
  URL.createObjectURL = (object) => ((counter.__liveObjectUrls += 1), create(object))
  URL.revokeObjectURL = (url) => ((counter.__liveObjectUrls -= 1), revoke(url))
}

async function memoryOf(page: Page): Promise<MemoryFigures> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN
  await cdp.detach()
  return {
    heapMb: round1(metric('JSHeapUsedSize') / 1e6),
    domNodes: await page.evaluate(() => document.getElementsByTagName('*').length),
    videoElements: await page.evaluate(() => document.getElementsByTagName('video').length),
    liveObjectUrls: await page.evaluate(() => (window as unknown as { __liveObjectUrls: number }).__liveObjectUrls),
  }
}

/**
 * Down STEPS × STEP_PX (older pages load on the way) and back to the top, resting on a card now and then; returns
 * how many of those rests had a preview playing.
 */
async function trip(page: Page) {
  let previews = 0
  for (const direction of [1, -1]) {
    for (let step = 1; step <= STEPS; step++) {
      await page.mouse.wheel(0, direction * STEP_PX)
      if (step % PREVIEW_EVERY !== 0) {
        await page.waitForTimeout(120)
        continue
      }
      // The pointer comes onto the card now under it (headless Chromium updates hover only when the mouse moves).
      await page.mouse.move(600, 300)
      await page.mouse.move(900, 450, { steps: 3 })
      await page.waitForTimeout(PREVIEW_REST_MS)
      if (await page.locator('video[aria-label="Preview"]').count()) previews += 1
    }
  }
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.mouse.move(0, 0) // off the gallery: the last preview stops
  await page.waitForTimeout(1000)
  return previews
}

export function measureGalleryMemory(outDir: string, port: number) {
  return withSeededGallery(outDir, port, RENDERS, false, async (studio, browser) => {
    const { page } = await newPage(browser)
    await page.addInitScript(COUNT_OBJECT_URLS)
    await firstPaint(page, () => page.goto(studio.url))
    await page.waitForLoadState('networkidle')
    const start = await memoryOf(page)
    await page.mouse.move(900, 450) // over the gallery's middle column
    let previews = await trip(page)
    const afterFirst = await memoryOf(page)
    await page.mouse.move(900, 450)
    previews += await trip(page)
    const afterSecond = await memoryOf(page)
    const rests = 2 * 2 * Math.floor(STEPS / PREVIEW_EVERY)
    return { renders: RENDERS, scrolledPx: STEPS * STEP_PX, previews, rests, start, afterFirst, afterSecond }
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outDir = process.env.BENCH_OUT_DIR ?? '.out/bench'
  ensureBuilt(outDir)
  const result = await measureGalleryMemory(outDir, Number(process.env.BENCH_PORT ?? 4550))
  console.log(
    `gallery of ${result.renders}: ${result.scrolledPx} px down and back, twice; a preview played in ${result.previews} of ${result.rests} rests`,
  )
  for (const [label, m] of [
    ['start', result.start],
    ['after one trip', result.afterFirst],
    ['after two trips', result.afterSecond],
  ] as const)
    console.log(
      `  ${label.padEnd(16)} heap ${m.heapMb} MB, DOM nodes ${m.domNodes}, <video> ${m.videoElements}, object URLs ${m.liveObjectUrls}`,
    )
}
