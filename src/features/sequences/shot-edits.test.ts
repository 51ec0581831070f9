import { describe, expect, it } from 'vitest'
import type { Shot } from '@/catalog/sequence-contract'
import { formatSeconds, moveShot, removeShot, restoreShot, trimShot, withActiveTake } from './shot-edits'

const shot = (id: string, outMs = 6000): Shot => ({ id, takeIds: [id], activeTakeId: id, inMs: 0, outMs })
const ids = (shots: Shot[]) => shots.map((s) => s.id).join('')

describe('shot edits', () => {
  const abc = [shot('a'), shot('b'), shot('c')]

  it('moves a shot earlier or later, within the list', () => {
    expect(ids(moveShot(abc, 2, 0))).toBe('cab')
    expect(ids(moveShot(abc, 0, 1))).toBe('bac')
    expect(ids(moveShot(abc, 1, 9))).toBe('acb')
    expect(ids(abc)).toBe('abc')
  })

  it('removes a shot and puts it back where it was, once', () => {
    const removed = removeShot(abc, 1)
    expect(ids(removed)).toBe('ac')
    expect(ids(restoreShot(removed, abc[1]!, 1))).toBe('abc')
    expect(ids(restoreShot(abc, abc[1]!, 1))).toBe('abc')
    expect(ids(restoreShot([], abc[1]!, 1))).toBe('b')
  })

  it('trims on whole frames within the take, and refuses an in point not before the out point', () => {
    expect(trimShot(shot('a'), { inMs: 1010 })).toMatchObject({ inMs: 1000, outMs: 6000 })
    expect(trimShot(shot('a'), { outMs: 4030 })).toMatchObject({ inMs: 0, outMs: 4042 })
    expect(trimShot(shot('a'), { outMs: 9000 }, 6000)).toMatchObject({ outMs: 6000 })
    expect(trimShot(shot('a'), { inMs: 6000 }, 6000)).toBeUndefined()
    expect(trimShot(shot('a'), { inMs: 3000, outMs: 3000 })).toBeUndefined()
    expect(trimShot(shot('a'), { inMs: 3000, outMs: 3042 })).toMatchObject({ inMs: 3000, outMs: 3042 })
  })

  it('switches the active take, keeping the trims that fit it', () => {
    const trimmed = { ...shot('a'), takeIds: ['a', 'b'], inMs: 1000, outMs: 5000 }
    expect(withActiveTake(trimmed, 'b', 6000)).toMatchObject({ activeTakeId: 'b', inMs: 1000, outMs: 5000 })
    expect(withActiveTake(trimmed, 'b', 4000)).toMatchObject({ inMs: 1000, outMs: 4000 })
    expect(withActiveTake({ ...trimmed, inMs: 4500 }, 'b', 4000)).toMatchObject({ inMs: 0, outMs: 4000 })
    expect(withActiveTake(trimmed, 'b', undefined)).toMatchObject({ inMs: 1000, outMs: 5000 })
  })

  it('writes lengths to the hundredth', () => {
    expect(formatSeconds(2042)).toBe('2.04 s')
  })
})
