import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { studioHandlers } from '@/mocks/handlers'
import { App } from './app'
import { Providers } from './providers'
import { chooseModel } from '@/test/choose-model'

const studio = studioHandlers()
const server = setupServer(...studio.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

it('composes a render and shows it queued in the gallery, in demo mode', async () => {
  const user = userEvent.setup()
  render(
    <Providers>
      <App />
    </Providers>,
  )
  expect(await screen.findByText(/demo mode/i)).toBeInTheDocument()
  await chooseModel(user, 'Sora 2')
  await user.type(screen.getByLabelText('Prompt'), 'A lighthouse in a storm')
  await user.click(screen.getByRole('button', { name: 'Generate' }))

  const gallery = await screen.findByRole('region', { name: 'Gallery' })
  const item = await within(gallery).findByRole('listitem')
  expect(item).toHaveTextContent('A lighthouse in a storm')
  expect(item).toHaveTextContent('Sora 2')
  expect(within(item).getByText('Queued')).toBeInTheDocument()
  await waitFor(() => expect(studio.simulator.createdCount()).toBe(1))
})
