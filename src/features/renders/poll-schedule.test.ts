import { expect, it } from 'vitest'
import { HIDDEN_MAX_POLL_INTERVAL_MS, MAX_POLL_INTERVAL_MS, pollDelay } from './poll-schedule'

const noJitter = () => 0.5

it('backs off from poll_after_ms and stays under the cap, jitter included', () => {
  const delays = Array.from({ length: 12 }, (_, i) =>
    pollDelay({ pollAfterMs: 1000, pollsSoFar: i + 1, hidden: false }, noJitter),
  )
  expect(delays.slice(0, 3)).toEqual([1000, 1500, 2250])
  expect(delays.at(-1)).toBe(MAX_POLL_INTERVAL_MS)
  for (const random of [() => 0, () => 0.999]) {
    const capped = pollDelay({ pollAfterMs: 1000, pollsSoFar: 20, hidden: false }, random)
    expect(capped).toBeLessThanOrEqual(MAX_POLL_INTERVAL_MS)
    expect(capped).toBeGreaterThanOrEqual(MAX_POLL_INTERVAL_MS * 0.8)
  }
})

it('polls a hidden tab three times more slowly, within its own cap', () => {
  expect(pollDelay({ pollAfterMs: 1000, pollsSoFar: 1, hidden: true }, noJitter)).toBe(3000)
  expect(pollDelay({ pollAfterMs: 1000, pollsSoFar: 20, hidden: true }, noJitter)).toBe(HIDDEN_MAX_POLL_INTERVAL_MS)
})

it('waits exactly what Retry-After asks, hidden or not', () => {
  expect(pollDelay({ pollAfterMs: 1000, pollsSoFar: 2, retryAfterMs: 7000, hidden: false })).toBe(7000)
  expect(pollDelay({ pollAfterMs: 1000, pollsSoFar: 2, retryAfterMs: 45_000, hidden: true })).toBe(45_000)
})
