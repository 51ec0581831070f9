import { describe, expect, it } from 'vitest'
import { pruneRateWindows, takeFromWindow } from './rate-counter'
import { ENGINES, useTestLedger } from './test-ledger'

const T0 = 1_800_000_000_000

describe.each(ENGINES)('rate windows on %s', (engine) => {
  const ledger = useTestLedger(engine)

  it('allows `limit` hits per window, then says when to come back', async () => {
    for (let i = 0; i < 3; i += 1)
      expect(await takeFromWindow(ledger.db, 'create:1.2.3.4', 3, 60_000, T0 + i)).toEqual({ allowed: true })
    expect(await takeFromWindow(ledger.db, 'create:1.2.3.4', 3, 60_000, T0 + 10_000)).toEqual({
      allowed: false,
      retryAfterSeconds: 50,
    })
    expect(await takeFromWindow(ledger.db, 'create:1.2.3.4', 3, 60_000, T0 + 59_999)).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    })
    // Other keys have their own windows.
    expect(await takeFromWindow(ledger.db, 'create:5.6.7.8', 3, 60_000, T0 + 10_000)).toEqual({ allowed: true })
    // A new window opens once the old one has ended.
    expect(await takeFromWindow(ledger.db, 'create:1.2.3.4', 3, 60_000, T0 + 60_000)).toEqual({ allowed: true })
    const [row] = await ledger.db.query<{ count: number; window_start_ms: number }>(
      `SELECT count, window_start_ms FROM rate_windows WHERE key = 'create:1.2.3.4'`,
    )
    expect(row).toEqual({ count: 1, window_start_ms: T0 + 60_000 })
  })

  it('does not count on without bound while refusing', async () => {
    for (let i = 0; i < 20; i += 1) await takeFromWindow(ledger.db, 'k', 2, 1000, T0)
    const [row] = await ledger.db.query<{ count: number }>(`SELECT count FROM rate_windows WHERE key = 'k'`)
    expect(row?.count).toBe(3)
  })

  it('drops ended windows', async () => {
    await takeFromWindow(ledger.db, 'short', 5, 1000, T0)
    await takeFromWindow(ledger.db, 'long', 5, 60_000, T0)
    expect(await pruneRateWindows(ledger.db, T0 + 1000)).toBe(1)
    const keys = await ledger.db.query<{ key: string }>('SELECT key FROM rate_windows')
    expect(keys).toEqual([{ key: 'long' }])
  })
})
