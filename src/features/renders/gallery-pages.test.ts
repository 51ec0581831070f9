import { expect, it } from 'vitest'
import { withNewestPage, type GalleryPages } from './gallery-pages'
import type { RenderRecord } from './render-record'

/** Renders 0…99, number i made i minutes before number 0. */
const known = new Map<string, RenderRecord>(
  Array.from({ length: 100 }, (_, i) => [
    `r${i}`,
    {
      localId: `r${i}`,
      idempotencyKey: `k${i}`,
      input: { model: 'sora2', prompt: `Take ${i}` },
      status: 'succeeded',
      createdAtMs: 1_000_000 - i * 60_000,
      updatedAtMs: 0,
      favourite: false,
      stale: false,
      synced: true,
    },
  ]),
)
const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `r${from + i}`)
const pages = (...list: { ids: string[]; nextCursor: string | null }[]): GalleryPages => ({
  pages: list,
  pageParams: list.map((_, i) => (i === 0 ? null : `c${i}`)),
})

it('puts new renders in front and keeps what they pushed down, so the next page still follows on', () => {
  const before = pages({ ids: ids(10, 14), nextCursor: 'after-r14' }, { ids: ids(15, 19), nextCursor: 'after-r19' })
  const after = withNewestPage(before, { ids: ids(8, 12), nextCursor: 'after-r12' }, known)
  expect(after.pages[0]).toEqual({ ids: ids(8, 14), nextCursor: 'after-r14' })
  expect(after.pages[1]).toBe(before.pages[1])
})

it('drops a render deleted elsewhere, but keeps one deleted here (hidden) for its Undo', () => {
  const deletedHere = new Map(known).set('r11', { ...known.get('r11')!, deleted: true })
  const before = pages({ ids: ids(10, 14), nextCursor: 'after-r14' })
  // r12 went elsewhere, r11 here: the newest page now reaches r15.
  const after = withNewestPage(
    before,
    { ids: ['r10', 'r13', 'r14', 'r15', 'r16'], nextCursor: 'after-r16' },
    deletedHere,
  )
  expect(after.pages).toEqual([{ ids: ['r10', 'r11', 'r13', 'r14', 'r15', 'r16'], nextCursor: 'after-r16' }])
})

it('takes a newest page that holds everything as the only page', () => {
  const before = pages({ ids: ids(0, 4), nextCursor: 'after-r4' }, { ids: ids(5, 6), nextCursor: null })
  expect(withNewestPage(before, { ids: ids(0, 5), nextCursor: null }, known)).toEqual(
    pages({ ids: ids(0, 5), nextCursor: null }),
  )
})
