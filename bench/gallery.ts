import { launchBrowser, median, percentile, round1, SEED_RENDERS } from './browser'

export interface GalleryFigures {
  renders: number
  /** Navigation start → the frame after the first gallery item is in the DOM. */
  firstPaintMs: number
  domNodes: number
  videoElements: number
  /** .mp4 bytes fetched by loading and scrolling the gallery without previewing anything. */
  videoBytes: number
  scrollFrameMedianMs: number
  scrollFrameP95Ms: number
}

const MODELS = ['seedance2', 'wan27video', 'veo31', 'sora2', 'grok']

function records(count: number) {
  const now = Date.now()
  return Array.from({ length: count }, (_, i) => ({
    localId: `bench-${i}`,
    idempotencyKey: `bench-key-${i}`,
    requestId: `req_bench_${i}`,
    input: { model: MODELS[i % MODELS.length]!, prompt: `Bench render ${i}: a slow dolly through a neon market` },
    status: 'succeeded',
    createdAtMs: now - i * 60_000,
    updatedAtMs: now - i * 60_000,
    completedAtMs: now - i * 60_000,
    output: { video_url: `/demo/clip-${i % 2 ? '16x9' : '9x16'}.mp4`, aspect_ratio: i % 2 ? '16:9' : '9:16' },
    favourite: false,
    stale: false,
  }))
}

/** The built studio with `count` renders already stored: first paint, DOM size, media fetched, scrolling. */
export async function measureGallery(url: string, count: number): Promise<GalleryFigures> {
  const browser = await launchBrowser()
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await page.goto(`${url}/favicon.svg`)
    await page.evaluate(SEED_RENDERS, records(count))
    let videoBytes = 0
    page.on('response', (response) => {
      if (!new URL(response.url()).pathname.endsWith('.mp4')) return
      void response.body().then(
        (body) => (videoBytes += body.byteLength),
        () => undefined,
      )
    })
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('section[aria-label="Gallery"] li')) return
        observer.disconnect()
        requestAnimationFrame(() =>
          setTimeout(() => ((window as unknown as { __galleryPaint: number }).__galleryPaint = performance.now()), 0),
        )
      })
      observer.observe(document, { childList: true, subtree: true })
    })
    await page.goto(url)
    await page.waitForFunction(() => (window as unknown as { __galleryPaint?: number }).__galleryPaint !== undefined)
    const firstPaintMs = await page.evaluate(() => (window as unknown as { __galleryPaint: number }).__galleryPaint)

    const frames = await page.evaluate(async () => {
      const times: number[] = []
      let last = performance.now()
      const end = last + 2000
      while (performance.now() < end) {
        window.scrollBy(0, 120)
        await new Promise((resolve) => requestAnimationFrame(resolve))
        const now = performance.now()
        times.push(now - last)
        last = now
      }
      return times
    })
    await page.waitForTimeout(300)
    const dom = await page.evaluate(() => ({
      nodes: document.getElementsByTagName('*').length,
      videos: document.getElementsByTagName('video').length,
    }))
    return {
      renders: count,
      firstPaintMs: Math.round(firstPaintMs),
      domNodes: dom.nodes,
      videoElements: dom.videos,
      videoBytes,
      scrollFrameMedianMs: round1(median(frames)),
      scrollFrameP95Ms: round1(percentile(frames, 0.95)),
    }
  } finally {
    await browser.close()
  }
}
