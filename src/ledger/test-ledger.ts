import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, beforeEach, inject } from 'vitest'
import { openDatabase, openMemoryDatabase, type Database } from './database'
import { migrate } from './migrations'
import { createScratchDatabase } from './test-postgres'

/** Both engines the ledger runs on; store tests run the same body on each (`describe.each(ENGINES)`). */
export const ENGINES = ['pglite', 'postgres'] as const
export type Engine = (typeof ENGINES)[number]

/** A migrated, empty ledger: an in-memory PGlite, or a fresh database on the run's test Postgres. */
export async function openTestLedger(engine: Engine): Promise<Database> {
  const db =
    engine === 'pglite'
      ? await openMemoryDatabase({ snapshot: new Blob([await readFile(inject('ledgerSnapshotPath'))]) })
      : await openDatabase({ url: await createScratchDatabase(inject('ledgerPostgresUrl')), dataDir: '' })
  await migrate(db)
  return db
}

/** A fresh database for another connection pool to the same Postgres (concurrency tests). */
export async function scratchPostgresUrl(): Promise<string> {
  return createScratchDatabase(inject('ledgerPostgresUrl'))
}

// The ledger project runs with isolate: false, so this module (and these ledgers) live as long as the
// worker: the test files it runs one after another share one ledger per engine instead of opening their own.
const shared = new Map<Engine, Promise<Database>>()

/**
 * The ledger for the tests of a describe block, emptied before each test. Shared with the other test files
 * of this worker unless `own` (for tests that change the schema); a new PGlite per test would cost a second
 * or more each.
 */
export function useTestLedger(engine: Engine, options: { own?: boolean } = {}): { readonly db: Database } {
  let db: Database | undefined
  beforeAll(async () => {
    if (options.own) {
      db = await openTestLedger(engine)
      return
    }
    let opening = shared.get(engine)
    if (!opening) {
      opening = openTestLedger(engine)
      shared.set(engine, opening)
      opening.catch(() => shared.delete(engine))
    }
    db = await opening
  }, 60_000)
  afterAll(async () => {
    if (options.own) await db?.close()
  })
  beforeEach(async () => {
    await db?.query(
      'TRUNCATE comments, renders, rate_windows, sessions, credit_days, model_refusals, sequences, shares, share_ratings',
    )
  })
  return {
    get db() {
      if (!db) throw new Error('the test ledger is not open yet')
      return db
    },
  }
}
