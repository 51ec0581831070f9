// `npx tsx bench/gallery.ts`: the gallery's first paint with 100 and with 10,000 renders in the ledger, side by
// side (median of 3 loads each), and the cost of keeping the newest page fresh. Uses the build in .out/bench
// (BENCH_OUT_DIR; built unless BENCH_SKIP_BUILD is set and it exists) and one studio per size, each with a ledger
// folder of its own, on BENCH_PORT and the port after it.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from '@playwright/test'
import { DEMO_CLIPS } from '../src/catalog/demo-clips'
import { launchBrowser, median, percentile, round1 } from './browser'
import { firstPaint, mirrorCount, newPage, refetchScriptMs, scrollFrames } from './gallery-page'
import { ensureBuilt, startStudio } from './studio-server'

export interface GalleryFigures {
  renders: number
  /** Navigation start → the frame after the first gallery item is in the DOM: a new browser (the ledger's page). */
  coldFirstPaintMs: number
  /** The same on a reload: painted from the IndexedDB mirror, before the ledger answers. */
  warmFirstPaintMs: number
  /** Records the mirror holds after the loads and the scroll. */
  mirrorRecords: number
  domNodes: number
  videoElements: number
  /** .mp4 bytes fetched by loading and scrolling the gallery without previewing anything. */
  videoBytes: number
  scrollFrameMedianMs: number
  scrollFrameP95Ms: number
  /** One read of the newest page (what the gallery repeats every 4 s while a render is unfinished, else 30 s). */
  refetchBytes: number
  refetchServerMs: number
  /** Main-thread script time per refetch in the page (fetch, parse, merge, render). */
  refetchScriptMs: number
}

const MODELS = ['seedance2', 'wan27video', 'veo31', 'sora2', 'grok']
const SEED_CHUNK = 2500
const BENCH_CLIPS = ['9:16', '16:9'].map((ratio) => DEMO_CLIPS.find((clip) => clip.aspectRatio === ratio)!)

/** `kept`: each take also has a same-origin copy, which the browser's quality check samples once it is on screen. */
function renders(count: number, kept: boolean) {
  const now = Date.now()
  return Array.from({ length: count }, (_, i) => ({
    id: `bench-${i}`,
    idempotencyKey: `bench-key-${i}`,
    requestId: `req_bench_${i}`,
    input: { model: MODELS[i % MODELS.length]!, prompt: `Bench render ${i}: a slow dolly through a neon market` },
    status: 'succeeded',
    createdAtMs: now - i * 60_000,
    completedAtMs: now - i * 60_000 + 5000,
    billableCredits: 12,
    output: { video_url: BENCH_CLIPS[i % 2]!.path, aspect_ratio: BENCH_CLIPS[i % 2]!.aspectRatio },
    favourite: i % 7 === 0,
    keptVideoUrl: kept ? BENCH_CLIPS[i % 2]!.path : undefined,
  }))
}

