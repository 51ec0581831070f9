import type { Database } from './database'
import { rendersMigration } from './schema/001-renders'
import { rateWindowsMigration } from './schema/002-rate-windows'
import { sessionsMigration } from './schema/003-sessions'
import { creditsMigration } from './schema/004-credits'
import { takeCopiesMigration } from './schema/005-take-copies'
import { modelRefusalsMigration } from './schema/006-model-refusals'
import { qualityAndRatingsMigration } from './schema/007-quality-and-ratings'
import { sequencesMigration } from './schema/008-sequences'
import { commentsMigration } from './schema/009-comments'
import { sharesMigration } from './schema/010-shares'
import { newsMigration } from './schema/011-news'
import { commentNewsMigration } from './schema/012-comment-news'

export interface Migration {
  version: number
  name: string
  /** Run one by one, in order, in the migration's transaction. */
  statements: string[]
}

/** Every migration, oldest first. Add one at the end; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  rendersMigration,
  rateWindowsMigration,
  sessionsMigration,
  creditsMigration,
  takeCopiesMigration,
  modelRefusalsMigration,
  qualityAndRatingsMigration,
  sequencesMigration,
  commentsMigration,
  sharesMigration,
  newsMigration,
  commentNewsMigration,
]

// Any constant will do, as long as nothing else in the database takes this advisory lock.
const MIGRATION_LOCK = 4_841_202_611

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at_ms bigint NOT NULL
)`

export interface AppliedMigration {
  version: number
  name: string
  appliedAtMs: number
}

export interface MigrationStatus {
  applied: AppliedMigration[]
  pending: Array<{ version: number; name: string }>
}

async function appliedMigrations(db: Database): Promise<AppliedMigration[]> {
  return db.query<AppliedMigration>(
    `SELECT version, name, applied_at_ms AS "appliedAtMs" FROM schema_migrations ORDER BY version`,
  )
}

/**
 * Applies the pending migrations in order, all in one transaction: either the ledger reaches the newest
 * schema or it stays as it was. The advisory lock is taken first, so processes starting at once on one
 * Postgres queue up: the first applies, the others find nothing left to do.
 */
export async function migrate(
  db: Database,
  options: { nowMs?: number; migrations?: readonly Migration[] } = {},
): Promise<{ applied: number[] }> {
  const migrations = [...(options.migrations ?? MIGRATIONS)].sort((a, b) => a.version - b.version)
  const nowMs = options.nowMs ?? Date.now()
  return db.transaction(async (tx) => {
    await tx.query('SELECT 1 FROM pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK])
    await tx.query(CREATE_TABLE)
    const done = new Set((await appliedMigrations(tx)).map((m) => m.version))
    const applied: number[] = []
    for (const migration of migrations) {
      if (done.has(migration.version)) continue
      for (const statement of migration.statements) await tx.query(statement)
      await tx.query('INSERT INTO schema_migrations (version, name, applied_at_ms) VALUES ($1::int, $2, $3::bigint)', [
        migration.version,
        migration.name,
        nowMs,
      ])
      applied.push(migration.version)
    }
    return { applied }
  })
}

/** What `migrate` has done and would do, without changing anything. */
export async function migrationStatus(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationStatus> {
  const [table] = await db.query<{ name: string | null }>(`SELECT to_regclass('schema_migrations')::text AS name`)
  const applied = table?.name ? await appliedMigrations(db) : []
  const done = new Set(applied.map((m) => m.version))
  const pending = migrations
    .filter((m) => !done.has(m.version))
    .sort((a, b) => a.version - b.version)
    .map(({ version, name }) => ({ version, name }))
  return { applied, pending }
}
