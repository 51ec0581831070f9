import { expect, it, vi } from 'vitest'
import { queueState, wantCheck } from './quality-queue'

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
  vi.useRealTimers()
})
