import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest'
import { studioHandlers } from '@/mocks/handlers'
import { bffClient } from '@/lib/bff-client'
import { MAX_POLL_INTERVAL_MS, STALE_AFTER_MS } from './poll-schedule'
import type { AcceptedRender, RenderRecord } from './render-record'
import { renderPollQuery } from './render-poll-query'
import { rendersQuery } from './renders-cache'
import { newRenderRecord } from './use-submit-render'

// Each test gets its own simulator, with the timing the test needs.
let studio = studioHandlers()
const server = setupServer()
let polls: number[] = []
server.events.on('request:start', ({ request }) => {
  if (request.method === 'GET' && new URL(request.url).pathname.startsWith('/api/v1/requests/')) polls.push(Date.now())
})
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  polls = []
  // No jitter, so the schedule can be read exactly: 1000, 1500, 2250, … capped at 10 s.
  vi.spyOn(Math, 'random').mockReturnValue(0.5)
})
afterEach(() => {
  server.resetHandlers()
  vi.useRealTimers()
})
afterAll(() => server.close())

const input = { model: 'sora2', prompt: 'A lighthouse in a storm', duration: 4 }

async function acceptedRender(
  queuedMs: number,
  processingMs: number,
): Promise<{ record: AcceptedRender; client: QueryClient }> {
  studio = studioHandlers({
    simulator: { timing: { queuedMs, processingMs, pollAfterMs: 1000 }, now: () => Date.now() },
  })
  server.use(...studio.handlers)
  const accepted = await bffClient.createRequest({ operation: 'video.generate', input }, 'key-1')
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'Date'],
  })
  const record = {
    ...newRenderRecord(input),
    requestId: accepted.id,
    status: accepted.status,
    pollAfterMs: accepted.poll_after_ms,
    acceptedAtMs: Date.now(),
  }
  // The renders list lives as long as the page, as in the app (rendersQuery has no observer here).
  const client = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } })
  client.setQueryData(rendersQuery.queryKey, [record])
  return { record, client }
}

function follow(client: QueryClient, record: AcceptedRender) {
  const observer = new QueryObserver(client, renderPollQuery(record))
  return observer.subscribe(() => {})
}

const stored = (client: QueryClient): RenderRecord => client.getQueryData(rendersQuery.queryKey)![0]!
const gaps = () => polls.slice(1).map((at, i) => at - polls[i]!)

it('polls first after poll_after_ms, then backs off, capped near 10 s', async () => {
  const { record, client } = await acceptedRender(10 * 60_000, 60_000)
  const stop = follow(client, record)
  await vi.advanceTimersByTimeAsync(999)
  expect(polls).toHaveLength(0)
  await vi.advanceTimersByTimeAsync(1)
  expect(polls).toHaveLength(1)
  await vi.advanceTimersByTimeAsync(60_000)
  // A few fake milliseconds pass inside the network and IndexedDB layers of each poll.
  const expected = [1000, 1500, 2250, 3375, 5063, 7594, 10_000, 10_000]
  gaps()
    .slice(0, expected.length)
    .forEach((gap, i) => expect(gap - expected[i]!).toSatisfy((d: number) => d >= 0 && d < 25))
  expect(Math.max(...gaps())).toBeLessThan(MAX_POLL_INTERVAL_MS + 25)
  expect(stored(client).status).toBe('queued')
  stop()
})

it('counts the first wait from acceptance, so a reload does not restart it', async () => {
  const { record, client } = await acceptedRender(10 * 60_000, 60_000)
  await vi.advanceTimersByTimeAsync(700) // the page reloads 700 ms after the 202
  const stop = follow(client, record)
  await vi.advanceTimersByTimeAsync(299)
  expect(polls).toHaveLength(0)
  await vi.advanceTimersByTimeAsync(1)
  expect(polls).toHaveLength(1)
  stop()
})

it('honours Retry-After on a 429 and keeps the render alive, shown as reconnecting', async () => {
  const { record, client } = await acceptedRender(10 * 60_000, 60_000)
  server.use(
    http.get(
      '*/api/v1/requests/:id',
      () =>
        HttpResponse.json(
          { error: { code: 'rate_limited', message: 'Too many requests' } },
          { status: 429, headers: { 'retry-after': '7' } },
        ),
      { once: true },
    ),
  )
  const stop = follow(client, record)
  await vi.advanceTimersByTimeAsync(1000)
  expect(polls).toHaveLength(1)
  expect(stored(client)).toMatchObject({ status: 'queued', pollError: 'Too many requests' })
  await vi.advanceTimersByTimeAsync(6900)
  expect(polls).toHaveLength(1)
  await vi.advanceTimersByTimeAsync(200)
  expect(polls).toHaveLength(2)
  expect(stored(client).pollError).toBeUndefined()
  stop()
})

it('rides out a network drop and recovers on the next poll', async () => {
  const { record, client } = await acceptedRender(10 * 60_000, 60_000)
  server.use(http.get('*/api/v1/requests/:id', () => HttpResponse.error(), { once: true }))
  const stop = follow(client, record)
  await vi.advanceTimersByTimeAsync(1000)
  expect(stored(client).pollError).toMatch(/could not be reached/)
  await vi.advanceTimersByTimeAsync(1100)
  expect(polls).toHaveLength(2)
  expect(stored(client)).toMatchObject({ status: 'queued', pollError: undefined })
  stop()
})

it('stops polling once the render succeeds, and stores its video', async () => {
  const { record, client } = await acceptedRender(1500, 3500)
  const stop = follow(client, record)
  await vi.advanceTimersByTimeAsync(10_000)
  expect(stored(client)).toMatchObject({
    status: 'succeeded',
    output: { video_url: expect.stringMatching(/-16x9-\d+s\.mp4$/) },
  })
  const pollsAtEnd = polls.length
  await vi.advanceTimersByTimeAsync(30 * 60_000)
  expect(polls).toHaveLength(pollsAtEnd)
  stop()
})

it('marks a render still unfinished after 30 minutes as stale', async () => {
  const { record, client } = await acceptedRender(60 * 60_000, 60_000)
  const stop = follow(client, record)
  await vi.advanceTimersByTimeAsync(STALE_AFTER_MS - 20_000)
  expect(stored(client).stale).toBe(false)
  await vi.advanceTimersByTimeAsync(20_000 + MAX_POLL_INTERVAL_MS + 100)
  expect(stored(client)).toMatchObject({ status: 'queued', stale: true })
  stop()
})
