// The load generators for bench/bff.ts. wrk (C, one thread) when it is installed: on this 2-core machine the
// generator shares the CPU with the servers, and wrk spends a fraction of autocannon's CPU per request and
// reports latency in microseconds. autocannon (JS, installed with the project) otherwise.
import autocannon from 'autocannon'
import { execFile, spawnSync } from 'node:child_process'

export interface LoadFigures {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** Socket errors, timeouts and non-2xx answers. */
  errors: number
}

export type LoadGenerator = 'wrk' | 'autocannon'

export function pickLoadGenerator(): LoadGenerator {
  const wanted = process.env.BENCH_LOAD_GENERATOR
  if (wanted === 'wrk' || wanted === 'autocannon') return wanted
  return spawnSync('wrk', ['--version']).error ? 'autocannon' : 'wrk'
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000 }

function wrkMs(output: string, percentile: string): number {
  const match = new RegExp(`^\\s*${percentile}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(output)
  if (!match) throw new Error(`wrk printed no ${percentile}th percentile:\n${output}`)
  return Math.round(Number(match[1]) * UNIT_MS[match[2]!]! * 100) / 100
}

function runWrk(url: string, connections: number, seconds: number): Promise<LoadFigures> {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '5s', '--latency', url]
  return new Promise((resolve, reject) => {
    execFile('wrk', args, { timeout: (seconds + 15) * 1000 }, (error, output) => {
      if (error) return reject(error)
      const count = (pattern: RegExp) => [...output.matchAll(pattern)].reduce((n, m) => n + Number(m[1]), 0)
      resolve({
        requestsPerSecond: Math.round(Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0)),
        p50Ms: wrkMs(output, '50'),
        p99Ms: wrkMs(output, '99'),
        errors: count(/Non-2xx or 3xx responses:\s+(\d+)/g) + count(/(?:connect|read|write|timeout) (\d+)/g),
      })
    })
  })
}

async function runAutocannon(url: string, connections: number, seconds: number): Promise<LoadFigures> {
  const r = await autocannon({ url, connections, duration: seconds })
  return {
    requestsPerSecond: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  }
}

export function runLoad(generator: LoadGenerator, url: string, connections: number, seconds: number) {
  return generator === 'wrk' ? runWrk(url, connections, seconds) : runAutocannon(url, connections, seconds)
}
