import { expect, it } from 'vitest'
import type { RenderRecord } from '@/features/renders/render-record'
import { newRenderRecord } from '@/features/renders/use-submit-render'
import { galleryTiles, groupKeys } from './gallery-tiles'
import { coverOf } from './group-card'

const take = (id: string, createdAtMs: number, extra: Partial<RenderRecord> = {}): RenderRecord => ({
  ...newRenderRecord({ model: 'grok', prompt: id }),
  localId: id,
  createdAtMs,
  ...extra,
})
const shape = (tiles: ReturnType<typeof galleryTiles>) =>
  tiles.map((t) =>
    t.kind === 'group'
      ? `${t.open ? 'open' : 'closed'} ${t.key} [${t.members.map((m) => m.localId)}]`
      : t.record.localId,
  )

// Newest first: a variation and a re-run of "first", a re-run of that re-run, a remix, and an unrelated take.
const renders = [
  take('rerun-of-rerun', 7, { parentId: 'rerun', relation: 'rerun' }),
  take('remix', 6, { parentId: 'first', relation: 'remix' }),
  take('other', 5),
  take('variation', 4, { parentId: 'first', relation: 'variation' }),
  take('rerun', 3, { parentId: 'first', relation: 'rerun' }),
  take('first', 1),
]

it('stacks re-runs and variations (and re-runs of those) with the render they come from; remixes stand alone', () => {
  expect(Object.fromEntries(groupKeys(renders))).toEqual({
    'rerun-of-rerun': 'takes:first',
    variation: 'takes:first',
    rerun: 'takes:first',
    first: 'takes:first',
  })
  expect(shape(galleryTiles(renders, new Set()))).toEqual([
    'closed takes:first [rerun-of-rerun,variation,rerun,first]',
    'remix',
    'other',
  ])
})

it('shows an open stack’s takes right after it, newest first', () => {
  expect(shape(galleryTiles(renders, new Set(['takes:first'])))).toEqual([
    'open takes:first [rerun-of-rerun,variation,rerun,first]',
    'rerun-of-rerun',
    'variation',
    'rerun',
    'first',
    'remix',
    'other',
  ])
})

it('stacks takes whose first render is not shown, and a shoot-out by its group; one take alone is no stack', () => {
  const shown = [
    take('v2', 5, { parentId: 'gone', relation: 'variation' }),
    take('v1', 4, { parentId: 'gone', relation: 'variation' }),
    take('shoot-b', 3, { groupId: 'g1', relation: 'shootout' }),
    take('shoot-a', 2, { groupId: 'g1', relation: 'shootout' }),
    take('lonely', 1, { parentId: 'elsewhere', relation: 'rerun' }),
  ]
  expect(shape(galleryTiles(shown, new Set()))).toEqual([
    'closed takes:gone [v2,v1]',
    'closed group:g1 [shoot-b,shoot-a]',
    'lonely',
  ])
})

it('survives parents that loop', () => {
  const looped = [
    take('a', 2, { parentId: 'b', relation: 'rerun' }),
    take('b', 1, { parentId: 'a', relation: 'rerun' }),
  ]
  expect(galleryTiles(looped, new Set())).toHaveLength(1)
})

it('shows an open stack’s picks first and its rejects last, and a pick on top of the closed stack', () => {
  const rated = renders.map((r) =>
    r.localId === 'rerun-of-rerun'
      ? { ...r, rating: 'reject' as const }
      : r.localId === 'rerun'
        ? { ...r, rating: 'pick' as const, output: { video_url: '/demo/a.mp4' } }
        : { ...r, output: { video_url: '/demo/b.mp4' } },
  )
  expect(shape(galleryTiles(rated, new Set(['takes:first']))).slice(1, 5)).toEqual([
    'rerun',
    'variation',
    'first',
    'rerun-of-rerun',
  ])
  const [stack] = galleryTiles(rated, new Set())
  if (stack?.kind !== 'group') throw new Error('expected a stack')
  expect(coverOf(stack.members).localId).toBe('rerun')
})
