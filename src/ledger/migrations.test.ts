import { describe, expect, it } from 'vitest'
import { openDatabase, type Database } from './database'
import { migrate, migrationStatus, MIGRATIONS, type Migration } from './migrations'
import { ENGINES, scratchPostgresUrl, useTestLedger } from './test-ledger'

const extra: Migration = { version: 99, name: 'extra', statements: ['CREATE TABLE extra_99 (a int)'] }
const broken: Migration = {
  version: 100,
  name: 'broken',
  statements: ['CREATE TABLE broken_100 (a int)', 'SELECT no_such_function()'],
}

async function tableExists(db: Database, name: string) {
  const [row] = await db.query<{ name: string | null }>('SELECT to_regclass($1)::text AS name', [name])
  return row?.name === name
}

describe('the migration list', () => {
  it('has unique, ascending versions', () => {
    const versions = MIGRATIONS.map((m) => m.version)
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b))
  })
})

describe.each(ENGINES)('migrations on %s', (engine) => {
  const ledger = useTestLedger(engine, { own: true })

  it('reports what is applied and what is pending, and applies only what is pending', async () => {
    const status = await migrationStatus(ledger.db)
    expect(status.applied.map((m) => m.version)).toEqual(MIGRATIONS.map((m) => m.version))
    expect(status.pending).toEqual([])
    expect(await migrate(ledger.db)).toEqual({ applied: [] })

    const withExtra = [...MIGRATIONS, extra]
    expect((await migrationStatus(ledger.db, withExtra)).pending).toEqual([{ version: 99, name: 'extra' }])
    expect(await migrate(ledger.db, { migrations: withExtra, nowMs: 1234 })).toEqual({ applied: [99] })
    const after = await migrationStatus(ledger.db, withExtra)
    expect(after.pending).toEqual([])
    expect(after.applied.at(-1)).toEqual({ version: 99, name: 'extra', appliedAtMs: 1234 })
    expect(await tableExists(ledger.db, 'extra_99')).toBe(true)
  })

  it('leaves the database as it was when a migration fails', async () => {
    await expect(migrate(ledger.db, { migrations: [...MIGRATIONS, broken] })).rejects.toThrow(/no_such_function/)
    expect(await tableExists(ledger.db, 'broken_100')).toBe(false)
    expect((await migrationStatus(ledger.db, [...MIGRATIONS, broken])).pending).toEqual([
      { version: 100, name: 'broken' },
    ])
  })
})

// A fresh PGlite is migrated from nothing in database.test.ts (the on-disk ledger's first start).
describe('a fresh database on postgres', () => {
  it('migrates from nothing: tables, indexes and the trigram index', async () => {
    const db = await openDatabase({ url: await scratchPostgresUrl(), dataDir: '' })
    try {
      expect(await migrationStatus(db)).toEqual({
        applied: [],
        pending: MIGRATIONS.map(({ version, name }) => ({ version, name })),
      })
      expect(await migrate(db)).toEqual({ applied: MIGRATIONS.map((m) => m.version) })
      const indexes = await db.query<{ indexname: string }>(
        `SELECT indexname FROM pg_indexes WHERE tablename = 'renders' ORDER BY indexname`,
      )
      expect(indexes.map((i) => i.indexname)).toEqual(
        expect.arrayContaining(['renders_newest', 'renders_by_status', 'renders_due', 'renders_prompt_trgm']),
      )
      expect(await tableExists(db, 'rate_windows')).toBe(true)
    } finally {
      await db.close()
    }
  })
})
