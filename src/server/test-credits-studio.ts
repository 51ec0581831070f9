import { catalogV1 } from '@/catalog/models-v1'
import type { Database } from '@/ledger/database'
import { createSimulator } from '@/simulator/simulator'
import { createBffApp, type BffOptions } from './app'
import { createUpstreamClient } from './upstream'

export const video = (input: Record<string, unknown> = {}) => ({
  operation: 'video.generate',
  input: { model: 'grok', prompt: 'A fox in the snow', duration: 6, ...input },
})
export const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

/**
 * For ledger tests of credits and people: the BFF on `db` in front of a simulator whose renders finish at once,
 * counting the creates that reach it; `finish(id)` polls a render to its end.
 */
export function creditsStudio(db: Database, options: Partial<BffOptions> & { startingCredits?: number } = {}) {
  const { startingCredits, ...bff } = options
  const simulator = createSimulator({
    catalog: catalogV1,
    timing: { queuedMs: 0, processingMs: 0, pollAfterMs: 1000 },
    startingCredits: startingCredits ?? 1_000_000,
  })
  let creates = 0
  const clock = { aheadMs: 0 }
  const app = createBffApp({
    mode: 'demo',
    catalog: catalogV1,
    upstream: createUpstreamClient({
      baseUrl: 'http://simulator.invalid',
      apiKey: 'cs_test_credits_key',
      retryDelaysMs: [],
      fetch: (request) => {
        if (request.method === 'POST') creates++
        return simulator.fetch(request)
      },
    }),
    ledger: db,
    now: () => Date.now() + clock.aheadMs,
    ...bff,
  })
  const call = (path: string, init?: RequestInit) => app.fetch(new Request(`http://studio.test${path}`, init))
  /** Creates a render and follows it to its end; its 202 body. */
  async function render(input: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const response = await call('/api/v1/requests', post(video(input), headers))
    if (response.status !== 202) throw new Error(`create answered ${response.status}: ${await response.text()}`)
    const accepted = (await response.json()) as { id: string; render_id: string }
    clock.aheadMs += 1_000
    await call(`/api/v1/requests/${accepted.id}`, { headers })
    return accepted
  }
  return { call, render, creates: () => creates, simulator }
}
