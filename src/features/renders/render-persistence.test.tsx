import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import { App } from '@/app/app'
import { Providers } from '@/app/providers'
import { bffClient } from '@/lib/bff-client'
import { studioHandlers } from '@/mocks/handlers'
import { loadRenders, replaceStoredRenders, saveRender } from './render-store'
import { newRenderRecord } from './use-submit-render'
import { chooseModel } from '@/test/choose-model'

const timing = { queuedMs: 150, processingMs: 300, pollAfterMs: 100 }
let studio = studioHandlers({ simulator: { timing } })
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(async () => {
  studio = studioHandlers({ simulator: { timing } })
  server.use(...studio.handlers)
  await replaceStoredRenders([])
})
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/** A page load: a fresh query client over the same IndexedDB. */
const loadStudio = () =>
  render(
    <Providers>
      <App />
    </Providers>,
  )
const galleryItem = async (text: string) =>
  within(await screen.findByRole('region', { name: 'Gallery' }))
    .findByRole('listitem', {}, { timeout: 10_000 })
    .then((item) => {
      expect(item).toHaveTextContent(text)
      return item
    })

it('keeps a render across a reload and follows it to the end, without sending it twice', async () => {
  const user = userEvent.setup()
  const firstLoad = loadStudio()
  await chooseModel(user, 'Sora 2')
  await user.type(screen.getByLabelText('Prompt'), 'A lighthouse in a storm')
  await user.click(screen.getByRole('button', { name: 'Generate' }))
  await waitFor(() => expect(studio.simulator.createdCount()).toBe(1))
  firstLoad.unmount()

  loadStudio()
  const item = await galleryItem('A lighthouse in a storm')
  await waitFor(() => expect(within(item).getByText('Succeeded')).toBeInTheDocument(), { timeout: 10_000 })
  expect(studio.simulator.createdCount()).toBe(1)
  expect(await loadRenders()).toMatchObject([{ status: 'succeeded', input: { prompt: 'A lighthouse in a storm' } }])
})

it('sends a submission the page lost before its answer again with the same key: one render', async () => {
  const input = { model: 'sora2', prompt: 'A kite over dunes', duration: 4 }
  const record = newRenderRecord(input)
  await saveRender(record)
  // The first POST reached Cannon, but its 202 never reached the page.
  const lost = await bffClient.createRequest({ operation: 'video.generate', input }, record.idempotencyKey)

  loadStudio()
  await galleryItem('A kite over dunes')
  // Looked up afresh each time: the card is drawn anew once the ledger lists the render it resent.
  const shownItem = () => within(screen.getByRole('region', { name: 'Gallery' })).getByRole('listitem')
  await waitFor(() => expect(within(shownItem()).getByText('Succeeded')).toBeInTheDocument(), { timeout: 10_000 })
  expect(studio.simulator.createdCount()).toBe(1)
  expect(await loadRenders()).toMatchObject([{ requestId: lost.id, status: 'succeeded' }])
})

it("shows Cannon's reason for a refused submission and offers Re-run", async () => {
  server.use(
    http.post('*/api/v1/requests', () =>
      HttpResponse.json(
        { error: { code: 'insufficient_credits', message: 'This render needs 24 credits; 3 remain' } },
        { status: 402 },
      ),
    ),
  )
  await saveRender(newRenderRecord({ model: 'sora2', prompt: 'A slow dolly shot', duration: 4 }))
  loadStudio()
  const item = await galleryItem('A slow dolly shot')
  await waitFor(() => expect(within(item).getByText('Failed')).toBeInTheDocument())
  expect(item).toHaveTextContent('This render needs 24 credits; 3 remain')
  expect(within(item).getByRole('button', { name: 'Re-run' })).toBeEnabled()
})

it('offers "Check again" for a stale render, and ends it with a reason when Cannon no longer knows it', async () => {
  const user = userEvent.setup()
  const long = Date.now() - 40 * 60_000
  await saveRender({
    ...newRenderRecord({ model: 'sora2', prompt: 'A forgotten take', duration: 4 }),
    requestId: 'req_unknown',
    status: 'processing',
    acceptedAtMs: long,
    pollAfterMs: 100,
    stale: true,
  })
  loadStudio()
  const item = await galleryItem('A forgotten take')
  await user.click(within(item).getByRole('button', { name: 'Check again' }))
  await waitFor(() => expect(within(item).getByText('Failed')).toBeInTheDocument(), { timeout: 10_000 })
  expect(item).toHaveTextContent(/Cannon no longer knows this request/)
})
