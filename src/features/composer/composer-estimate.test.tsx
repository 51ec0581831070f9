import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import { studioHandlers } from '@/mocks/handlers'
import { renderComposer } from './test-composer'

const studio = studioHandlers()
const server = setupServer(...studio.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())
beforeEach(() => localStorage.clear())

const estimate = () => screen.getByTestId('estimate')

it(
  'shows the estimate beside Generate, asks again only when a price-relevant field changes, and caches it',
  { timeout: 15_000 },
  async () => {
    const user = userEvent.setup()
    renderComposer()
    await waitFor(() => expect(estimate()).toHaveTextContent(/^≈ \d+ credits/))
    const first = estimate().textContent
    const asked = studio.estimateRequests()
    expect(asked).toBe(1)

    await user.type(screen.getByLabelText('Prompt'), 'A lighthouse in a storm, waves breaking over the rocks')
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(studio.estimateRequests()).toBe(asked)

    const duration = screen.getByLabelText('Duration in seconds')
    const before = (duration as HTMLInputElement).value
    await user.clear(duration)
    await user.type(duration, '12')
    await waitFor(() => expect(estimate().textContent).not.toBe(first))
    expect(studio.estimateRequests()).toBe(asked + 1)

    await user.clear(duration)
    await user.type(duration, before)
    await waitFor(() => expect(estimate().textContent).toBe(first))
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(studio.estimateRequests()).toBe(asked + 1)
    expect(estimate()).toHaveAttribute('title', expect.stringMatching(/demo price list/))
  },
)
