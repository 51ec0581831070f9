import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import type { Fidelity } from '@/catalog/fidelity-contract'
import { studioHandlers } from '@/mocks/handlers'
import { chooseModel } from '@/test/choose-model'
import { App } from './app'
import { Providers } from './providers'

const studio = studioHandlers()
const server = setupServer(...studio.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const showApp = () =>
  render(
    <Providers>
      <App />
    </Providers>,
  )

it('shows a refusal that names a field at that field, until the value changes', async () => {
  const user = userEvent.setup()
  server.use(
    http.post('*/api/v1/requests', () =>
      HttpResponse.json(
        { error: { code: 'upstream_rejected', message: 'duration must be 6 for grok', field: 'duration' } },
        { status: 422 },
      ),
    ),
  )
  showApp()
  await chooseModel(user, 'Grok')
  await user.type(screen.getByLabelText('Prompt'), 'A fox in the snow')
  const duration = screen.getByRole('radiogroup', { name: 'Duration' })
  await user.click(within(duration).getByRole('radio', { name: /10/ }))
  await user.click(screen.getByRole('button', { name: 'Generate' }))

  const message = await screen.findByText('Cannon refused this: duration must be 6 for grok')
  expect(message).toHaveAttribute('id', 'composer-duration-error')
  await user.click(within(duration).getByRole('radio', { name: /6/ }))
  await waitFor(() => expect(message).not.toBeInTheDocument())
})

it('announces a key without requests:write and links to how the catalog differs from Cannon', async () => {
  const user = userEvent.setup()
  const fidelity: Fidelity = {
    catalogCheck: {
      state: 'differs',
      checkedAtMs: Date.now(),
      message: "The catalog differs from Cannon's OpenAPI for 1 model (1 difference).",
      differences: [{ model: 'wan27video', kind: 'range', message: 'duration: the catalog allows 2–15, Cannon 2–10' }],
      unmapped: [],
    },
    keyScopes: { missing: ['requests:write'], message: "The studio's Cannon key lacks the requests:write scope" },
    refusals: [],
  }
  server.use(http.get('*/api/fidelity', () => HttpResponse.json(fidelity)))
  showApp()
  const scopes = await screen.findByTitle("The studio's Cannon key lacks the requests:write scope")
  expect(scopes).toHaveAttribute('role', 'status')
  expect(scopes).toHaveTextContent('Key cannot create renders')
  await user.click(screen.getByRole('button', { name: 'Catalog differs from Cannon' }))
  const dialog = await screen.findByRole('dialog', { name: 'The catalog and Cannon' })
  expect(within(dialog).getByRole('region', { name: 'wan27video' })).toHaveTextContent(
    'duration: the catalog allows 2–15, Cannon 2–10',
  )
})
