import { QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import type { ReactNode } from 'react'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest'
import { BUSY_REFRESH_MS, IDLE_REFRESH_MS } from '@/features/renders/gallery-pages'
import { MIRROR_SIZE } from '@/features/renders/mirror'
import { loadRenders, replaceStoredRenders, saveRender } from '@/features/renders/render-store'
import { newRenderRecord } from '@/features/renders/use-submit-render'
import { createQueryClient } from '@/lib/query-client'
import { studioHandlers } from '@/mocks/handlers'
import { ledgerRender } from '@/test/ledger-fixtures'
import { NO_FILTERS, type GalleryFilters } from './gallery-view'
import { useGalleryRenders } from './use-gallery-renders'

let studio = studioHandlers()
const server = setupServer()
let listed: URLSearchParams[] = []
server.events.on('request:start', ({ request }) => {
  const url = new URL(request.url)
  if (url.pathname === '/api/renders') listed.push(url.searchParams)
})
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(async () => {
  studio = studioHandlers()
  server.use(...studio.handlers)
  listed = []
  await replaceStoredRenders([])
})
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

function mount(filters: GalleryFilters = NO_FILTERS) {
  const client = createQueryClient()
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  )
  const hook = renderHook((props: GalleryFilters) => useGalleryRenders(props), { wrapper, initialProps: filters })
  return { client, ...hook }
}

const prompts = (renders: { input: { prompt: string } }[]) => renders.map((r) => r.input.prompt)

it('pages through the ledger, newest first, one page at a time, down to the oldest', async () => {
  for (let i = 0; i < 130; i++) studio.ledger.put(ledgerRender(i))
  const { result } = mount()
  await waitFor(() => expect(result.current.renders).toHaveLength(60))
  expect(result.current.renders[0]!.input.prompt).toBe('Take 0 of a lighthouse')
  expect(result.current.complete).toBe(false)

  act(() => result.current.loadMore())
  act(() => result.current.loadMore()) // a second call while the page is on its way asks for nothing more
  await waitFor(() => expect(result.current.renders).toHaveLength(120))
  act(() => result.current.loadMore())
  await waitFor(() => expect(result.current.complete).toBe(true))
  expect(prompts(result.current.renders).at(-1)).toBe('Take 129 of a lighthouse')
  expect(new Set(result.current.renders.map((r) => r.localId)).size).toBe(130)
  expect(listed.map((p) => p.get('cursor'))).toEqual([null, expect.any(String), expect.any(String)])
  expect(listed.every((p) => p.get('limit') === '60')).toBe(true)
})

it('has the server filter and search (debounced), and shows only what it answers', async () => {
  for (let i = 0; i < 10; i++) studio.ledger.put(ledgerRender(i, { favourite: i === 3 || i === 4 }))
  studio.ledger.put(ledgerRender(10, { status: 'failed', input: { model: 'grok', prompt: 'A red kite' } }))
  const { result, rerender } = mount()
  await waitFor(() => expect(result.current.renders).toHaveLength(11))

  rerender({ ...NO_FILTERS, favouritesOnly: true })
  await waitFor(() =>
    expect(prompts(result.current.renders)).toEqual(['Take 3 of a lighthouse', 'Take 4 of a lighthouse']),
  )
  rerender({ ...NO_FILTERS, model: 'grok', status: 'Failed' })
  await waitFor(() => expect(prompts(result.current.renders)).toEqual(['A red kite']))

  listed = []
  for (const search of ['K', 'KI', 'KIT', 'KITE']) rerender({ ...NO_FILTERS, search })
  await waitFor(() => expect(prompts(result.current.renders)).toEqual(['A red kite']))
  expect(listed.map((p) => p.get('q'))).toEqual(['KITE'])
  expect(Object.fromEntries(listed[0]!)).toEqual({ limit: '60', q: 'KITE' })
})

