import { describe, expect, it } from 'vitest'
import type { Database } from './database'
import { maintainLedger, scheduleMaintenance } from './maintenance'
import { ENGINES, useTestLedger } from './test-ledger'

async function fill(db: Database, n: number) {
  await db.query(
    `INSERT INTO renders (id, idempotency_key, input, model, prompt, create_body, status, created_at_ms, updated_at_ms)
     SELECT 'm' || i, 'mk' || i, '{"model":"m","prompt":"p"}', 'm', 'p', '{}', 'succeeded', i, i
     FROM generate_series(1, $1::int) AS i`,
    [n],
  )
}

async function reltuples(db: Database): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT reltuples AS n FROM pg_class WHERE oid = to_regclass('renders')`)
  return row?.n ?? NaN
}

describe.each(ENGINES)('maintenance on %s', (engine) => {
  const ledger = useTestLedger(engine)

  it(
    engine === 'pglite' ? 'analyzes the tables PGlite has no autovacuum for' : 'leaves Postgres to autovacuum',
    async () => {
      await fill(ledger.db, 500)
      const report = await maintainLedger(ledger.db)
      if (engine === 'postgres') {
        expect(report).toEqual({ analyzed: [], vacuumed: [] })
        return
      }
      // PGlite reports table activity to pg_stat with a lag of up to a second: a later round catches up.
      await expect
        .poll(async () => (await maintainLedger(ledger.db), reltuples(ledger.db)), { timeout: 5000, interval: 100 })
        .toBe(500)
    },
  )

  it.runIf(engine === 'pglite')('runs on a timer until stopped', async () => {
    await fill(ledger.db, 300)
    await ledger.db.query('ANALYZE renders')
    await ledger.db.query(`UPDATE renders SET updated_at_ms = updated_at_ms + 1`)
    await ledger.db.query(`DELETE FROM renders WHERE created_at_ms > 200`)
    const stop = scheduleMaintenance(ledger.db, { everyMs: 10, firstAfterMs: 0 })
    await expect.poll(() => reltuples(ledger.db), { timeout: 5000 }).toBe(200)
    await stop()
  })
})
