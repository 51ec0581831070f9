// `npx tsx bench/ledger-polls.ts` (also run by `npm run bench`): polls through the studio's ledger.
// 1. A finished render, polled through the built studio (answered from the ledger), against nginx proxy_pass
//    with keepalive in front of the same fake Cannon, side by side, round after round (median of the rounds).
// 2. An unfinished render polled by 200 connections: how many calls reach Cannon per poll_after_ms.
// 3. The studio's memory over a 20 s run of 200 pollers.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeUpstream } from '../src/server/fake-upstream'
import { pickLoadGenerator, runLoad, type LoadFigures } from './bff-load'
import { ensureBuilt, startStudio } from './studio-server'

const OUT_DIR = process.env.BENCH_OUT_DIR ?? '.out/bench'
const PORT = Number(process.env.BENCH_LEDGER_PORT ?? 4530)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const CONNECTIONS = 50
const POLL_AFTER_MS = 1000

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!
/** CPU time (user + system, not its children's) a process has used, in ms: /proc counts 10 ms ticks. */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}
const rssMb = (pid: number) =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024)

function startNginx(port: number, upstream: string) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-nginx-'))
  const conf = `daemon off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  upstream cannon { server ${new URL(upstream).host}; keepalive 64; }
  server {
    listen 127.0.0.1:${port};
    location / { proxy_pass http://cannon; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}`
  writeFileSync(`${dir}/nginx.conf`, conf)
  const child = spawn('nginx', ['-c', `${dir}/nginx.conf`, '-p', dir], { stdio: 'ignore' })
  const worker = () => Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim())
  return { url: `http://127.0.0.1:${port}`, worker, stop: () => child.kill('SIGQUIT') }
}