/** Fills the studio's ledger through POST /api/renders/import (the studio's own gallery file, version 2). */
async function seedLedger(url: string, count: number, kept: boolean) {
  const all = renders(count, kept)
  for (let start = 0; start < all.length; start += SEED_CHUNK) {
    const response = await fetch(`${url}/api/renders/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'cannon-studio-gallery',
        version: 2,
        renders: all.slice(start, start + SEED_CHUNK),
      }),
    })
    if (!response.ok) throw new Error(`import answered ${response.status}: ${await response.text()}`)
  }
}

async function serverRefetch(url: string) {
  const times: number[] = []
  let bytes = 0
  for (let i = 0; i < 20; i++) {
    const started = performance.now()
    const body = await (await fetch(`${url}/api/renders?limit=60`)).arrayBuffer()
    times.push(performance.now() - started)
    bytes = body.byteLength
    await new Promise((resolve) => setTimeout(resolve, 100)) // under the studio's per-client read limit
  }
  return { bytes, ms: round1(median(times)) }
}

export interface SeededStudio {
  count: number
  url: string
  stop: () => Promise<void>
}

/** A built studio with a ledger folder of its own, holding `count` renders. */
export async function seededStudio(outDir: string, port: number, count: number, kept = false): Promise<SeededStudio> {
  const dataDir = await mkdtemp(join(tmpdir(), 'studio-bench-gallery-'))
  const studio = await startStudio(outDir, port, { STUDIO_DATA_DIR: dataDir })
  await seedLedger(studio.url, count, kept)
  return {
    count,
    url: studio.url,
    stop: async () => {
      await studio.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** Runs `measure` with a studio of `count` renders (see seededStudio) and a browser, then closes both. */
export async function withSeededGallery<T>(
  outDir: string,
  port: number,
  count: number,
  kept: boolean,
  measure: (studio: SeededStudio, browser: Browser) => Promise<T>,
): Promise<T> {
  const studio = await seededStudio(outDir, port, count, kept)
  const browser = await launchBrowser()
  try {
    return await measure(studio, browser)
  } finally {
    await browser.close()
    await studio.stop()
  }
}

/** After the first paints: DOM size, video fetched, scrolling, and the cost of reading the newest page again. */
async function measureDetails(
  { page, videoBytes }: Awaited<ReturnType<typeof newPage>>,
  studio: SeededStudio,
  paints: { cold: number[]; warm: number[] },
) {
  const frames = await scrollFrames(page)
  await page.waitForTimeout(300)
  const dom = await page.evaluate(() => ({
    nodes: document.getElementsByTagName('*').length,
    videos: document.getElementsByTagName('video').length,
  }))
  const refetchScript = await refetchScriptMs(page, 5)
  const refetch = await serverRefetch(studio.url)
  return {
    renders: studio.count,
    coldFirstPaintMs: Math.round(median(paints.cold)),
    warmFirstPaintMs: Math.round(median(paints.warm)),
    mirrorRecords: await mirrorCount(page),
    domNodes: dom.nodes,
    videoElements: dom.videos,
    videoBytes: videoBytes(),
    scrollFrameMedianMs: round1(median(frames)),
    scrollFrameP95Ms: round1(percentile(frames, 0.95)),
    refetchBytes: refetch.bytes,
    refetchServerMs: refetch.ms,
    refetchScriptMs: refetchScript,
  } satisfies GalleryFigures
}

/**
 * First paint at 100 and at 10,000 renders in the ledger, side by side: both studios run at once and the loads
 * alternate between them (median of 3 each), so that what else the machine does weighs on both alike. A new
 * browser paints from the ledger's newest page; a reload from the IndexedDB mirror. The target: a ratio of at
 * most 1.1, however long the team's history.
 */
export async function compareGallerySizes(outDir: string, port: number) {
  const studios = [await seededStudio(outDir, port, 100), await seededStudio(outDir, port + 1, 10_000)]
  const browser = await launchBrowser()
  try {
    const paints = studios.map(() => ({ cold: [] as number[], warm: [] as number[] }))
    for (let round = 0; round < 3; round++) {
      for (const [i, studio] of studios.entries()) {
        const { page } = await newPage(browser)
        paints[i]!.cold.push(await firstPaint(page, () => page.goto(studio.url)))
        await page.context().close()
      }
    }
    const pages: Awaited<ReturnType<typeof newPage>>[] = []
    for (const studio of studios) {
      const opened = await newPage(browser)
      await firstPaint(opened.page, () => opened.page.goto(studio.url))
      await opened.page.waitForLoadState('networkidle') // the mirror is written
      pages.push(opened)
    }
    for (let round = 0; round < 3; round++) {
      for (const [i, { page }] of pages.entries()) paints[i]!.warm.push(await firstPaint(page, () => page.reload()))
    }
    const [small, large] = [
      await measureDetails(pages[0]!, studios[0]!, paints[0]!),
      await measureDetails(pages[1]!, studios[1]!, paints[1]!),
    ]
    return {
      small,
      large,
      coldRatio: Math.round((large.coldFirstPaintMs / small.coldFirstPaintMs) * 100) / 100,
      warmRatio: Math.round((large.warmFirstPaintMs / small.warmFirstPaintMs) * 100) / 100,
    }
  } finally {
    await browser.close()
    for (const studio of studios) await studio.stop()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outDir = process.env.BENCH_OUT_DIR ?? '.out/bench'
  ensureBuilt(outDir)
  const { small, large, coldRatio, warmRatio } = await compareGallerySizes(
    outDir,
    Number(process.env.BENCH_PORT ?? 4520),
  )
  const rows: [string, keyof GalleryFigures][] = [
    ['first paint, new browser (ms)', 'coldFirstPaintMs'],
    ['first paint, reload from the mirror (ms)', 'warmFirstPaintMs'],
    ['records in the mirror', 'mirrorRecords'],
    ['DOM nodes', 'domNodes'],
    ['<video> elements', 'videoElements'],
    ['video bytes off screen', 'videoBytes'],
    ['scroll frame median (ms)', 'scrollFrameMedianMs'],
    ['scroll frame p95 (ms)', 'scrollFrameP95Ms'],
    ['newest page: bytes', 'refetchBytes'],
    ['newest page: server (ms, median of 20)', 'refetchServerMs'],
    ['newest page: page script (ms)', 'refetchScriptMs'],
  ]
  console.log(`${'renders in the ledger'.padEnd(42)}${'100'.padStart(10)}${'10,000'.padStart(10)}`)
  for (const [label, key] of rows)
    console.log(`${label.padEnd(42)}${String(small[key]).padStart(10)}${String(large[key]).padStart(10)}`)
  console.log(`first paint ratio 10,000 / 100: new browser ${coldRatio}, reload ${warmRatio} (target ≤ 1.1)`)
}
