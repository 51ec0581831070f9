import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from './database'
import { migrate, MIGRATIONS } from './migrations'
import { takeFromWindow } from './rate-counter'
import { markAccepted, recordSubmission } from './render-store'
import { claimDue, claimPollSlot } from './render-sweep'
import { submission } from './test-fixtures'
import { scratchPostgresUrl } from './test-ledger'

/*
 * What several studio processes on one Postgres must get right. Two pools stand for two processes; each
 * pool runs its calls on up to ten connections at once.
 */

const T0 = 1_800_000_000_000

async function twoPools(): Promise<[Database, Database]> {
  const url = await scratchPostgresUrl()
  return [await openDatabase({ url, dataDir: '' }), await openDatabase({ url, dataDir: '' })]
}

describe('migrations from two processes at once', () => {
  it('apply once', async () => {
    const [a, b] = await twoPools()
    try {
      const results = await Promise.all([migrate(a), migrate(b), migrate(a), migrate(b)])
      const applied = results.flatMap((r) => r.applied).sort((x, y) => x - y)
      expect(applied).toEqual(MIGRATIONS.map((m) => m.version))
      const rows = await a.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version))
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })
})

describe('the ledger under concurrent use', () => {
  let a: Database
  let b: Database
  beforeAll(async () => {
    ;[a, b] = await twoPools()
    await migrate(a)
  })
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()])
  })
  beforeEach(async () => {
    await a.query('TRUNCATE renders, rate_windows CASCADE')
  })

  it('never lets two sweepers claim the same render', async () => {
    for (let i = 0; i < 120; i += 1) {
      const s = submission({ nowMs: T0 - 120_000 })
      await recordSubmission(a, s)
      if (i % 2) await markAccepted(a, s.idempotencyKey, { id: `c${i}`, status: 'queued', poll_after_ms: 0 }, T0 - 1)
    }
    const claimers = Array.from({ length: 16 }, (_, i) =>
      claimDue(i % 2 ? a : b, { owner: `sweeper-${i}`, limit: 10, nowMs: T0, leaseMs: 30_000 }),
    )
    const claims = (await Promise.all(claimers)).flat()
    const ids = claims.map((c) => c.render.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBeGreaterThan(0)
    const [leased] = await a.query<{ n: number }>(`SELECT count(*) AS n FROM renders WHERE lease_owner IS NOT NULL`)
    expect(leased?.n).toBe(ids.length)
  })

  it('gives exactly one of 50 simultaneous callers the poll slot', async () => {
    const s = submission()
    await recordSubmission(a, s)
    await markAccepted(a, s.idempotencyKey, { id: 'hot', status: 'processing', poll_after_ms: 2000 }, T0)
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => claimPollSlot(i % 2 ? a : b, 'hot', T0 + 2000)),
    )
    expect(results.filter(Boolean)).toHaveLength(1)
  })

  it('records one render for one idempotency key sent from two processes at once', async () => {
    const key = 'raced-key'
    const renders = await Promise.all(
      Array.from({ length: 20 }, (_, i) => recordSubmission(i % 2 ? a : b, submission({ idempotencyKey: key }))),
    )
    expect(new Set(renders.map((r) => r.id)).size).toBe(1)
    const [count] = await a.query<{ n: number }>('SELECT count(*) AS n FROM renders WHERE idempotency_key = $1', [key])
    expect(count?.n).toBe(1)
  })

  it('shares one rate limit between processes', async () => {
    const verdicts = await Promise.all(
      Array.from({ length: 60 }, (_, i) => takeFromWindow(i % 2 ? a : b, 'create:shared', 10, 60_000, T0 + i)),
    )
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10)
  })
})
