import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import type { ReactNode } from 'react'
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest'
import { studioHandlers } from '@/mocks/handlers'
import { statusWord } from './render-record'
import { rendersQuery } from './renders-cache'
import { useSubmitRender } from './use-submit-render'

const studio = studioHandlers()
const server = setupServer(...studio.handlers)
const keys: string[] = []
server.events.on('request:start', ({ request }) => {
  if (request.method === 'POST') keys.push(request.headers.get('x-idempotency-key') ?? '')
})
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' })
  // The client loads on first use; loaded here, on the real clock, so the faked one below times only the sends.
  await import('@/lib/bff-client')
})
afterEach(() => {
  server.resetHandlers()
  vi.useRealTimers()
})
afterAll(() => server.close())

it('keeps a submission that outlasts its retries retryable, with the reason, and sends it again with its key', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'Date'] })
  server.use(http.post('*/api/v1/requests', () => HttpResponse.error()))
  const client = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } })
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  )
  const { result } = renderHook(() => useSubmitRender(), { wrapper })
  const stored = () => client.getQueryData(rendersQuery.queryKey)!.at(-1)!

  // IndexedDB runs on the faked clock too, so the submission is left to finish while time advances.
  const submitted = result.current.submit({ model: 'sora2', prompt: 'A storm over the pier', duration: 4 })
  await act(() => vi.advanceTimersByTimeAsync(30_000))
  await submitted
  expect(keys).toHaveLength(4) // the first try and three retries
  expect(stored()).toMatchObject({ status: 'submitting', submitError: expect.stringMatching(/could not be reached/) })

  server.resetHandlers(...studio.handlers) // the network is back
  await act(async () => result.current.send(stored()))
  await act(() => vi.advanceTimersByTimeAsync(1000))
  expect(stored()).toMatchObject({
    status: 'queued',
    requestId: expect.stringMatching(/^req_/),
    submitError: undefined,
  })
  expect(new Set(keys).size).toBe(1)
})

it('shows a create refused with 429 as Waiting, with the reason and when it is tried again, until accepted', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'Date'] })
  let refusals = 2
  server.use(
    http.post('*/api/v1/requests', () => {
      if (refusals-- <= 0) return undefined // the studio as usual
      const error = { code: 'rate_limited', message: 'Too many renders started; try again in 5 s' }
      return HttpResponse.json({ error }, { status: 429, headers: { 'retry-after': '5' } })
    }),
  )
  const client = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } })
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  )
  const { result } = renderHook(() => useSubmitRender(), { wrapper })
  const stored = () => client.getQueryData(rendersQuery.queryKey)!.at(-1)!

  const submitted = result.current.submit({ model: 'sora2', prompt: 'A crowded pier', duration: 4 })
  await act(() => vi.advanceTimersByTimeAsync(100))
  await submitted
  expect(statusWord(stored())).toBe('Waiting')
  expect(stored()).toMatchObject({ submitError: 'Too many renders started; try again in 5 s' })
  expect(stored().retryAtMs! - Date.now()).toBeGreaterThan(4000)
  await act(() => vi.advanceTimersByTimeAsync(5000))
  expect(statusWord(stored())).toBe('Waiting') // the second 429
  await act(() => vi.advanceTimersByTimeAsync(6000))
  expect(stored()).toMatchObject({ status: 'queued', submitError: undefined, retryAtMs: undefined })
  expect(statusWord(stored())).toBe('Queued')
})

it("sends the record's id and lineage with the create, so the ledger keeps the render under the same id", async () => {
  const headers: Headers[] = []
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST') headers.push(request.headers)
  })
  const client = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } })
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  )
  const { result } = renderHook(() => useSubmitRender(), { wrapper })
  const parent = '3f1c2a4e-9b7d-4c1e-8f00-0123456789ab'
  const record = await act(() =>
    result.current.submit(
      { model: 'sora2', prompt: 'A heron again', duration: 4 },
      { parentId: parent, relation: 'rerun' },
    ),
  )
  await vi.waitFor(() => expect(studio.ledger.get(record.localId)).toBeDefined())
  expect(studio.ledger.get(record.localId)).toMatchObject({ parentId: parent, relation: 'rerun' })
  expect(headers.at(-1)?.get('x-studio-render-id')).toBe(record.localId)
})
