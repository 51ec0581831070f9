import { describe, expect, it } from 'vitest'
import type { Database } from './database'
import { applyRequestObject, markAccepted, recordSubmission, updateRender } from './render-store'
import { claimDue, claimPollSlot, markStale, recheck, releaseClaim, resumeOrphanedSubmissions } from './render-sweep'
import { requestObject, submission } from './test-fixtures'
import { ENGINES, useTestLedger } from './test-ledger'
import { STALE_AFTER_MS } from './timing'

const T0 = 1_800_000_000_000

/** A render Cannon accepted at T0 as `requestId`, polled every `pollAfterMs`. */
async function accepted(db: Database, requestId: string, pollAfterMs = 1000) {
  const s = submission()
  await recordSubmission(db, s)
  const render = await markAccepted(
    db,
    s.idempotencyKey,
    { id: requestId, status: 'queued', poll_after_ms: pollAfterMs },
    T0,
  )
  if (!render) throw new Error('not accepted')
  return render
}

async function pollState(db: Database, id: string) {
  const [row] = await db.query<{
    next_poll_at_ms: number | null
    lease_owner: string | null
    lease_until_ms: number | null
    poll_failures: number
    poll_error: string | null
  }>('SELECT next_poll_at_ms, lease_owner, lease_until_ms, poll_failures, poll_error FROM renders WHERE id = $1', [id])
  return row
}

