import { expect, it } from 'vitest'
import { createCallSlots } from './call-slots'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

it('lets a call wait for a slot within its deadline, and gives up when the deadline passes first', async () => {
  const slots = createCallSlots(1)
  const first = await slots.acquire(performance.now() + 10_000)
  const waiting = slots.acquire(performance.now() + 10_000)
  const late = slots.acquire(performance.now() + 20)
  expect(await late).toBeUndefined()
  first!()
  expect(await waiting).toBeTypeOf('function')
})

it('passes a slot on rather than start a call with almost no time left', async () => {
  const slots = createCallSlots(1)
  const first = await slots.acquire(performance.now() + 10_000)
  const nearlyOut = slots.acquire(performance.now() + 60)
  await sleep(30)
  first!()
  expect(await nearlyOut).toBeUndefined()
  // The slot was not kept by the call that gave up.
  expect(await slots.acquire(performance.now() + 10)).toBeTypeOf('function')
  expect(slots.waiting).toBe(0)
})
