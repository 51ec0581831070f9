import autocannon from 'autocannon'
import { readFile } from 'node:fs/promises'

export interface LoadFigures {
  connections: number
  seconds: number
  requests: number
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  non2xx: number
  errors: number
  timeouts: number
  rssStartMb: number
  /** After the first half: the heap has grown to its working size. */
  rssHalfMb: number
  /** After the second half: stable memory means close to the half-way figure. */
  rssEndMb: number
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN)
  return Math.round(kb / 1024)
}

/**
 * A bounded load test on loopback: many connections polling one render through the BFF for a fixed time.
 * It stops by itself; the server's memory is read before and after.
 */
export async function measurePollLoad(url: string, pid: number, connections = 200, seconds = 20): Promise<LoadFigures> {
  const created = await fetch(`${url}/api/v1/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ operation: 'video.generate', input: { model: 'grok', prompt: 'load test', duration: 6 } }),
  })
  const { id } = (await created.json()) as { id: string }
  const rssStartMb = await rssMb(pid)
  const run = () => autocannon({ url: `${url}/api/v1/requests/${id}`, connections, duration: seconds / 2 })
  const first = await run()
  const rssHalfMb = await rssMb(pid)
  const second = await run()
  const halves = [first, second]
  const sum = (pick: (r: autocannon.Result) => number) => halves.reduce((total, r) => total + pick(r), 0)
  return {
    connections,
    seconds,
    requests: sum((r) => r.requests.total),
    requestsPerSecond: Math.round(sum((r) => r.requests.average) / 2),
    p50Ms: Math.max(first.latency.p50, second.latency.p50),
    p99Ms: Math.max(first.latency.p99, second.latency.p99),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    rssStartMb,
    rssHalfMb,
    rssEndMb: await rssMb(pid),
  }
}
