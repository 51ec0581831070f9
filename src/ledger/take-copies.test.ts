import { describe, expect, it } from 'vitest'
import { recordSubmission, updateRender } from './render-store'
import { claimTakesToKeep, MAX_KEEP_ATTEMPTS, recordKeepFailure, recordKeptTake } from './take-copies'
import { submission, succeededTake } from './test-fixtures'
import { ENGINES, useTestLedger } from './test-ledger'
import type { Database } from './database'

const T0 = 1_800_000_000_000
const LEASE = 600_000

const succeeded = (db: Database, n: number, nowMs = T0) => succeededTake(db, n, nowMs)

describe.each(ENGINES)('kept takes on %s', (engine) => {
  const ledger = useTestLedger(engine)

  it('claims succeeded takes with no copy, once per lease, and never unfinished, kept or deleted ones', async () => {
    const [a, b, kept, deleted] = [
      await succeeded(ledger.db, 1),
      await succeeded(ledger.db, 2),
      await succeeded(ledger.db, 3),
      await succeeded(ledger.db, 4),
    ]
    await recordSubmission(ledger.db, submission())
    await recordKeptTake(ledger.db, kept, '/media/k.mp4', T0)
    await updateRender(ledger.db, deleted, { deleted: true }, T0)

    const claimed = await claimTakesToKeep(ledger.db, { limit: 10, nowMs: T0, leaseMs: LEASE })
    expect(claimed.map((r) => r.id).sort()).toEqual([a, b].sort())
    expect(await claimTakesToKeep(ledger.db, { limit: 10, nowMs: T0 + 1, leaseMs: LEASE })).toEqual([])
    expect(await claimTakesToKeep(ledger.db, { limit: 1, nowMs: T0 + LEASE, leaseMs: LEASE })).toHaveLength(1)
  })

  it('says why a copy failed, waits longer after each try, and stops after the last or a final refusal', async () => {
    const id = await succeeded(ledger.db, 5)
    const failed = await recordKeepFailure(ledger.db, id, { reason: 'The host did not answer', retryable: true }, T0)
    expect(failed?.keepError).toBe('The host did not answer')
    expect(await claimTakesToKeep(ledger.db, { limit: 1, nowMs: T0 + 59_999, leaseMs: LEASE })).toEqual([])
    expect(await claimTakesToKeep(ledger.db, { limit: 1, nowMs: T0 + 60_000, leaseMs: LEASE })).toHaveLength(1)
    await recordKeepFailure(ledger.db, id, { reason: 'again', retryable: true }, T0)
    expect(await claimTakesToKeep(ledger.db, { limit: 1, nowMs: T0 + 119_999, leaseMs: LEASE })).toEqual([])
    expect(await claimTakesToKeep(ledger.db, { limit: 1, nowMs: T0 + 120_000, leaseMs: LEASE })).toHaveLength(1)

    const refused = await succeeded(ledger.db, 6)
    await recordKeepFailure(ledger.db, refused, { reason: 'Not a video', retryable: false }, T0)
    for (let n = 0; n < MAX_KEEP_ATTEMPTS; n++)
      await recordKeepFailure(ledger.db, id, { reason: 'x', retryable: true }, T0)
    expect(await claimTakesToKeep(ledger.db, { limit: 10, nowMs: T0 + 1e12, leaseMs: LEASE })).toEqual([])
  })

  it('a kept copy clears the failure', async () => {
    const id = await succeeded(ledger.db, 7)
    await recordKeepFailure(ledger.db, id, { reason: 'away', retryable: true }, T0)
    expect(await recordKeptTake(ledger.db, id, '/media/a.mp4', T0 + 1)).toMatchObject({
      keptVideoUrl: '/media/a.mp4',
      keepError: null,
      updatedAtMs: T0 + 1,
    })
    expect(await recordKeepFailure(ledger.db, id, { reason: 'late', retryable: true }, T0 + 2)).toBe(undefined)
    expect(await recordKeptTake(ledger.db, 'missing', '/media/x.mp4')).toBe(undefined)
  })
})
