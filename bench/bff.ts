// `npm run bench:bff`: poll throughput and latency through the BFF (live mode) and directly against the same
// fake upstream on loopback, plus the cheapest Hono handler as the ceiling for any Hono app on this machine.
// The paths are measured in turn, round after round, so background load falls on all of them alike; each
// figure is the median of the rounds. Prints a table and writes bench/results-bff.json.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { pickLoadGenerator, runLoad, type LoadFigures, type LoadGenerator } from './bff-load'

const POLL_PATH = '/api/v1/requests/req_bench_1'
const PATHS = ['direct', 'honoCeiling', 'bffUndici', 'bffGlobalFetch'] as const
type PathName = (typeof PATHS)[number]

export interface BffOptions {
  seconds?: number
  rounds?: number
  connections?: number
  /** Five consecutive ports from this one are used. */
  basePort?: number
}

export interface BffFigures {
  measuredAt: string
  node: string
  loadGenerator: LoadGenerator
  connections: number
  seconds: number
  rounds: number
  /** cpuMicrosPerRequest: CPU time of the serving process (not of the upstream behind it) per request. */
  paths: Record<PathName, PathFigures>
  targets: { throughputRatio: '≥ 0.5'; addedP99Ms: '< 5' }
  met: boolean
}

type PathFigures = LoadFigures & { cpuMicrosPerRequest?: number; throughputRatio: number; addedP99Ms: number }

/** User + system CPU seconds of a process so far (Linux); undefined elsewhere. */
function cpuSeconds(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100 // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return undefined
  }
}

async function start(children: ChildProcess[], args: string[], healthUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bff-processes.ts', ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  children.push(child)
  for (let i = 0; i < 100; i++) {
    // Exited (a port in use, say): do not measure whatever else answers there.
    if (child.exitCode !== null) break
    try {
      if ((await fetch(healthUrl)).ok) return child
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${args[0]} did not start at ${healthUrl}`)
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : Math.round(((sorted[mid - 1]! + sorted[mid]!) / 2) * 100) / 100
}

/** Starts the fake upstream, the ceiling and both BFFs, measures each path, stops them all. */
export async function measureBff(options: BffOptions = {}): Promise<BffFigures> {
  const seconds = options.seconds ?? Number(process.env.BENCH_SECONDS ?? 5)
  const rounds = options.rounds ?? Number(process.env.BENCH_ROUNDS ?? 3)
  const connections = options.connections ?? Number(process.env.BENCH_CONNECTIONS ?? 50)
  const basePort = options.basePort ?? Number(process.env.BENCH_BFF_PORT ?? 4450)
  const generator = pickLoadGenerator()
  const base = (port: number) => `http://127.0.0.1:${port}`
  const upstream = base(basePort)
  const urls: Record<PathName, string> = {
    direct: `${upstream}${POLL_PATH}`,
    honoCeiling: `${base(basePort + 1)}${POLL_PATH}`,
    bffUndici: `${base(basePort + 2)}${POLL_PATH}`,
    bffGlobalFetch: `${base(basePort + 3)}${POLL_PATH}`,
  }
  const children: ChildProcess[] = []
  try {
    // Each path's serving process, whose CPU time is read around each run.
    const servers: Record<PathName, ChildProcess> = {
      direct: await start(children, ['upstream', String(basePort)], `${upstream}/api/v1/status`),
      honoCeiling: await start(children, ['hello', String(basePort + 1)], base(basePort + 1)),
      bffUndici: await start(
        children,
        ['bff', String(basePort + 2), upstream, 'undici'],
        `${base(basePort + 2)}/api/health`,
      ),
      bffGlobalFetch: await start(
        children,
        ['bff', String(basePort + 3), upstream, 'fetch'],
        `${base(basePort + 3)}/api/health`,
      ),
    }

    // Warm-up: JIT, pools, keep-alive connections.
    for (const path of PATHS) await runLoad(generator, urls[path], connections, 2)
    type Run = LoadFigures & { cpuMicrosPerRequest?: number }
    const runs = Object.fromEntries(PATHS.map((path) => [path, [] as Run[]])) as Record<PathName, Run[]>
    for (let round = 0; round < rounds; round++) {
      for (const path of PATHS) {
        const before = cpuSeconds(servers[path].pid)
        const load = await runLoad(generator, urls[path], connections, seconds)
        const after = cpuSeconds(servers[path].pid)
        const used = before === undefined || after === undefined ? undefined : after - before
        const perRequest = used && Math.round((used * 1e6) / (load.requestsPerSecond * seconds))
        runs[path].push({ ...load, ...(perRequest ? { cpuMicrosPerRequest: perRequest } : {}) })
      }
    }
    const figures = (path: PathName): Run => {
      const cpu = runs[path].flatMap((r) => (r.cpuMicrosPerRequest ? [r.cpuMicrosPerRequest] : []))
      return {
        requestsPerSecond: median(runs[path].map((r) => r.requestsPerSecond)),
        p50Ms: median(runs[path].map((r) => r.p50Ms)),
        p99Ms: median(runs[path].map((r) => r.p99Ms)),
        errors: runs[path].reduce((total, r) => total + r.errors, 0),
        ...(cpu.length ? { cpuMicrosPerRequest: median(cpu) } : {}),
      }
    }
    const direct = figures('direct')
    const paths = Object.fromEntries(
      PATHS.map((path) => {
        const f = figures(path)
        const throughputRatio = Math.round((f.requestsPerSecond / direct.requestsPerSecond) * 100) / 100
        return [path, { ...f, throughputRatio, addedP99Ms: Math.round((f.p99Ms - direct.p99Ms) * 100) / 100 }]
      }),
    ) as BffFigures['paths']
    return {
      measuredAt: new Date().toISOString(),
      node: process.version,
      loadGenerator: generator,
      connections,
      seconds,
      rounds,
      paths,
      targets: { throughputRatio: '≥ 0.5', addedP99Ms: '< 5' },
      met: paths.bffUndici.throughputRatio >= 0.5 && paths.bffUndici.addedP99Ms < 5,
    }
  } finally {
    for (const child of children) child.kill('SIGTERM')
  }
}

const LABELS: Record<PathName, string> = {
  direct: 'direct to fake upstream',
  honoCeiling: 'Hono hello world (ceiling)',
  bffUndici: 'BFF, undici pool (used)',
  bffGlobalFetch: 'BFF, global fetch',
}

export function formatBffTable(f: BffFigures): string {
  const ceiling = f.paths.honoCeiling.requestsPerSecond
  const rows = [
    ['path', 'req/s', 'p50 ms', 'p99 ms', 'errors', '× direct', '× ceiling', '+p99 ms', 'CPU µs/req'],
    ...PATHS.map((path) => {
      const p = f.paths[path]
      const ofCeiling = Math.round((p.requestsPerSecond / ceiling) * 100) / 100
      const cpu = p.cpuMicrosPerRequest ?? '?'
      return [
        LABELS[path],
        p.requestsPerSecond,
        p.p50Ms,
        p.p99Ms,
        p.errors,
        p.throughputRatio,
        ofCeiling,
        p.addedP99Ms,
        cpu,
      ]
    }),
  ].map((cells) => cells.map(String))
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  const table = rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')).join('\n')
  return `${table}\n\n${f.loadGenerator}, ${f.connections} connections, median of ${f.rounds} × ${f.seconds} s; targets ≥ 0.5 × direct, < 5 ms added p99: ${f.met ? 'met' : 'NOT met'}`
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await measureBff()
  await writeFile('bench/results-bff.json', `${JSON.stringify(figures, null, 2)}\n`)
  console.log(formatBffTable(figures))
}
