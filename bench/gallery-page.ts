import type { Browser, Page } from '@playwright/test'
import { round1 } from './browser'

/** Marks when the first gallery item is in the DOM, and the frame after it (`__galleryPaint`, page time). */
const PAINT_PROBE = () => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('section[aria-label="Gallery"] li')) return
    observer.disconnect()
    requestAnimationFrame(() =>
      setTimeout(() => ((window as unknown as { __galleryPaint: number }).__galleryPaint = performance.now()), 0),
    )
  })
  observer.observe(document, { childList: true, subtree: true })
}

export async function firstPaint(page: Page, load: () => Promise<unknown>): Promise<number> {
  await load()
  await page.waitForFunction(() => (window as unknown as { __galleryPaint?: number }).__galleryPaint !== undefined)
  return page.evaluate(() => (window as unknown as { __galleryPaint: number }).__galleryPaint)
}

export async function newPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await page.addInitScript(PAINT_PROBE)
  let videoBytes = 0
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.endsWith('.mp4')) return
    void response.body().then(
      (body) => (videoBytes += body.byteLength),
      () => undefined,
    )
  })
  return { page, videoBytes: () => videoBytes }
}

/** Frame times while the window scrolls by `step` px a frame for 2 s (a negative step scrolls back up). */
export async function scrollFrames(page: Page, step = 120) {
  return page.evaluate(async (step) => {
    const times: number[] = []
    let last = performance.now()
    const end = last + 2000
    while (performance.now() < end) {
      window.scrollBy(0, step)
      await new Promise((resolve) => requestAnimationFrame(resolve))
      const now = performance.now()
      times.push(now - last)
      last = now
    }
    return times
  }, step)
}

/** Script time the page spends on `refreshes` reads of the newest page, each triggered as a window refocus. */
export async function refetchScriptMs(page: Page, refreshes: number) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  const scriptSeconds = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')!.value
  await page.waitForTimeout(2500) // the newest page is read again once it is 2 s old
  const idleStart = await scriptSeconds()
  await page.waitForTimeout(2100)
  const idle = (await scriptSeconds()) - idleStart
  const start = await scriptSeconds()
  for (let i = 0; i < refreshes; i++) {
    const read = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/renders')
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })))
    await read
    await page.waitForTimeout(2100)
  }
  return round1((((await scriptSeconds()) - start) / refreshes - idle) * 1000)
}

/** Records in the studio's IndexedDB mirror. */
export const mirrorCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('cannon-studio')
        open.onsuccess = () => {
          const request = open.result.transaction('renders').objectStore('renders').count()
          request.onsuccess = () => resolve(request.result)
        }
      }),
  )
