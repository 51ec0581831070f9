import { expect, it } from 'vitest'
import { newRenderRecord } from '@/features/renders/use-submit-render'
import { columnsFor, ledgerFilter, localView, mergeNewestFirst, movedIndex, NO_FILTERS } from './gallery-view'

const at = (createdAtMs: number, extra: object = {}) => ({
  ...newRenderRecord({ model: 'sora2', prompt: 'x' }),
  createdAtMs,
  ...extra,
})
const renders = [
  at(1, { input: { model: 'sora2', prompt: 'A red Kite over dunes' }, status: 'succeeded', favourite: true }),
  at(3, { input: { model: 'veo31', prompt: 'A blue whale' }, status: 'submitting' }),
  at(2, { input: { model: 'sora2', prompt: 'kites at night' }, status: 'failed' }),
  at(4, { input: { model: 'sora2', prompt: 'A deleted kite' }, status: 'failed', deleted: true }),
]

it('lists what this browser holds newest first, without deleted renders', () => {
  expect(localView(renders, NO_FILTERS).map((r) => r.createdAtMs)).toEqual([3, 2, 1])
})

it('filters what this browser holds by model, status word, favourites and prompt text, as the server does', () => {
  expect(localView(renders, { ...NO_FILTERS, model: 'sora2' })).toHaveLength(2)
  expect(localView(renders, { ...NO_FILTERS, status: 'Queued' }).map((r) => r.input.model)).toEqual(['veo31'])
  expect(localView(renders, { ...NO_FILTERS, favouritesOnly: true }).map((r) => r.createdAtMs)).toEqual([1])
  expect(localView(renders, { ...NO_FILTERS, search: ' KITE' }).map((r) => r.createdAtMs)).toEqual([2, 1])
})

it("puts the filters in the server's words, leaving out the ones not set", () => {
  expect(ledgerFilter(NO_FILTERS)).toEqual({})
  expect(
    JSON.parse(
      JSON.stringify(ledgerFilter({ model: 'veo31', status: 'Succeeded', favouritesOnly: true, search: ' fox ' })),
    ),
  ).toEqual({ model: 'veo31', status: 'succeeded', favourite: true, q: 'fox' })
})

it("merges the ledger's pages with renders it has not listed yet, newest first", () => {
  const listed = [at(9), at(6), at(3)]
  const local = [at(10), at(7), at(1)]
  expect(mergeNewestFirst(listed, local).map((r) => r.createdAtMs)).toEqual([10, 9, 7, 6, 3, 1])
  expect(mergeNewestFirst(listed, [])).toBe(listed)
})

it('moves by one across and by a row up and down, within bounds', () => {
  expect(columnsFor(1000, 240, 16)).toBe(3)
  expect(columnsFor(100, 240, 16)).toBe(1)
  expect(movedIndex('ArrowDown', 1, 4, 10)).toBe(5)
  expect(movedIndex('ArrowUp', 1, 4, 10)).toBe(0)
  expect(movedIndex('ArrowRight', 9, 4, 10)).toBe(9)
  expect(movedIndex('End', 0, 4, 10)).toBe(9)
  expect(movedIndex('x', 0, 4, 10)).toBeUndefined()
})