it('paints from the mirror at once, then shows what the ledger answers instead', async () => {
  const kept = { ...newRenderRecord({ model: 'sora2', prompt: 'Kept in this browser' }), synced: true }
  await saveRender({ ...kept, status: 'succeeded', requestId: 'req_kept' })
  studio.ledger.put(ledgerRender(0))
  let answer: () => void = () => {}
  const answered = new Promise<void>((resolve) => (answer = resolve))
  server.use(http.get('*/api/renders', () => answered)) // held, then handled by the ledger as usual
  const { result } = mount()
  await waitFor(() => expect(prompts(result.current.renders)).toEqual(['Kept in this browser']))
  expect(result.current.fromLedger).toBe(false)
  // The mirror's render was deleted elsewhere meanwhile: the ledger's page replaces the mirror.
  answer()
  await waitFor(() => expect(prompts(result.current.renders)).toEqual(['Take 0 of a lighthouse']))
  await waitFor(async () => expect((await loadRenders()).map((r) => r.localId)).toEqual([ledgerRender(0).id]))
})

it('shows a render of this browser the ledger has not listed yet beside the pages, by date, once', async () => {
  for (let i = 0; i < 3; i++) studio.ledger.put(ledgerRender(i))
  const mine = newRenderRecord({ model: 'sora2', prompt: 'Not sent yet' })
  await saveRender(mine)
  const { result, client } = mount()
  await waitFor(() => expect(result.current.fromLedger).toBe(true))
  expect(prompts(result.current.renders)[0]).toBe('Not sent yet')
  expect(result.current.renders).toHaveLength(4)

  // Another browser's render, and this one once the ledger has it: each shown once.
  studio.ledger.put(ledgerRender(-1, { input: { model: 'grok', prompt: 'Made in another browser' } }))
  studio.ledger.put({ ...ledgerRender(-2), id: mine.localId, idempotencyKey: mine.idempotencyKey, input: mine.input })
  await act(() => client.refetchQueries({ queryKey: ['gallery-head'] }))
  await waitFor(() =>
    expect(prompts(result.current.renders).slice(0, 2)).toEqual(['Not sent yet', 'Made in another browser']),
  )
  expect(result.current.renders).toHaveLength(5)
  expect(result.current.renders[0]!.synced).toBe(true)
})

it("keeps only the ledger's newest renders in IndexedDB, however many are loaded, and every unsent one", async () => {
  for (let i = 0; i < 260; i++) studio.ledger.put(ledgerRender(i))
  const unsent = [0, 1].map((i) => newRenderRecord({ model: 'sora2', prompt: `Unsent ${i}` }))
  for (const record of unsent) await saveRender(record)
  const { result, client } = mount()
  while (!result.current.complete) {
    const before = result.current.renders.length
    act(() => result.current.loadMore())
    await waitFor(() => expect(result.current.renders.length).toBeGreaterThan(before))
  }
  expect(result.current.renders).toHaveLength(262)
  await act(() => client.refetchQueries({ queryKey: ['gallery-head'] }))
  const stored = await loadRenders()
  expect(stored).toHaveLength(MIRROR_SIZE + 2)
  expect(stored.filter((r) => r.synced).every((r) => r.createdAtMs >= ledgerRender(MIRROR_SIZE - 1).createdAtMs)).toBe(
    true,
  )
  expect(stored).toEqual(expect.arrayContaining(unsent))
})

it('reads the newest page again every few seconds while a render on screen is unfinished, else every 30 s', async () => {
  studio.ledger.put(ledgerRender(0))
  // The clock runs, and the test moves it on by the intervals it waits for.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'], shouldAdvanceTime: true })
  try {
    const { result } = mount()
    await waitFor(() => expect(result.current.fromLedger).toBe(true))
    listed = []
    await act(() => vi.advanceTimersByTimeAsync(BUSY_REFRESH_MS * 2))
    expect(listed).toHaveLength(0) // all finished: idle
    await act(() => vi.advanceTimersByTimeAsync(IDLE_REFRESH_MS))
    expect(listed).toHaveLength(1)

    studio.ledger.put(ledgerRender(-1, { status: 'processing', input: { model: 'grok', prompt: 'Still going' } }))
    await act(() => vi.advanceTimersByTimeAsync(IDLE_REFRESH_MS))
    await waitFor(() => expect(prompts(result.current.renders)[0]).toBe('Still going'))
    listed = []
    await act(() => vi.advanceTimersByTimeAsync(BUSY_REFRESH_MS * 3 + 100))
    expect(listed.length).toBeGreaterThanOrEqual(3)
  } finally {
    vi.useRealTimers()
  }
})
