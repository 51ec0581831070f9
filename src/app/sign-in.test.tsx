import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { studioHandlers } from '@/mocks/handlers'
import { App } from './app'
import { Providers } from './providers'

const TOKEN = 'team-token-0123456789abcdef'
const server = setupServer(...studioHandlers({ accessToken: TOKEN }).handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

it('asks for the access token when the studio is gated, then opens the studio', async () => {
  const user = userEvent.setup()
  render(
    <Providers>
      <App />
    </Providers>,
  )
  const field = await screen.findByLabelText('Access token')
  await user.type(field, 'not-the-token-at-all')
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
  expect(await screen.findByRole('alert')).toHaveTextContent('That access token is not right')

  await user.clear(field)
  await user.type(field, TOKEN)
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
  expect(await screen.findByLabelText('Model')).toBeInTheDocument()
  expect(screen.queryByLabelText('Access token')).not.toBeInTheDocument()
})
