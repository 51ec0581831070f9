import { expect, it } from 'vitest'
import { MIRROR_SIZE, mirrorSelection } from './mirror'
import type { RenderRecord } from './render-record'

const record = (i: number, extra: Partial<RenderRecord> = {}): RenderRecord => ({
  localId: `r-${i}`,
  idempotencyKey: `k-${i}`,
  input: { model: 'sora2', prompt: `Take ${i}` },
  status: 'succeeded',
  createdAtMs: i,
  updatedAtMs: i,
  favourite: false,
  stale: false,
  ...extra,
})

it("keeps the ledger's newest renders up to the bound, and every render only this browser has", () => {
  const ledger = Array.from({ length: 1000 }, (_, i) => record(i, { synced: true }))
  const local = [record(-1), record(5000, { status: 'submitting' })]
  const kept = mirrorSelection([...ledger, ...local])
  expect(kept).toHaveLength(MIRROR_SIZE + 2)
  expect(kept.filter((r) => r.synced).map((r) => r.createdAtMs)).toEqual(
    Array.from({ length: MIRROR_SIZE }, (_, i) => 999 - i),
  )
  expect(kept).toEqual(expect.arrayContaining(local))
})

it('keeps no deleted render', () => {
  expect(mirrorSelection([record(1, { synced: true, deleted: true }), record(2, { deleted: true })])).toEqual([])
})
