import { expect, it } from 'vitest'
import type { RenderRecord } from '@/features/renders/render-record'
import { buildLineage, familyRecords, pathTo, visibleNodes } from './lineage-tree'

let clock = 0
const take = (localId: string, parentId?: string, billableCredits?: number): RenderRecord => ({
  localId,
  idempotencyKey: `key-${localId}`,
  input: { model: 'grok', prompt: 'A kite' },
  status: billableCredits === undefined ? 'processing' : 'succeeded',
  createdAtMs: ++clock,
  updatedAtMs: clock,
  favourite: false,
  stale: false,
  parentId,
  billableCredits,
})

it('puts each render under the one it came from, with branch totals and the grand total at the root', () => {
  const records = [
    take('root', undefined, 18),
    take('rerun', 'root', 18),
    take('var-1', 'rerun', 20),
    take('var-2', 'rerun'),
    take('remix', 'root', 30),
    take('stranger', 'elsewhere', 99),
  ]
  const tree = buildLineage('root', records)!
  expect(tree.children.map((n) => n.record.localId)).toEqual(['rerun', 'remix'])
  expect(tree.children[0]!.children.map((n) => [n.record.localId, n.depth])).toEqual([
    ['var-1', 2],
    ['var-2', 2],
  ])
  expect(tree.children[0]!.total).toEqual({ renders: 3, credits: 38, unbilled: 1 })
  expect(tree.total).toEqual({ renders: 5, credits: 86, unbilled: 1 })
  expect(pathTo(tree, 'var-2')).toEqual(['root', 'rerun', 'var-2'])
  expect(pathTo(tree, 'stranger')).toEqual([])
  expect(buildLineage('nobody', records)).toBeUndefined()
})

it('cuts a loop of parent ids and walks a chain of thousands without overflowing', () => {
  const looped = [take('a', 'b', 1), take('b', 'a', 2)]
  expect(buildLineage('a', looped)!.total).toEqual({ renders: 2, credits: 3, unbilled: 0 })

  const chain = [take('c-0', undefined, 1)]
  for (let i = 1; i < 20_000; i++) chain.push(take(`c-${i}`, `c-${i - 1}`, 1))
  const tree = buildLineage('c-0', chain)!
  expect(tree.total.renders).toBe(20_000)
  expect(tree.total.credits).toBe(20_000)
  expect(pathTo(tree, 'c-19999')).toHaveLength(20_000)
})

it('draws open branches only, in order, and takes in renders made here that the ledger has not listed yet', () => {
  const listed = [take('root', undefined, 5), take('rerun', 'root', 5), take('remix', 'root', 5)]
  const fresh = take('var', 'rerun')
  const family = familyRecords(listed, [{ ...listed[1]!, favourite: true }, fresh, take('other', 'nowhere')])
  expect(family.map((r) => r.localId)).toEqual(['root', 'rerun', 'remix', 'var'])
  expect(family[1]!.favourite).toBe(true)
  const tree = buildLineage('root', family)!
  const ids = (open: string[], limit = 100) => visibleNodes(tree, new Set(open), limit).map((n) => n.record.localId)
  expect(ids([])).toEqual(['root'])
  expect(ids(['root'])).toEqual(['root', 'rerun', 'remix'])
  expect(ids(['root', 'rerun'])).toEqual(['root', 'rerun', 'var', 'remix'])
  expect(ids(['root', 'rerun'], 2)).toEqual(['root', 'rerun'])
})
