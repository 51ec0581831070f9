import { DEMO_FLAWED_CLIPS } from '@/catalog/demo-clips'
import { describe, expect, it } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { faultsSchema, parseFaults } from './faults'
import { createSimulator } from './simulator'

const BASE = 'https://www.cannonstudio.app'
const body = JSON.stringify({ operation: 'video.generate', input: { model: 'grok', prompt: 'A fox', duration: 6 } })

/** A random source that replays the given rolls in order, then repeats the last. */
function rolls(...values: number[]) {
  let i = 0
  return () => values[Math.min(i++, values.length - 1)]!
}

function simulatorWith(faults: string, random: () => number) {
  let now = 0
  const sim = createSimulator({ catalog: catalogV1, faults: parseFaults(faults), random, now: () => now })
  const send = (method: string, path: string, key?: string) =>
    sim.fetch(
      new Request(`${BASE}${path}`, {
        method,
        headers: { 'x-api-key': 'k', 'content-type': 'application/json', ...(key ? { 'x-idempotency-key': key } : {}) },
        body: method === 'POST' ? body : undefined,
      }),
    )
  return { sim, send, advance: (ms: number) => (now += ms) }
}

describe('SIMULATOR_FAULTS', () => {
  it('parses every knob and refuses unknown or malformed ones with a clear message', () => {
    expect(parseFaults('latency_ms=20, fail_rate=0.5,stuck_rate=0.1')).toEqual(
      faultsSchema.parse({ latency_ms: 20, fail_rate: 0.5, stuck_rate: 0.1 }),
    )
    expect(parseFaults('')).toEqual(faultsSchema.parse({}))
    expect(() => parseFaults('flaky=1')).toThrow(/unknown knob flaky/)
    expect(() => parseFaults('fail_rate=2')).toThrow(/fail_rate/)
    expect(() => parseFaults('fail_rate')).toThrow(/not name=number/)
  })

  it('answers 503 and 429 with Retry-After at the configured shares', async () => {
    const { send } = simulatorWith('http_5xx_rate=0.5,http_429_rate=0.5', rolls(0.1, 0.7))
    expect((await send('GET', '/api/v1/status')).status).toBe(503)
    const limited = await send('GET', '/api/v1/status')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('1')
  })

  it('cuts a create answer short after storing it, so a retry with the same key finds the same render', async () => {
    const { sim, send } = simulatorWith('malformed_rate=0.5', rolls(0.9, 0.9, 0.1, 0.9))
    const broken = await send('POST', '/api/v1/requests', 'key-1')
    await expect(broken.json()).rejects.toThrow()
    const retried = await send('POST', '/api/v1/requests', 'key-1')
    expect(retried.status).toBe(202)
    expect(sim.createdCount()).toBe(1)
  })

  it('ends a share of renders failed with a reason, and leaves a share stuck in processing', async () => {
    const { send, advance } = simulatorWith('fail_rate=0.3,stuck_rate=0.3', rolls(0.9, 0.1, 0.0, 0.9, 0.9, 0.4, 0.9))
    const failing = await (await send('POST', '/api/v1/requests')).json()
    const stuck = await (await send('POST', '/api/v1/requests')).json()
    advance(60 * 60 * 1000)
    const failed = await (await send('GET', `/api/v1/requests/${failing.id}`)).json()
    expect(failed.status).toBe('failed')
    expect(failed.errorMessage).toMatch(/provider/i)
    expect((await (await send('GET', `/api/v1/requests/${stuck.id}`)).json()).status).toBe('processing')
  })

  it('serves a black or a frozen take to a share of renders, which otherwise succeed', async () => {
    for (const fault of ['black', 'frozen'] as const) {
      const { send, advance } = simulatorWith(`${fault}_rate=1`, () => 0.5)
      const created = await (await send('POST', '/api/v1/requests')).json()
      advance(60 * 60 * 1000)
      const done = await (await send('GET', `/api/v1/requests/${created.id}`)).json()
      expect(done.status).toBe('succeeded')
      expect(done.output).toMatchObject({ video_url: DEMO_FLAWED_CLIPS[fault].path, duration: 6, aspect_ratio: '16:9' })
    }
  })
})
