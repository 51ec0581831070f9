import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest'
import { App } from '@/app/app'
import { Providers } from '@/app/providers'
import { studioHandlers } from '@/mocks/handlers'
import { chooseModel } from '@/test/choose-model'

const studio = studioHandlers({ simulator: { timing: { queuedMs: 100, processingMs: 200, pollAfterMs: 100 } } })
const server = setupServer(...studio.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => vi.restoreAllMocks())
afterAll(() => server.close())

const loadStudio = () =>
  render(
    <Providers>
      <App />
    </Providers>,
  )

it('works from the server alone when the browser refuses storage, and says so', async () => {
  vi.spyOn(indexedDB, 'open').mockImplementation(() => {
    throw new DOMException('The user denied permission to access the database.', 'SecurityError')
  })
  const user = userEvent.setup()
  const firstLoad = loadStudio()
  expect(await screen.findByRole('alert')).toHaveTextContent('This browser refused storage')
  await chooseModel(user, 'Sora 2')
  await user.type(screen.getByLabelText('Prompt'), 'A tram in the fog')
  await user.click(screen.getByRole('button', { name: 'Generate' }))
  const item = await within(await screen.findByRole('region', { name: 'Gallery' })).findByRole('listitem')
  await waitFor(() => expect(within(item).getByText('Succeeded')).toBeInTheDocument(), { timeout: 10_000 })
  expect(studio.simulator.createdCount()).toBe(1)
  firstLoad.unmount()

  // Another page load: nothing was kept in this browser, the ledger has it all.
  loadStudio()
  const again = await within(await screen.findByRole('region', { name: 'Gallery' })).findByRole('listitem')
  expect(again).toHaveTextContent('A tram in the fog')
  expect(within(again).getByText('Succeeded')).toBeInTheDocument()
  expect(studio.ledger.all()).toMatchObject([{ status: 'succeeded', input: { prompt: 'A tram in the fog' } }])
})
