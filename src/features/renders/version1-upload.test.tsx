import { render, screen, waitFor, within } from '@testing-library/react'
import { getResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import { App } from '@/app/app'
import { Providers } from '@/app/providers'
import { createQueryClient } from '@/lib/query-client'
import { studioHandlers } from '@/mocks/handlers'
import type { RenderRecord } from './render-record'
import { loadRenders, replaceStoredRenders, saveRenders } from './render-store'

let studio = studioHandlers()
const server = setupServer()
let uploads: { version: number; renders: Record<string, unknown>[] }[] = []
server.events.on('request:start', async ({ request }) => {
  if (new URL(request.url).pathname === '/api/renders/import') uploads.push(await request.clone().json())
})
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(async () => {
  studio = studioHandlers({ simulator: { timing: { queuedMs: 100, processingMs: 200, pollAfterMs: 100 } } })
  server.use(...studio.handlers)
  uploads = []
  await replaceStoredRenders([])
})
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/** Renders as a version 1 studio kept them in IndexedDB: no trace of the ledger on them. */
const version1 = (i: number, extra: Partial<RenderRecord> = {}): RenderRecord => ({
  localId: `v1-local-${i}`,
  idempotencyKey: `v1-key-${i}`,
  requestId: `req_v1_${i}`,
  input: { model: 'sora2', prompt: `Version 1 take ${i}` },
  status: 'succeeded',
  createdAtMs: Date.UTC(2026, 0, 1, 12, i),
  updatedAtMs: Date.UTC(2026, 0, 1, 12, i),
  output: { video_url: '/demo/lava-16x9-4s.mp4' },
  favourite: i === 1,
  stale: false,
  posterDataUrl: 'data:image/jpeg;base64,AAAA',
  ...extra,
})

const loadStudio = (client = createQueryClient()) =>
  render(
    <Providers client={client}>
      <App />
    </Providers>,
  )
const shownPrompts = async () =>
  within(await screen.findByRole('region', { name: 'Gallery' }))
    .queryAllByRole('listitem')
    .map((item) => item.querySelector('p')?.textContent)

it('uploads the renders only this browser has, once, and shows each once', async () => {
  await saveRenders([version1(0), version1(1), version1(2)])
  const first = loadStudio()
  await waitFor(() => expect(studio.ledger.all()).toHaveLength(3))
  expect(uploads).toHaveLength(1)
  expect(uploads[0]).toMatchObject({ kind: 'cannon-studio-gallery', version: 1 })
  expect(uploads[0]!.renders[0]).toMatchObject({ localId: 'v1-local-0', idempotencyKey: 'v1-key-0' })
  expect(uploads[0]!.renders[0]).not.toHaveProperty('posterDataUrl')
  expect(studio.ledger.get('v1-local-1')).toMatchObject({ favourite: true, requestId: 'req_v1_1' })
  await waitFor(async () =>
    expect(await shownPrompts()).toEqual(['Version 1 take 2', 'Version 1 take 1', 'Version 1 take 0']),
  )
  await waitFor(async () => expect((await loadRenders()).every((r) => r.synced)).toBe(true))
  first.unmount()

  // The next start remembers the upload: nothing is sent again, and nothing shows twice.
  loadStudio()
  await waitFor(async () => expect(await shownPrompts()).toHaveLength(3))
  await new Promise((resolve) => setTimeout(resolve, 300))
  expect(uploads).toHaveLength(1)
  expect(studio.ledger.all()).toHaveLength(3)
})

it('sends a submission version 1 left unsent as a create, not as an upload', async () => {
  const unsent = version1(3, { requestId: undefined, status: 'submitting', output: undefined })
  await saveRenders([version1(0), unsent])
  loadStudio()
  await waitFor(() => expect(studio.ledger.get('v1-local-3')?.status).toBe('succeeded'), { timeout: 10_000 })
  expect(uploads.flatMap((u) => u.renders.map((r) => r.localId))).toEqual(['v1-local-0'])
  expect(studio.simulator.createdCount()).toBe(1)
})

it('sends nothing when this browser has no render of its own', async () => {
  loadStudio()
  await screen.findByRole('region', { name: 'Gallery' })
  await new Promise((resolve) => setTimeout(resolve, 300))
  expect(uploads).toEqual([])
})

it('keeps the uploaded renders when a read of the gallery that began before the upload answers after it', async () => {
  await saveRenders([version1(0), version1(1), version1(2)])
  const client = createQueryClient()
  let uploaded: () => void = () => {}
  const afterUpload = new Promise<void>((resolve) => (uploaded = resolve))
  let readDuringUpload: () => void = () => {}
  const readStarted = new Promise<void>((resolve) => (readDuringUpload = resolve))
  let uploading = false
  server.use(
    // The newest page is read again (a refocus, say) while the upload is on its way; its answer, the ledger as it
    // was before the upload, arrives only after the upload's.
    http.get('/api/renders', async ({ request }) => {
      if (!uploading) return undefined
      const before = await getResponse(studio.handlers, request)
      readDuringUpload()
      await afterUpload
      await new Promise((resolve) => setTimeout(resolve, 50))
      return before
    }),
    http.post('/api/renders/import', async ({ request }) => {
      uploading = true
      // The gallery's first page may still be on its way: its newest page is read again once it can be.
      const again = setInterval(() => void client.refetchQueries({ queryKey: ['gallery-head'] }), 20)
      await readStarted
      clearInterval(again)
      uploading = false
      const response = await getResponse(studio.handlers, request)
      setTimeout(uploaded, 0)
      return response
    }),
  )
  loadStudio(client)
  await waitFor(() => expect(studio.ledger.all()).toHaveLength(3))
  await afterUpload
  await new Promise((resolve) => setTimeout(resolve, 300))
  expect(await shownPrompts()).toEqual(['Version 1 take 2', 'Version 1 take 1', 'Version 1 take 0'])
})
