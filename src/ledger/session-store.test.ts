import { describe, expect, it } from 'vitest'
import { createSession, endSession, pruneSessions, checkSession } from './session-store'
import { ENGINES, useTestLedger } from './test-ledger'

const LIMITS = { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 }

describe.each(ENGINES)('sessions on %s', (engine) => {
  const ledger = useTestLedger(engine)

  it('lives while used, ends when idle, too old, or ended', async () => {
    await createSession(ledger.db, 'a', 0)
    expect(await checkSession(ledger.db, 'a', LIMITS.idleMs, LIMITS)).toBeTruthy()
    expect(await checkSession(ledger.db, 'a', 2 * LIMITS.idleMs, LIMITS)).toBeTruthy()
    expect(await checkSession(ledger.db, 'a', 4 * LIMITS.idleMs, LIMITS)).toBeUndefined()
    expect(await checkSession(ledger.db, 'a', 4 * LIMITS.idleMs, LIMITS)).toBeUndefined()

    await createSession(ledger.db, 'busy', 0)
    for (let t = 10 * 60_000; t < LIMITS.absoluteMs; t += 10 * 60_000) {
      expect(await checkSession(ledger.db, 'busy', t, LIMITS)).toBeTruthy()
    }
    expect(await checkSession(ledger.db, 'busy', LIMITS.absoluteMs + 1, LIMITS)).toBeUndefined()

    await createSession(ledger.db, 'b', 0)
    await endSession(ledger.db, 'b')
    expect(await checkSession(ledger.db, 'b', 1, LIMITS)).toBeUndefined()
    expect(await checkSession(ledger.db, 'never', 1, LIMITS)).toBeUndefined()
  })

  it('prunes sessions that can no longer be used', async () => {
    await createSession(ledger.db, 'old', 0)
    await createSession(ledger.db, 'fresh', LIMITS.idleMs)
    expect(await pruneSessions(ledger.db, LIMITS.idleMs + 1, LIMITS)).toBe(1)
    expect(await checkSession(ledger.db, 'fresh', LIMITS.idleMs + 2, LIMITS)).toBeTruthy()
  })
})
