// `npx tsx bench/gallery-sampling.ts`: scrolling the gallery while the browser checks kept takes for defects
// (quality flags), beside the same gallery with the check turned off, in one run. One studio of 1,000 kept takes;
// rounds alternate between the two. Uses the build in .out/bench (BENCH_OUT_DIR) on BENCH_PORT.
import { pathToFileURL } from 'node:url'
import { launchBrowser, median, percentile, round1 } from './browser'
import { type SeededStudio, withSeededGallery } from './gallery'
import { firstPaint, newPage, scrollFrames } from './gallery-page'
import { ensureBuilt } from './studio-server'

const RENDERS = 1000
const ROUNDS = 5

export interface ScrollFigures {
  scrollFrameMedianMs: number
  scrollFrameP95Ms: number
  /** Takes checked (sampled and reported) while the page was open, median over the rounds. */
  checks: number
}

/**
 * One round: load the gallery, let the first screen's checks start, scroll down 2 s and back up 2 s. Without
 * `checking`, the page is told it cannot decode video, which is how the studio decides it cannot check takes.
 */
async function scrollRound(
  browser: Awaited<ReturnType<typeof launchBrowser>>,
  studio: SeededStudio,
  checking: boolean,
) {
  const { page } = await newPage(browser)
  if (!checking) await page.addInitScript(() => (HTMLMediaElement.prototype.canPlayType = () => ''))
  let checks = 0
  // Reports are dropped, so that every round samples the same takes (a reported take is not checked again).
  await page.route('**/api/renders/*/quality', async (route) => {
    checks += 1
    await route.fulfill({ status: 503, json: { error: 'bench' } })
  })
  await firstPaint(page, () => page.goto(studio.url))
  await page.waitForTimeout(1500)
  const frames = [...(await scrollFrames(page, 120)), ...(await scrollFrames(page, -120))]
  await page.context().close()
  return { frames, checks }
}

export function compareScrollWithSampling(outDir: string, port: number) {
  return withSeededGallery(outDir, port, RENDERS, true, async (studio, browser) => {
    const variants = [true, false]
    const rounds = variants.map(() => [] as { median: number; p95: number; checks: number }[])
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, checking] of variants.entries()) {
        const { frames, checks } = await scrollRound(browser, studio, checking)
        if (!checking && checks > 0) throw new Error('takes were checked with the check turned off')
        rounds[i]!.push({ median: median(frames), p95: percentile(frames, 0.95), checks })
      }
    }
    const figures = rounds.map((all): ScrollFigures => ({
      scrollFrameMedianMs: round1(median(all.map((r) => r.median))),
      scrollFrameP95Ms: round1(median(all.map((r) => r.p95))),
      checks: median(all.map((r) => r.checks)),
    }))
    const [sampling, plain] = figures as [ScrollFigures, ScrollFigures]
    return {
      renders: RENDERS,
      sampling,
      plain,
      medianRatio: Math.round((sampling.scrollFrameMedianMs / plain.scrollFrameMedianMs) * 100) / 100,
      p95Ratio: Math.round((sampling.scrollFrameP95Ms / plain.scrollFrameP95Ms) * 100) / 100,
    }
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outDir = process.env.BENCH_OUT_DIR ?? '.out/bench'
  ensureBuilt(outDir)
  const result = await compareScrollWithSampling(outDir, Number(process.env.BENCH_PORT ?? 4530))
  const { sampling, plain } = result
  console.log(`gallery of ${result.renders}, scrolled down and back (median of ${ROUNDS} rounds each)`)
  console.log(
    `  checking takes:   frame median ${sampling.scrollFrameMedianMs} ms, p95 ${sampling.scrollFrameP95Ms} ms, ${sampling.checks} takes checked`,
  )
  console.log(`  check turned off: frame median ${plain.scrollFrameMedianMs} ms, p95 ${plain.scrollFrameP95Ms} ms`)
  console.log(`  ratio: median ${result.medianRatio}, p95 ${result.p95Ratio} (target 0.9–1.1)`)
}
