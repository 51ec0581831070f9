import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from './database'
import { DailyCapReached, daySpend, recordWithinCap } from './credit-cap'
import { migrate } from './migrations'
import { applyRequestObject, markAccepted, markSubmitError } from './render-store'
import { requestObject, submission } from './test-fixtures'
import { ENGINES, scratchPostgresUrl, useTestLedger } from './test-ledger'

const T0 = Date.UTC(2027, 0, 15, 12)
const TODAY = '2027-01-15'

const reserve = (db: Database, credits: number | null, cap: number | undefined, nowMs = T0) =>
  recordWithinCap(db, submission({ nowMs, reservedCredits: credits ?? 0 }), cap, credits !== null)

/** Settles `n` creates at once; how many got through and how many the cap refused. */
async function race(creates: Promise<unknown>[]) {
  const results = await Promise.allSettled(creates)
  const refused = results.filter((r) => r.status === 'rejected')
  for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(DailyCapReached)
  return { passed: results.length - refused.length, refused: refused.length }
}

describe.each(ENGINES)('the daily credit cap on %s', (engine) => {
  const ledger = useTestLedger(engine)

  it('lets a create reach the cap exactly, and refuses one just over it with nothing written', async () => {
    await reserve(ledger.db, 60, 100)
    await reserve(ledger.db, 40, 100)
    const refused = await reserve(ledger.db, 1, 100).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(DailyCapReached)
    expect(refused).toMatchObject({ cap: 100, estimate: 1, day: { spent: 0, reserved: 100 } })
    expect(await daySpend(ledger.db, TODAY)).toEqual({ day: TODAY, spent: 0, reserved: 100 })
    const [{ n }] = (await ledger.db.query<{ n: number }>('SELECT count(*)::int AS n FROM renders')) as [{ n: number }]
    expect(n).toBe(2)
  })

  it('counts each UTC day apart', async () => {
    await reserve(ledger.db, 100, 100)
    await reserve(ledger.db, 100, 100, Date.UTC(2027, 0, 16, 0, 0, 1))
    expect((await daySpend(ledger.db, '2027-01-16')).reserved).toBe(100)
  })

  it('lets an unknown cost through only while the day is below the cap', async () => {
    await reserve(ledger.db, 99, 100)
    await reserve(ledger.db, null, 100)
    await reserve(ledger.db, 1, 100)
    await expect(reserve(ledger.db, null, 100)).rejects.toBeInstanceOf(DailyCapReached)
  })

  it("replaces a reservation with Cannon's bill, and releases it when Cannon refuses the create", async () => {
    const billed = await reserve(ledger.db, 50, 1000)
    const refused = await reserve(ledger.db, 30, 1000)
    await markAccepted(ledger.db, billed.idempotencyKey, { id: 'req_b', status: 'queued', poll_after_ms: 0 }, T0)
    await applyRequestObject(ledger.db, 'req_b', requestObject('req_b', 'processing', { billableCredits: 48 }), T0)
    expect(await daySpend(ledger.db, TODAY)).toMatchObject({ spent: 0, reserved: 78 })
    await applyRequestObject(ledger.db, 'req_b', requestObject('req_b', 'succeeded', { billableCredits: 48 }), T0)
    await markSubmitError(ledger.db, refused.idempotencyKey, 'Not enough credits', null, T0)
    expect(await daySpend(ledger.db, TODAY)).toMatchObject({ spent: 48, reserved: 0 })
  })

  it('reserves nothing again for a repeated idempotency key', async () => {
    const first = submission({ nowMs: T0, reservedCredits: 70 })
    await recordWithinCap(ledger.db, first, 100, true)
    const again = await recordWithinCap(ledger.db, { ...first, reservedCredits: 70 }, 100, true)
    expect(again.idempotencyKey).toBe(first.idempotencyKey)
    expect((await daySpend(ledger.db, TODAY)).reserved).toBe(70)
  })

  it('never lets 40 concurrent creates pass the cap', async () => {
    const { passed, refused } = await race(Array.from({ length: 40 }, () => reserve(ledger.db, 7, 100)))
    expect(passed).toBe(14)
    expect(refused).toBe(26)
    expect(await daySpend(ledger.db, TODAY)).toMatchObject({ reserved: 98 })
  })
})

describe('the daily credit cap from two studio processes on one Postgres', () => {
  let a: Database
  let b: Database
  beforeAll(async () => {
    const url = await scratchPostgresUrl()
    ;[a, b] = [await openDatabase({ url, dataDir: '' }), await openDatabase({ url, dataDir: '' })]
    await migrate(a)
  }, 60_000)
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()])
  })

  it('lets creates racing from both up to the cap and not one credit over', async () => {
    const creates = Array.from({ length: 60 }, (_, i) => reserve(i % 2 ? a : b, 9, 250))
    const { passed } = await race(creates)
    expect(passed).toBe(27)
    expect(await daySpend(a, TODAY)).toMatchObject({ reserved: 243 })
    const [row] = await a.query<{ sum: number }>('SELECT sum(reserved_credits) AS sum FROM renders')
    expect(row?.sum).toBe(243)
  })
})
