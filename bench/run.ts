// `npm run bench`: measures the studio against its budgets, prints a table and writes bench/results.json.
import { writeFile } from 'node:fs/promises'
import { spawnSync } from 'node:child_process'
import { measureBundle } from './bundle'
import { buildBaselines, serveBaselines } from './baselines'
import { measureModelSwitch } from './composer'
import { compareGallerySizes } from './gallery'
import { compareScrollWithSampling } from './gallery-sampling'
import { compareScrollWithBlank } from './gallery-scroll'
import { measureGalleryMemory } from './gallery-memory'
import { compareLighthouse, measureStudio } from './lighthouse'
import { measurePollLoad } from './load'
import { measurePoller } from './poller'
import { measureSequenceExport } from './sequence-export'
import { measureTyping } from './typing'
import { ensureBuilt, startStudio } from './studio-server'

const OUT_DIR = process.env.BENCH_OUT_DIR ?? '.out/bench'
const PORT = Number(process.env.BENCH_PORT ?? 4500)

interface Row {
  metric: string
  value: number | string
  budget: string
  ok?: boolean
}

const rows: Row[] = []
const results: Record<string, unknown> = { measuredAt: new Date().toISOString() }
const row = (metric: string, value: number | string, budget = '', ok?: boolean) =>
  rows.push({ metric, value, budget, ok })

ensureBuilt(OUT_DIR)
const bundle = await measureBundle(`${OUT_DIR}/client`)
results.bundle = bundle
row('initial JS (gzip KB)', bundle.initialJsGzipKb, '≤ 110', bundle.initialJsGzipKb <= 110)
row('initial JS (brotli KB)', bundle.initialJsBrotliKb)
row('initial CSS (gzip KB)', bundle.initialCssGzipKb)
for (const chunk of bundle.largestChunks) row(`  chunk ${chunk.file} (gzip KB)`, chunk.gzipKb)

const baselines = await serveBaselines(await buildBaselines(OUT_DIR), PORT + 5)
const studio = await startStudio(OUT_DIR, PORT)
try {
  const desktop = await measureStudio(studio.url, 'desktop')
  results.lighthouse_desktop = desktop
  row(
    'Lighthouse desktop performance / accessibility / best practices',
    `${desktop.performance} / ${desktop.accessibility} / ${desktop.bestPractices}`,
  )

  // Mobile, beside a bare Vite + React app: rounds alternate so the machine's noise falls on both alike.
  const mobile = await compareLighthouse(studio.url, baselines.bareUrl)
  results.lighthouse_mobile = mobile
  const { studio: own, bare } = mobile
  row(
    'Lighthouse mobile performance: studio / bare React (median of 3)',
    `${own.performance} / ${bare.performance}`,
    '≥ 95',
    own.performance >= 95 || bare.performance < 95,
  )
  row(
    'Lighthouse mobile accessibility / best practices',
    `${own.accessibility} / ${own.bestPractices}`,
    '100',
    own.accessibility === 100 && own.bestPractices === 100,
  )
  row('  first contentful paint: studio / bare (ms)', `${own.fcpMs} / ${bare.fcpMs}`)
  row('  first contentful paint ratio', mobile.fcpRatio, '≤ 1.2', mobile.fcpRatio <= 1.2)
  row('  total blocking time: studio / bare (ms)', `${own.tbtMs} / ${bare.tbtMs}`)
  row('  total blocking time ratio', mobile.tbtRatio, '≤ 2', mobile.tbtRatio <= 2)
  row('  largest contentful paint: studio / bare (ms)', `${own.lcpMs} / ${bare.lcpMs}`)

  const switching = await measureModelSwitch(studio.url)
  results.modelSwitch = switching
  row(
    `model switch median / p95 (ms, ${switching.switches}×)`,
    `${switching.modelSwitchMedianMs} / ${switching.modelSwitchP95Ms}`,
    '≤ 16',
    switching.modelSwitchMedianMs <= 16,
  )

  // Typing at 2,000 characters, key → next frame, each field right after a plain textarea in the same browser.
  const typing = await measureTyping(studio.url, baselines.textareaUrl)
  results.typing = typing
  for (const t of typing) {
    const extra = Math.max(t.medianMs - t.plainMedianMs, t.p95Ms - t.plainP95Ms)
    row(
      `typing ${t.target}: median / p95 (ms), plain textarea`,
      `${t.medianMs} / ${t.p95Ms}, ${t.plainMedianMs} / ${t.plainP95Ms}`,
      '≤ +5',
      extra <= 5,
    )
    row(`  main thread per key: studio / plain (ms)`, `${t.mainThreadMsPerKey} / ${t.plainMainThreadMsPerKey}`)
  }
} finally {
  studio.stop()
  await baselines.close()
}

