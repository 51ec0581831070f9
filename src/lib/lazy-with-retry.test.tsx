import { act, render, screen } from '@testing-library/react'
import { Suspense } from 'react'
import { afterEach, expect, it, vi } from 'vitest'
import { lazyWithRetry } from './lazy-with-retry'

const setOnline = (online: boolean) => {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online)
  window.dispatchEvent(new Event(online ? 'online' : 'offline'))
}
afterEach(() => vi.useRealTimers())

// Some browsers (Chromium 150 among them) keep a module that failed to load as failed for the page's life: a
// load tried while offline would fail for good, so none is tried until the browser is back online.
it('waits for the connection before it loads a part of the studio, and loads it once back online', async () => {
  setOnline(false)
  const load = vi.fn(() => Promise.resolve({ default: () => <p>The player</p> }))
  const Player = lazyWithRetry(load)
  render(
    <Suspense fallback={<p>Waiting</p>}>
      <Player />
    </Suspense>,
  )
  expect(screen.getByText('Waiting')).toBeInTheDocument()
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
  expect(load).not.toHaveBeenCalled()

  await act(async () => setOnline(true))
  expect(await screen.findByText('The player')).toBeInTheDocument()
  expect(load).toHaveBeenCalledTimes(1)
})

it('tries a failed load again when the connection comes back, or after a few seconds', async () => {
  vi.useFakeTimers()
  setOnline(true)
  const load = vi
    .fn<() => Promise<{ default: () => React.JSX.Element }>>()
    .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
    .mockResolvedValue({ default: () => <p>The gallery</p> })
  const Gallery = lazyWithRetry(load)
  render(
    <Suspense fallback={<p>Loading</p>}>
      <Gallery />
    </Suspense>,
  )
  await act(() => vi.advanceTimersByTimeAsync(5_000))
  expect(load).toHaveBeenCalledTimes(2)
  vi.useRealTimers()
  expect(await screen.findByText('The gallery')).toBeInTheDocument()
})
