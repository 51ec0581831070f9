// `npm run bench`: measures the studio against its budgets, prints a table and writes bench/results.json.
import { writeFile } from 'node:fs/promises'
import { measureBundle } from './bundle'
import { measureLighthouse } from './lighthouse'
import { measurePollLoad } from './load'
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

const studio = await startStudio(OUT_DIR, PORT)
try {
  for (const preset of ['desktop', 'mobile'] as const) {
    const lh = await measureLighthouse(studio.url, preset)
    results[`lighthouse_${preset}`] = lh
    row(
      `Lighthouse ${preset} performance`,
      lh.performance,
      preset === 'mobile' ? '≥ 95' : '',
      preset === 'mobile' ? lh.performance >= 95 : undefined,
    )
    row(`Lighthouse ${preset} accessibility`, lh.accessibility, '100', lh.accessibility === 100)
    row(`Lighthouse ${preset} best practices`, lh.bestPractices, '100', lh.bestPractices === 100)
    row(`Lighthouse ${preset} LCP / TBT (ms) / CLS`, `${lh.lcpMs} / ${lh.tbtMs} / ${lh.cls}`)
  }
} finally {
  studio.stop()
}

// A heap cap makes a leak fail loudly (out of memory) instead of hiding in V8's lazy heap growth.
const loadStudio = await startStudio(OUT_DIR, PORT + 1, { NODE_OPTIONS: '--max-old-space-size=96' })
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

await writeFile('bench/results.json', `${JSON.stringify(results, null, 2)}\n`)
const width = Math.max(...rows.map((r) => r.metric.length))
for (const r of rows) {
  const verdict = r.ok === undefined ? '' : r.ok ? '  ok' : '  OVER BUDGET'
  console.log(`${r.metric.padEnd(width)}  ${String(r.value).padStart(14)}  ${r.budget.padEnd(8)}${verdict}`)
}
console.log('\nwrote bench/results.json')