// The gallery, each size with a ledger of its own: first paint must not grow with the team's history.
const galleries = await compareGallerySizes(OUT_DIR, PORT + 4)
results.gallery = galleries
for (const gallery of [galleries.small, galleries.large]) {
  const count = gallery.renders.toLocaleString('en')
  const budget = gallery.renders === 10_000
  row(
    `gallery ${count}: first paint new browser / reload (ms)`,
    `${gallery.coldFirstPaintMs} / ${gallery.warmFirstPaintMs}`,
    budget ? '≤ 300' : '',
    budget ? Math.max(gallery.coldFirstPaintMs, gallery.warmFirstPaintMs) <= 300 : undefined,
  )
  row(
    `gallery ${count}: DOM nodes / <video>`,
    `${gallery.domNodes} / ${gallery.videoElements}`,
    '≤ 60 video',
    gallery.videoElements <= 60,
  )
  row(`gallery ${count}: video bytes off screen`, gallery.videoBytes, '0', gallery.videoBytes === 0)
  row(
    `gallery ${count}: scroll frame median / p95 (ms)`,
    `${gallery.scrollFrameMedianMs} / ${gallery.scrollFrameP95Ms}`,
  )
  row(
    `gallery ${count}: newest page bytes / server ms / page script ms`,
    `${gallery.refetchBytes} / ${gallery.refetchServerMs} / ${gallery.refetchScriptMs}`,
  )
}
const ratio = Math.max(galleries.coldRatio, galleries.warmRatio)
row(
  'gallery first paint 10,000 / 100 (new browser, reload)',
  `${galleries.coldRatio}, ${galleries.warmRatio}`,
  '≤ 1.1',
  ratio <= 1.1,
)

// Scrolling the gallery of 10,000 beside a blank page scrolled the same way: the machine's own frame jitter.
const scrolling = await compareScrollWithBlank(OUT_DIR, PORT + 7)
results.galleryScroll = scrolling
for (const [label, s] of [
  [`gallery ${scrolling.renders.toLocaleString('en')}`, scrolling.studio],
  ['blank page', scrolling.blank],
] as const)
  row(
    `${label}: scroll frame median / p95 / late frames`,
    `${s.frameMedianMs} / ${s.frameP95Ms} ms / ${s.lateFramesPct} %`,
    label === 'blank page' ? '' : 'p95 ≤ 16.7',
    label === 'blank page' ? undefined : s.frameP95Ms <= 16.7,
  )

// Memory after scrolling far down and back twice, with hover previews on the way: the second trip adds nothing.
const memory = await measureGalleryMemory(OUT_DIR, PORT + 8)
results.galleryMemory = memory
const secondTrip = Math.round((memory.afterSecond.heapMb / memory.afterFirst.heapMb - 1) * 1000) / 10
row(
  `gallery 10,000: JS heap start / 1 / 2 trips (MB, ${memory.previews} previews)`,
  `${memory.start.heapMb} / ${memory.afterFirst.heapMb} / ${memory.afterSecond.heapMb}`,
  '2nd trip ±10 %',
  Math.abs(secondTrip) <= 10,
)
row(
  '  DOM nodes / <video> / object URLs, start → 2 trips',
  `${memory.start.domNodes} / ${memory.start.videoElements} / ${memory.start.liveObjectUrls} → ` +
    `${memory.afterSecond.domNodes} / ${memory.afterSecond.videoElements} / ${memory.afterSecond.liveObjectUrls}`,
  'flat',
  memory.afterSecond.domNodes <= memory.start.domNodes * 1.1 &&
    memory.afterSecond.videoElements <= 1 &&
    memory.afterSecond.liveObjectUrls <= memory.start.liveObjectUrls,
)

