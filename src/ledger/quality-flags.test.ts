import { describe, expect, it } from 'vitest'
import { listRenders } from './render-list'
import { recordQualityFlags } from './quality-flags'
import { getRender, updateRender } from './render-store'
import { recordKeptTake } from './take-copies'
import { succeededTake } from './test-fixtures'
import { ENGINES, useTestLedger } from './test-ledger'
import type { Database } from './database'

const T0 = 1_800_000_000_000
const black = { kind: 'black' as const, atMs: 1000, detail: 'black for 1.5 s' }

async function keptTake(db: Database, n: number, nowMs = T0) {
  const id = await succeededTake(db, n, nowMs)
  await recordKeptTake(db, id, `/media/${n}.mp4`, nowMs)
  return id
}

describe.each(ENGINES)('quality flags and ratings on %s', (engine) => {
  const ledger = useTestLedger(engine)

  it('keeps the first report of a sampler version, only for kept takes', async () => {
    const id = await keptTake(ledger.db, 101)
    expect((await getRender(ledger.db, id))?.qualityFlags).toBeNull()
    const written = await recordQualityFlags(ledger.db, id, { sampler: 1, flags: [black] }, T0 + 1)
    expect(written?.qualityFlags).toEqual([black])
    expect(written?.qualitySampler).toBe(1)
    // A second browser's report of the same version changes nothing.
    expect(await recordQualityFlags(ledger.db, id, { sampler: 1, flags: [] }, T0 + 2)).toBeUndefined()
    expect((await getRender(ledger.db, id))?.qualityFlags).toEqual([black])

    const notKept = await succeededTake(ledger.db, 102)
    expect(await recordQualityFlags(ledger.db, notKept, { sampler: 1, flags: [] }, T0)).toBeUndefined()
    expect((await getRender(ledger.db, notKept))?.qualityFlags).toBeNull()
  })

  it('lists flagged, clean and rated takes', async () => {
    const [flagged, clean, unchecked] = [
      await keptTake(ledger.db, 103, T0 + 10),
      await keptTake(ledger.db, 104, T0 + 20),
      await keptTake(ledger.db, 105, T0 + 30),
    ]
    await recordQualityFlags(ledger.db, flagged, { sampler: 1, flags: [black] })
    await recordQualityFlags(ledger.db, clean, { sampler: 1, flags: [] })
    await updateRender(ledger.db, clean, { rating: 'pick' })
    await updateRender(ledger.db, unchecked, { rating: 'reject' })
    const ids = async (query: Parameters<typeof listRenders>[1]) =>
      (await listRenders(ledger.db, query)).items.map((r) => r.id)

    expect(await ids({ flagged: true })).toEqual([flagged])
    expect(await ids({ flagged: false })).toEqual([clean])
    expect(await ids({ rating: 'pick' })).toEqual([clean])
    expect(await ids({ rating: 'reject' })).toEqual([unchecked])
    expect(await ids({ rating: 'unrated', flagged: true })).toEqual([flagged])

    const cleared = await updateRender(ledger.db, clean, { rating: null })
    expect(cleared?.rating).toBeNull()
    expect((await updateRender(ledger.db, unchecked, { favourite: true }))?.rating).toBe('reject')
  })
})
