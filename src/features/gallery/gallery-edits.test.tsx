import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import { App } from '@/app/app'
import { Providers } from '@/app/providers'
import { replaceStoredRenders } from '@/features/renders/render-store'
import { studioHandlers } from '@/mocks/handlers'
import { ledgerRender } from '@/test/ledger-fixtures'

let studio = studioHandlers()
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(async () => {
  studio = studioHandlers()
  server.use(...studio.handlers)
  await replaceStoredRenders([])
  for (let i = 0; i < 3; i++) studio.ledger.put(ledgerRender(i))
})
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/** Holds the next edit of a render until `release` is called, then answers it as `answer` says. */
function holdEdits(answer: 'ledger' | 'refuse') {
  let release: () => void = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  const respond = async () => {
    await released
    if (answer === 'refuse')
      return HttpResponse.json({ error: { code: 'internal', message: 'The ledger is busy' } }, { status: 500 })
  }
  server.use(http.patch('*/api/renders/:id', respond), http.post('*/api/renders/:id/recheck', respond))
  return release
}

async function galleryItem(prompt: string): Promise<HTMLElement> {
  render(
    <Providers>
      <App />
    </Providers>,
  )
  const gallery = await screen.findByRole('region', { name: 'Gallery' })
  return (await within(gallery).findByText(prompt, {}, { timeout: 3000 })).closest('li')!
}

it('favourites at once, and keeps it once the ledger has it', async () => {
  const user = userEvent.setup()
  const release = holdEdits('ledger')
  const item = await galleryItem('Take 1 of a lighthouse')
  const star = within(item).getByRole('button', { name: 'Favourite' })
  await user.click(star)
  expect(star).toHaveAttribute('aria-pressed', 'true') // before the server has answered
  release()
  await waitFor(() => expect(studio.ledger.get(ledgerRender(1).id)?.favourite).toBe(true))
  expect(star).toHaveAttribute('aria-pressed', 'true')
})

it('puts a favourite back, and says why, when the server refuses it', async () => {
  const user = userEvent.setup()
  const release = holdEdits('refuse')
  const item = await galleryItem('Take 1 of a lighthouse')
  const star = within(item).getByRole('button', { name: 'Favourite' })
  await user.click(star)
  expect(star).toHaveAttribute('aria-pressed', 'true')
  release()
  await waitFor(() => expect(star).toHaveAttribute('aria-pressed', 'false'))
  expect(
    await screen.findByText('Could not change the favourite: The ledger is busy. It is back as it was.'),
  ).toBeVisible()
  expect(studio.ledger.get(ledgerRender(1).id)?.favourite).toBe(false)
})