async function waitFor(url: string) {
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(url).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${url} did not answer`)
}

if (spawnSync('nginx', ['-v']).error) throw new Error('nginx is needed for this benchmark: apt-get install -y nginx')
ensureBuilt(OUT_DIR)
const generator = pickLoadGenerator()
const fake = await startFakeUpstream({ record: false })
let upstreamPolls = 0
const finishedIds = new Set<string>()
fake.respondWith((call) => {
  const id = /^\/api\/v1\/requests\/(\w+)$/.exec(call.path)?.[1]
  if (call.method !== 'GET' || !id) return undefined
  upstreamPolls++
  const done = finishedIds.has(id)
  const output = done ? { video_url: `https://storage.example.com/${id}.mp4` } : null
  const status = done ? 'succeeded' : 'processing'
  return { status: 200, body: { id, operation: 'video.generate', status, billableCredits: 48, output } }
})
const nginx = startNginx(PORT + 1, fake.origin)
const studio = await startStudio(OUT_DIR, PORT, {
  CANNON_API_KEY: 'cs_live_bench_ledger_key',
  CANNON_API_BASE: fake.origin,
  STUDIO_POLL_RATE_LIMIT: '1000000/1s',
  STUDIO_MAX_CONNECTIONS_PER_CLIENT: '1000',
})
const create = async (prompt: string) => {
  const response = await fetch(`${studio.url}/api/v1/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ operation: 'video.generate', input: { model: 'grok', prompt, duration: 6 } }),
  })
  return ((await response.json()) as { id: string }).id
}

try {
  await waitFor(`${nginx.url}/api/v1/status`)
  const finished = await create('A finished take')
  finishedIds.add(finished)
  // Its first poll slot opens poll_after_ms after the 202; on a busy machine that can take a while longer.
  let answer = { status: 'queued' }
  for (let i = 0; i < 10 && answer.status !== 'succeeded'; i++) {
    await new Promise((resolve) => setTimeout(resolve, POLL_AFTER_MS + 100))
    answer = (await (await fetch(`${studio.url}/api/v1/requests/${finished}`)).json()) as { status: string }
  }
  if (answer.status !== 'succeeded') throw new Error(`the finished render answered ${answer.status}`)

  // 1. Side by side.
  // Which processes answer each target: the fake Cannon runs in this script's process.
  const paths = {
    'studio, finished render (ledger)': { url: `${studio.url}/api/v1/requests/${finished}`, pids: [studio.pid] },
    'nginx proxy_pass → fake Cannon': {
      url: `${nginx.url}/api/v1/requests/${finished}`,
      pids: [nginx.worker(), process.pid],
    },
    'fake Cannon directly': { url: `${fake.origin}/api/v1/requests/${finished}`, pids: [process.pid] },
  }
  for (const { url } of Object.values(paths)) await runLoad(generator, url, CONNECTIONS, 2)
  const runs = Object.fromEntries(Object.keys(paths).map((name) => [name, [] as (LoadFigures & { cpuUs: number })[]]))
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, { url, pids }] of Object.entries(paths)) {
      const cpu = () => pids.reduce((ms, pid) => ms + cpuMs(pid), 0)
      const before = cpu()
      const figures = await runLoad(generator, url, CONNECTIONS, SECONDS)
      const cpuUs = Math.round(((cpu() - before) * 1000) / (figures.requestsPerSecond * SECONDS))
      runs[name]!.push({ ...figures, cpuUs })
    }
  }
  const rows = Object.entries(runs).map(([name, r]) => ({
    name,
    rps: median(r.map((x) => x.requestsPerSecond)),
    p50: median(r.map((x) => x.p50Ms)),
    p99: median(r.map((x) => x.p99Ms)),
    cpuUs: median(r.map((x) => x.cpuUs)),
    errors: r.reduce((n, x) => n + x.errors, 0),
  }))
  const nginxRps = rows[1]!.rps
  console.log(`\nFinished-render polls, ${generator}, ${CONNECTIONS} connections, median of ${ROUNDS} × ${SECONDS} s`)
  console.log(
    `  Each target warmed for 2 s, then measured in turn every round with the same generator, connections (kept alive) and time.\n` +
      `  The studio: one Node process, the built server with its request log and every guard on (poll limit raised).\n` +
      `  nginx: worker_processes 1, upstream keepalive 64, access_log off, in front of the fake Cannon (this script's process).\n` +
      `  CPU: what the answering processes spent (user + system) per request; steadier than req/s on a shared machine.`,
  )
  for (const row of rows) {
    const ratio = Math.round((row.rps / nginxRps) * 100) / 100
    console.log(
      `  ${row.name.padEnd(34)} ${String(row.rps).padStart(7)} req/s  CPU ${row.cpuUs} µs/req  p50 ${row.p50} ms  p99 ${row.p99} ms  errors ${row.errors}  × nginx ${ratio}`,
    )
  }

  // 2 and 3. 200 pollers on an unfinished render for 20 s; memory sampled at start, middle and end.
  const unfinished = await create('A take still rendering')
  await new Promise((resolve) => setTimeout(resolve, POLL_AFTER_MS + 100))
  upstreamPolls = 0
  const rss = [rssMb(studio.pid)]
  const started = Date.now()
  const load = runLoad(generator, `${studio.url}/api/v1/requests/${unfinished}`, 200, 20)
  await new Promise((resolve) => setTimeout(resolve, 10_000))
  rss.push(rssMb(studio.pid))
  const figures = await load
  rss.push(rssMb(studio.pid))
  const seconds = (Date.now() - started) / 1000
  const allowed = Math.ceil((seconds * 1000) / POLL_AFTER_MS) + 1
  console.log(
    `\nUnfinished render, 200 pollers × 20 s: ${figures.requestsPerSecond} req/s, p99 ${figures.p99Ms} ms, errors ${figures.errors}`,
  )
  console.log(
    `  calls that reached Cannon: ${upstreamPolls} (at most one per poll_after_ms: ≤ ${allowed}, incl. the sweeper's)`,
  )
  const drift = Math.round(((rss[2]! - rss[1]!) / rss[1]!) * 1000) / 10
  console.log(`  studio RSS: ${rss.join(' → ')} MB (second half ${drift >= 0 ? '+' : ''}${drift} %; budget ±10 %)`)
} finally {
  studio.stop()
  nginx.stop()
  await fake.close()
}
