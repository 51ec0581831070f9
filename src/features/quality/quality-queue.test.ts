import { afterEach, expect, it, vi } from 'vitest'
import { queueState, wantCheck, type CheckJob } from './quality-queue'

afterEach(() => vi.useRealTimers())

it('checks at most two takes at once, each once, and drops one no longer wanted before it starts', async () => {
  vi.useFakeTimers()
  const finish = new Map<string, () => void>()
  const started: string[] = []
  const job = (id: string) => () => {
    started.push(id)
    return new Promise<void>((resolve) => finish.set(id, resolve))
  }
  wantCheck('a', job('a'))
  wantCheck('b', job('b'))
  const withdraw = wantCheck('c', job('c'))
  wantCheck('d', job('d'))
  await vi.runAllTimersAsync()
  expect(started).toEqual(['a', 'b'])
  expect(queueState()).toEqual({ running: 2, waiting: 2 })

  withdraw()
  wantCheck('a', job('a'))
  finish.get('a')!()
  await vi.runAllTimersAsync()
  expect(started).toEqual(['a', 'b', 'd'])
  finish.get('b')!()
  finish.get('d')!()
  await vi.runAllTimersAsync()
  expect(queueState()).toEqual({ running: 0, waiting: 0 })
})

it('stops a running check when the last card or viewer wanting it goes away, and checks it again when shown', async () => {
  vi.useFakeTimers()
  const signals: AbortSignal[] = []
  const job: CheckJob = (signal) => {
    signals.push(signal)
    return new Promise<void>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)))
  }
  const fromCard = wantCheck('e', job)
  const fromViewer = wantCheck('e', job)
  await vi.runAllTimersAsync()
  expect(signals).toHaveLength(1)
  fromCard()
  fromCard()
  expect(signals[0]!.aborted).toBe(false)
  fromViewer()
  expect(signals[0]!.aborted).toBe(true)
  await vi.runAllTimersAsync()
  expect(queueState()).toEqual({ running: 0, waiting: 0 })
  wantCheck('e', job)
  await vi.runAllTimersAsync()
  expect(signals).toHaveLength(2)
})
