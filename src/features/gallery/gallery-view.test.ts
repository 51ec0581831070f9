import { expect, it } from 'vitest'
import { newRenderRecord } from '@/features/renders/use-submit-render'
import {
  ledgerFilter,
  localView,
  matchesSearch,
  mergeNewestFirst,
  NO_FILTERS,
  personFilter,
  searchWords,
} from './gallery-view'

const at = (createdAtMs: number, extra: object = {}) => ({
  ...newRenderRecord({ model: 'sora2', prompt: 'x' }),
  createdAtMs,
  ...extra,
})
const renders = [
  at(1, {
    input: { model: 'sora2', prompt: 'A red Kite over dunes' },
    status: 'succeeded',
    favourite: true,
    qualityFlags: [{ kind: 'black', atMs: 0, detail: 'black throughout' }],
  }),
  at(3, { input: { model: 'veo31', prompt: 'A blue whale' }, status: 'queued', rating: 'pick', openComments: 2 }),
  at(2, { input: { model: 'sora2', prompt: 'kites at night' }, status: 'failed', qualityFlags: [], rating: 'reject' }),
  at(4, { input: { model: 'sora2', prompt: 'A deleted kite' }, status: 'failed', deleted: true }),
  at(5, { input: { model: 'grok', prompt: 'Unsent' }, status: 'submitting', submitError: 'Too many requests' }),
]
const names: Record<string, string> = { sora2: 'Sora 2', veo31: 'Veo 3.1', grok: 'Grok' }
const context = { modelName: (id: string) => names[id] ?? id }
const view = (filters: Partial<typeof NO_FILTERS>, extra: Partial<typeof context & { myName: string }> = {}) =>
  localView(renders, { ...NO_FILTERS, ...filters }, { ...context, ...extra }).map((r) => r.createdAtMs)

it('lists what this browser holds newest first, without deleted renders', () => {
  expect(view({})).toEqual([5, 3, 2, 1])
})

it('filters what this browser holds by model, status word (Waiting too) and favourites, as the server does', () => {
  expect(view({ model: 'sora2' })).toEqual([2, 1])
  expect(view({ status: 'Queued' })).toEqual([3])
  expect(view({ status: 'Waiting' })).toEqual([5])
  expect(view({ favouritesOnly: true })).toEqual([1])
})

it('filters by the quality check’s flags and by rating, as the server does', () => {
  expect(view({ flaggedOnly: true })).toEqual([1])
  expect(view({ rating: 'pick' })).toEqual([3])
  expect(view({ rating: 'reject' })).toEqual([2])
  expect(view({ rating: 'unrated' })).toEqual([5, 1])
  expect(view({ commentedOnly: true })).toEqual([3])
  expect(ledgerFilter({ ...NO_FILTERS, commentedOnly: true })).toMatchObject({ commented: true })
  expect(ledgerFilter({ ...NO_FILTERS, flaggedOnly: true, rating: 'unrated' })).toMatchObject({
    flagged: true,
    rating: 'unrated',
  })
})

it('searches every word in any order, in the prompt and in the model’s id or name', () => {
  expect(searchWords('  Tokyo  night TOKYO')).toEqual(['tokyo', 'night'])
  const market = at(9, { input: { model: 'grok', prompt: 'Night market in Tokyo' } })
  expect(matchesSearch(market, searchWords('tokyo night'), 'Grok')).toBe(true)
  expect(matchesSearch(market, searchWords('grok tokyo'), 'Grok')).toBe(true)
  expect(matchesSearch(market, searchWords('tokyo day'), 'Grok')).toBe(false)
  expect(matchesSearch(market, [], 'Grok')).toBe(true)
  expect(view({ search: ' KITE' })).toEqual([2, 1])
  expect(view({ search: 'dunes kite' })).toEqual([1])
  expect(view({ search: 'veo' })).toEqual([3])
  expect(view({ search: '3.1 whale' })).toEqual([3])
  expect(view({ search: 'sora night' })).toEqual([2])
})

it('filters by person: their renders, and mine (with what this browser made and the ledger has not listed)', () => {
  const people = [
    at(1, { synced: true, author: 'Ana', authorVerified: true }),
    at(2, { synced: true, author: 'Ben' }),
    at(3, { synced: false }),
  ]
  const whose = (who: string, myName?: string) =>
    localView(people, { ...NO_FILTERS, who }, { ...context, myName }).map((r) => r.createdAtMs)
  expect(whose(personFilter('Ana'))).toEqual([1])
  expect(whose('mine', 'Ben')).toEqual([3, 2])
  expect(whose(personFilter('Ben'), 'Ben')).toEqual([3, 2])
  expect(whose(personFilter('Ben'), 'Ana')).toEqual([2])
  expect(whose('')).toEqual([3, 2, 1])
})

it("puts the filters in the server's words, leaving out the ones not set", () => {
  expect(JSON.parse(JSON.stringify(ledgerFilter(NO_FILTERS)))).toEqual({})
  expect(
    JSON.parse(
      JSON.stringify(
        ledgerFilter({
          ...NO_FILTERS,
          model: 'veo31',
          status: 'Succeeded',
          favouritesOnly: true,
          search: ' fox ',
          who: 'mine',
        }),
      ),
    ),
  ).toEqual({ model: 'veo31', status: 'succeeded', favourite: true, q: 'fox', mine: true })
  expect(ledgerFilter({ ...NO_FILTERS, who: personFilter('Zoë Ana'), status: 'Waiting' })).toMatchObject({
    author: 'Zoë Ana',
    status: 'submitting',
  })
})

it("merges the ledger's pages with renders it has not listed yet, newest first", () => {
  const listed = [at(9), at(6), at(3)]
  const local = [at(10), at(7), at(1)]
  expect(mergeNewestFirst(listed, local).map((r) => r.createdAtMs)).toEqual([10, 9, 7, 6, 3, 1])
  expect(mergeNewestFirst(listed, [])).toBe(listed)
})