describe.each(ENGINES)('render sweep on %s', (engine) => {
  const ledger = useTestLedger(engine)

  it('gives one poll slot per poll interval', async () => {
    await accepted(ledger.db, 'r1', 1000)
    expect(await claimPollSlot(ledger.db, 'r1', T0 + 999)).toBe(false)
    expect(await claimPollSlot(ledger.db, 'r1', T0 + 1000)).toBe(true)
    expect(await claimPollSlot(ledger.db, 'r1', T0 + 1500)).toBe(false)
    expect(await claimPollSlot(ledger.db, 'r1', T0 + 2000)).toBe(true)
    expect(await claimPollSlot(ledger.db, 'unknown', T0 + 2000)).toBe(false)
  })

  it('makes creates left in flight by a stopped process due at once, and nothing else', async () => {
    const orphan = await recordSubmission(ledger.db, submission({ nowMs: T0 }))
    await accepted(ledger.db, 'sent', 5000)
    expect(await resumeOrphanedSubmissions(ledger.db, T0 + 10)).toBe(1)
    const claimed = await claimDue(ledger.db, { owner: 'o', limit: 10, nowMs: T0 + 10, leaseMs: 1000 })
    expect(claimed.map((c) => c.render.id)).toEqual([orphan.id])
  })

  it('never gives a poll slot for a finished render', async () => {
    await accepted(ledger.db, 'r2')
    await applyRequestObject(ledger.db, 'r2', requestObject('r2', 'succeeded'), T0 + 10)
    expect(await claimPollSlot(ledger.db, 'r2', T0 + 60_000)).toBe(false)
  })

  it('claims due renders earliest first, leases them, and skips leased, finished, stale and deleted ones', async () => {
    const a = await accepted(ledger.db, 'a', 3000) // due at T0 + 3000
    const b = await accepted(ledger.db, 'b', 1000) // due at T0 + 1000
    const notYet = await accepted(ledger.db, 'later', 60_000)
    const done = await accepted(ledger.db, 'done', 1000)
    await applyRequestObject(ledger.db, 'done', requestObject('done', 'failed'), T0)
    const stale = await accepted(ledger.db, 'stale', 1000)
    await ledger.db.query('UPDATE renders SET stale = true WHERE id = $1', [stale.id])
    const gone = await accepted(ledger.db, 'gone', 1000)
    await updateRender(ledger.db, gone.id, { deleted: true }, T0)
    const waiting = submission({ nowMs: T0 - 60_000 }) // never got its 202: due for a re-send at T0
    await recordSubmission(ledger.db, waiting)

    const claims = await claimDue(ledger.db, { owner: 'sweeper-1', limit: 10, nowMs: T0 + 5000, leaseMs: 30_000 })
    expect(claims.map((c) => c.render.requestId ?? c.render.idempotencyKey)).toEqual([waiting.idempotencyKey, 'b', 'a'])
    const resend = claims[0]
    expect(resend?.createBody).toBe(waiting.createBody)
    expect(resend?.render.status).toBe('submitting')
    expect(resend?.leaseUntilMs).toBe(T0 + 35_000)
    expect(await pollState(ledger.db, b.id)).toMatchObject({
      lease_owner: 'sweeper-1',
      lease_until_ms: T0 + 35_000,
      next_poll_at_ms: T0 + 6000,
    })
    // The claim took the poll slot: a browser-driven poll waits.
    expect(await claimPollSlot(ledger.db, 'b', T0 + 5500)).toBe(false)
    // Leased renders are not claimed again while the lease holds, even when due.
    expect(await claimDue(ledger.db, { owner: 'sweeper-2', limit: 10, nowMs: T0 + 20_000, leaseMs: 30_000 })).toEqual(
      [],
    )
    // An expired lease (its sweeper died) is taken over.
    const taken = await claimDue(ledger.db, { owner: 'sweeper-2', limit: 1, nowMs: T0 + 40_000, leaseMs: 30_000 })
    expect(taken).toHaveLength(1)
    expect(taken[0]?.render.id).not.toBe(notYet.id)
    expect(taken[0]?.render.id).not.toBe(done.id)
    expect(a.id).toBeTruthy()
  })

  it('releases a claim with the next poll time, counting failures; only the lease owner can', async () => {
    const r = await accepted(ledger.db, 'r3', 1000)
    await claimDue(ledger.db, { owner: 'one', limit: 5, nowMs: T0 + 1000, leaseMs: 30_000 })
    expect(await releaseClaim(ledger.db, r.id, 'two', { nextPollAtMs: T0 + 9 })).toBe(false)
    expect(
      await releaseClaim(ledger.db, r.id, 'one', { nextPollAtMs: T0 + 4000, pollError: 'upstream 502', failed: true }),
    ).toBe(true)
    expect(await pollState(ledger.db, r.id)).toEqual({
      next_poll_at_ms: T0 + 4000,
      lease_owner: null,
      lease_until_ms: null,
      poll_failures: 1,
      poll_error: 'upstream 502',
    })
    await claimDue(ledger.db, { owner: 'one', limit: 5, nowMs: T0 + 4000, leaseMs: 30_000 })
    await applyRequestObject(ledger.db, 'r3', requestObject('r3', 'succeeded'), T0 + 4100)
    // A render that finished while claimed is never made due again.
    expect(await releaseClaim(ledger.db, r.id, 'one', { nextPollAtMs: T0 + 6000 })).toBe(true)
    expect(await pollState(ledger.db, r.id)).toMatchObject({
      next_poll_at_ms: null,
      poll_failures: 0,
      poll_error: null,
    })
  })

  it('marks a render stale only after 30 minutes of watching, and rechecks it on request', async () => {
    const r = await accepted(ledger.db, 'r4', 1000)
    expect(await markStale(ledger.db, r.id, T0 + STALE_AFTER_MS - 1)).toBe(undefined)
    const stale = await markStale(ledger.db, r.id, T0 + STALE_AFTER_MS)
    expect(stale).toMatchObject({ stale: true, status: 'queued' })
    expect(await markStale(ledger.db, r.id, T0 + STALE_AFTER_MS + 1)).toBe(undefined)
    expect(await claimDue(ledger.db, { owner: 's', limit: 5, nowMs: T0 + STALE_AFTER_MS + 10, leaseMs: 1000 })).toEqual(
      [],
    )

    const later = T0 + STALE_AFTER_MS + 100
    expect(await recheck(ledger.db, r.id, later)).toMatchObject({ stale: false, updatedAtMs: later })
    expect(await pollState(ledger.db, r.id)).toMatchObject({ next_poll_at_ms: later })
    const claims = await claimDue(ledger.db, { owner: 's', limit: 5, nowMs: later, leaseMs: 1000 })
    expect(claims.map((c) => c.render.id)).toEqual([r.id])
    expect(claims[0]?.watchSinceMs).toBe(later)
    // A render that has ended is not stale and cannot be rechecked.
    await applyRequestObject(ledger.db, 'r4', requestObject('r4', 'succeeded'), later + 1)
    expect(await recheck(ledger.db, r.id, later + 2)).toBe(undefined)
  })

  it('clears stale when a stale render turns out to have finished', async () => {
    const r = await accepted(ledger.db, 'r5', 1000)
    await markStale(ledger.db, r.id, T0 + STALE_AFTER_MS)
    const done = await applyRequestObject(ledger.db, 'r5', requestObject('r5', 'succeeded'), T0 + STALE_AFTER_MS + 1)
    expect(done).toMatchObject({ stale: false, status: 'succeeded' })
  })
})