// Scrolling while kept takes are checked for defects, beside the same gallery with nothing to check.
const sampling = await compareScrollWithSampling(OUT_DIR, PORT + 6)
results.gallerySampling = sampling
row(
  `gallery ${sampling.renders.toLocaleString('en')}: scroll frame median / p95 (ms), checking / not`,
  `${sampling.sampling.scrollFrameMedianMs} / ${sampling.sampling.scrollFrameP95Ms}, ` +
    `${sampling.plain.scrollFrameMedianMs} / ${sampling.plain.scrollFrameP95Ms}`,
)
row(
  `  ratio median, p95 (${sampling.sampling.checks} takes checked while scrolling)`,
  `${sampling.medianRatio}, ${sampling.p95Ratio}`,
  '≤ 1.1',
  Math.max(sampling.medianRatio, sampling.p95Ratio) <= 1.1,
)

// Renders that finish (requests per render) and renders the simulator keeps in flight (requests per minute).
const manyCreates = { STUDIO_CREATE_RATE_LIMIT: '1000/60s' }
const finishing = await startStudio(OUT_DIR, PORT + 2, manyCreates)
const stuck = await startStudio(OUT_DIR, PORT + 3, { ...manyCreates, SIMULATOR_FAULTS: 'stuck_rate=1' })
try {
  const poller = await measurePoller(finishing.url, stuck.url)
  results.poller = poller
  row(`poller: requests per render (${poller.renders} renders)`, poller.requestsPerRender)
  row(`poller: requests per minute, ${poller.inFlight} in flight`, poller.requestsPerMinute)
} finally {
  finishing.stop()
  stuck.stop()
}

// A heap cap makes a leak fail loudly (out of memory) instead of hiding in V8's lazy heap growth. The load
// generator is one address with 200 connections: the per-client guards would (rightly) refuse most of it.
const loadStudio = await startStudio(OUT_DIR, PORT + 1, {
  NODE_OPTIONS: '--max-old-space-size=96',
  STUDIO_POLL_RATE_LIMIT: '1000000/1s',
  STUDIO_MAX_CONNECTIONS_PER_CLIENT: '1000',
})
try {
  const load = await measurePollLoad(loadStudio.url, loadStudio.pid)
  results.pollLoad = load
  row(`poll load: ${load.connections} connections × ${load.seconds} s (req/s)`, load.requestsPerSecond)
  row('poll load p50 / p99 (ms)', `${load.p50Ms} / ${load.p99Ms}`)
  row(
    'poll load errors + non-2xx + timeouts',
    load.errors + load.non2xx + load.timeouts,
    '0',
    load.errors + load.non2xx + load.timeouts === 0,
  )
  row('poll load server RSS start → half → end (MB)', `${load.rssStartMb} → ${load.rssHalfMb} → ${load.rssEndMb}`)
} finally {
  loadStudio.stop()
}

// A sequence's MP4 export: 3 × 5 s 720p shots through the studio's ffmpeg, as a share of the cut's running time.
const sequenceExport = await measureSequenceExport()
results.sequenceExport = sequenceExport
row(
  `sequence export MP4, 3 × 5 s 720p: export time / running time`,
  `${sequenceExport.exportSeconds} s / ${sequenceExport.runningSeconds} s = ${sequenceExport.ratio}`,
)

await writeFile('bench/results.json', `${JSON.stringify(results, null, 2)}\n`)
const width = Math.max(...rows.map((r) => r.metric.length))
for (const r of rows) {
  const verdict = r.ok === undefined ? '' : r.ok ? '  ok' : '  OVER BUDGET'
  console.log(`${r.metric.padEnd(width)}  ${String(r.value).padStart(14)}  ${r.budget.padEnd(8)}${verdict}`)
}
console.log('\nwrote bench/results.json')

// The BFF benchmark (throughput and latency through the BFF against direct) is its own script; it prints its
// own table and writes bench/results-bff.json. BENCH_SKIP_BFF=1 leaves it out.
if (!process.env.BENCH_SKIP_BFF) {
  const bff = spawnSync('npm', ['run', '--silent', 'bench:bff'], { stdio: 'inherit', env: process.env })
  if (bff.status !== 0) process.exitCode = bff.status ?? 1
}

// The ledger: its gallery queries at 100,000 renders on PGlite and Postgres, and polls through it (against nginx,
// coalescing under 200 pollers, memory). Each prints its own table. BENCH_SKIP_LEDGER=1 leaves them out.
if (!process.env.BENCH_SKIP_LEDGER) {
  for (const script of ['bench/ledger.ts', 'bench/ledger-polls.ts']) {
    const run = spawnSync('npx', ['tsx', script], { stdio: 'inherit', env: { ...process.env, BENCH_OUT_DIR: OUT_DIR } })
    if (run.status !== 0) process.exitCode = run.status ?? 1
  }
}
