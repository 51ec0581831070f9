// `npm run bench:bff`: poll throughput and latency through the BFF (live mode) and directly against the same
// fake upstream on loopback, in one run. Prints a table and writes bench/results-bff.json.
import autocannon from 'autocannon'
import { spawn, type ChildProcess } from 'node:child_process'
import { writeFile } from 'node:fs/promises'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const UPSTREAM_PORT = 4412
const BFF_PORTS = { undici: 4411, fetch: 4413 } as const
const POLL_PATH = '/api/v1/requests/req_bench_1'

const children: ChildProcess[] = []

async function start(args: string[], url: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bff-processes.ts', ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  children.push(child)
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${args[0]} did not start at ${url}`)
}

interface Figures {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  errors: number
}

async function measure(url: string): Promise<Figures> {
  await autocannon({ url, connections: CONNECTIONS, duration: 2 }) // warm-up: JIT, pools, keep-alive
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS })
  return {
    requestsPerSecond: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  }
}

try {
  const upstream = `http://127.0.0.1:${UPSTREAM_PORT}`
  await start(['upstream', String(UPSTREAM_PORT)], `${upstream}/api/v1/status`)
  await start(['bff', String(BFF_PORTS.undici), upstream, 'undici'], `http://127.0.0.1:${BFF_PORTS.undici}/api/health`)
  await start(['bff', String(BFF_PORTS.fetch), upstream, 'fetch'], `http://127.0.0.1:${BFF_PORTS.fetch}/api/health`)

  const direct = await measure(`${upstream}${POLL_PATH}`)
  const viaUndici = await measure(`http://127.0.0.1:${BFF_PORTS.undici}${POLL_PATH}`)
  const viaFetch = await measure(`http://127.0.0.1:${BFF_PORTS.fetch}${POLL_PATH}`)

  const ratio = (f: Figures) => Math.round((f.requestsPerSecond / direct.requestsPerSecond) * 100) / 100
  const addedP99 = (f: Figures) => f.p99Ms - direct.p99Ms
  const results = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    connections: CONNECTIONS,
    seconds: SECONDS,
    direct,
    bffUndici: { ...viaUndici, throughputRatio: ratio(viaUndici), addedP99Ms: addedP99(viaUndici) },
    bffGlobalFetch: { ...viaFetch, throughputRatio: ratio(viaFetch), addedP99Ms: addedP99(viaFetch) },
    targets: { throughputRatio: '≥ 0.5', addedP99Ms: '< 5' },
    met: ratio(viaUndici) >= 0.5 && addedP99(viaUndici) < 5,
  }
  await writeFile('bench/results-bff.json', `${JSON.stringify(results, null, 2)}\n`)

  const rows = [
    ['path', 'req/s', 'p50 ms', 'p99 ms', 'errors', '× direct', '+p99 ms'],
    ['direct to fake upstream', direct.requestsPerSecond, direct.p50Ms, direct.p99Ms, direct.errors, '1', '0'],
    [
      'BFF, undici pool (used)',
      viaUndici.requestsPerSecond,
      viaUndici.p50Ms,
      viaUndici.p99Ms,
      viaUndici.errors,
      ratio(viaUndici),
      addedP99(viaUndici),
    ],
    [
      'BFF, global fetch',
      viaFetch.requestsPerSecond,
      viaFetch.p50Ms,
      viaFetch.p99Ms,
      viaFetch.errors,
      ratio(viaFetch),
      addedP99(viaFetch),
    ],
  ].map((cells) => cells.map(String))
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  for (const r of rows) console.log(r.map((cell, i) => cell.padEnd(widths[i]!)).join('  '))
  console.log(
    `\n${CONNECTIONS} connections, ${SECONDS} s each; targets ≥ 0.5 × direct, < 5 ms added p99: ${results.met ? 'met' : 'NOT met'}`,
  )
} finally {
  for (const child of children) child.kill('SIGTERM')
}