it('deletes at once, with an Undo that the ledger follows too', async () => {
  const user = userEvent.setup()
  const item = await galleryItem('Take 1 of a lighthouse')
  const gallery = screen.getByRole('region', { name: 'Gallery' })
  await user.click(within(item).getByRole('button', { name: 'Delete' }))
  expect(gallery).not.toHaveTextContent('Take 1 of a lighthouse')
  await waitFor(() => expect(studio.ledger.get(ledgerRender(1).id)?.deleted).toBe(true))
  await user.click(screen.getByRole('button', { name: 'Undo' }))
  await waitFor(() => expect(studio.ledger.get(ledgerRender(1).id)?.deleted).toBe(false))
  expect(
    within(gallery)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual([expect.stringContaining('Take 0'), expect.stringContaining('Take 1'), expect.stringContaining('Take 2')])
})

it('brings a deleted render back, and says why, when the server refuses the delete', async () => {
  const user = userEvent.setup()
  const release = holdEdits('refuse')
  const item = await galleryItem('Take 2 of a lighthouse')
  const gallery = screen.getByRole('region', { name: 'Gallery' })
  await user.click(within(item).getByRole('button', { name: 'Delete' }))
  expect(gallery).not.toHaveTextContent('Take 2 of a lighthouse')
  release()
  await waitFor(() => expect(gallery).toHaveTextContent('Take 2 of a lighthouse'))
  expect(await screen.findByText('Could not delete it: The ledger is busy. It is back as it was.')).toBeVisible()
})

it('checks a stale render again through the server, and rolls back if it refuses', async () => {
  studio.ledger.put(ledgerRender(-1, { status: 'processing', stale: true, input: { model: 'grok', prompt: 'Stuck' } }))
  // Cannon still has it in hand: a render checked again is polled at once, and stays unfinished.
  const processing = { operation: 'video.generate', status: 'processing' }
  server.use(http.get('*/api/v1/requests/:id', ({ params }) => HttpResponse.json({ id: params.id, ...processing })))
  const user = userEvent.setup()
  const release = holdEdits('refuse')
  await galleryItem('Stuck')
  const item = () => screen.getByText('Stuck').closest('li')!
  await user.click(within(item()).getByRole('button', { name: 'Check again' }))
  expect(item()).not.toHaveTextContent('Check again')
  release()
  await waitFor(() => expect(item()).toHaveTextContent('Check again'))
  expect(await screen.findByText(/Could not check it again: The ledger is busy/)).toBeVisible()

  server.resetHandlers(...studio.handlers)
  server.use(http.get('*/api/v1/requests/:id', ({ params }) => HttpResponse.json({ id: params.id, ...processing })))
  await user.click(within(item()).getByRole('button', { name: 'Check again' }))
  await waitFor(() => expect(studio.ledger.get(ledgerRender(-1).id)?.stale).toBe(false))
})

it('rates a take pick at once, takes the rating back, and puts it back with the reason when refused', async () => {
  const user = userEvent.setup()
  const item = await galleryItem('Take 1 of a lighthouse')
  const pick = within(item).getByRole('button', { name: 'Pick' })
  await user.click(pick)
  expect(pick).toHaveAttribute('aria-pressed', 'true')
  await waitFor(() => expect(studio.ledger.get(ledgerRender(1).id)?.rating).toBe('pick'))
  await user.click(pick)
  await waitFor(() => expect(studio.ledger.get(ledgerRender(1).id)?.rating).toBeNull())

  const release = holdEdits('refuse')
  const reject = within(item).getByRole('button', { name: 'Reject' })
  await user.click(reject)
  expect(reject).toHaveAttribute('aria-pressed', 'true')
  release()
  await waitFor(() => expect(reject).toHaveAttribute('aria-pressed', 'false'))
  expect(
    await screen.findByText('Could not change the rating: The ledger is busy. It is back as it was.'),
  ).toBeVisible()
})

it('filters the gallery to flagged takes and to picks through the server', async () => {
  const user = userEvent.setup()
  studio.ledger.put(
    ledgerRender(5, {
      keptVideoUrl: '/media/take5.mp4',
      qualityFlags: [{ kind: 'frozen', atMs: 2000, detail: 'frozen for 1.5 s' }],
      qualitySampler: 1,
    }),
  )
  studio.ledger.patch(ledgerRender(2).id, { rating: 'pick' })
  const item = await galleryItem('Take 5 of a lighthouse')
  expect(within(item).getByRole('group', { name: 'Quality flags' })).toHaveTextContent('Frozen 0:02.00')
  const gallery = screen.getByRole('region', { name: 'Gallery' })
  await user.click(within(gallery).getByRole('checkbox', { name: 'Flagged only' }))
  await waitFor(() => expect(within(gallery).queryByText('Take 1 of a lighthouse')).toBeNull())
  expect(within(gallery).getByText('Take 5 of a lighthouse')).toBeVisible()
  await user.click(within(gallery).getByRole('checkbox', { name: 'Flagged only' }))
  await user.selectOptions(within(gallery).getByRole('combobox', { name: 'Filter by rating' }), 'Picks')
  await waitFor(() => expect(within(gallery).queryByText('Take 5 of a lighthouse')).toBeNull())
  expect(within(gallery).getByText('Take 2 of a lighthouse')).toBeVisible()
})
