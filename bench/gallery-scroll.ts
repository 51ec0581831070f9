// `npx tsx bench/gallery-scroll.ts`: scrolling the gallery of 10,000 renders beside a blank page of the same size
// scrolled the same way, in one run (rounds alternate), so the machine's own frame jitter is measured beside the
// studio's. Uses the build in .out/bench (BENCH_OUT_DIR) on BENCH_PORT.
import { pathToFileURL } from 'node:url'
import { median, percentile, round1 } from './browser'
import { withSeededGallery } from './gallery'
import { firstPaint, newPage, scrollFrames } from './gallery-page'
import { ensureBuilt } from './studio-server'

const RENDERS = 10_000
const ROUNDS = 4
/** A frame this long missed its vsync (16.7 ms at 60 Hz, with the timer's jitter). */
const LATE_FRAME_MS = 17.5

export interface ScrollStats {
  frameMedianMs: number
  frameP95Ms: number
  frameP99Ms: number
  /** Share of frames that missed their vsync, in %. */
  lateFramesPct: number
}

function stats(frames: number[]): ScrollStats {
  return {
    frameMedianMs: round1(median(frames)),
    frameP95Ms: round1(percentile(frames, 0.95)),
    frameP99Ms: round1(percentile(frames, 0.99)),
    lateFramesPct: round1((frames.filter((ms) => ms > LATE_FRAME_MS).length / frames.length) * 100),
  }
}

/** A page as wide and dark as the studio with nothing on it, taller than the gallery's 10,000 takes. */
const BLANK_PAGE = '<body style="margin:0;background:#0b0b10"><div style="height:4000000px"></div></body>'

export function compareScrollWithBlank(outDir: string, port: number) {
  return withSeededGallery(outDir, port, RENDERS, false, async (studio, browser) => {
    const frames = { studio: [] as number[], blank: [] as number[] }
    for (let round = 0; round < ROUNDS; round++) {
      for (const variant of ['studio', 'blank'] as const) {
        const { page } = await newPage(browser)
        if (variant === 'studio') {
          await firstPaint(page, () => page.goto(studio.url))
          await page.waitForTimeout(1500) // the first screen's thumbnails and the mirror settle
        } else await page.setContent(BLANK_PAGE)
        frames[variant].push(...(await scrollFrames(page, 120)), ...(await scrollFrames(page, -120)))
        await page.context().close()
      }
    }
    return { renders: RENDERS, rounds: ROUNDS, studio: stats(frames.studio), blank: stats(frames.blank) }
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outDir = process.env.BENCH_OUT_DIR ?? '.out/bench'
  ensureBuilt(outDir)
  const result = await compareScrollWithBlank(outDir, Number(process.env.BENCH_PORT ?? 4540))
  console.log(`scrolled 2 s down and 2 s back at 120 px a frame, ${result.rounds} rounds each, alternating`)
  for (const [label, s] of [
    [`gallery of ${result.renders.toLocaleString('en')}`, result.studio],
    ['blank page', result.blank],
  ] as const)
    console.log(
      `  ${label.padEnd(20)} frame median ${s.frameMedianMs} ms, p95 ${s.frameP95Ms}, p99 ${s.frameP99Ms}, late ${s.lateFramesPct} %`,
    )
}
