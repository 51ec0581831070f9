import { openPgliteDatabase, openMemoryPglite } from './pglite-database'
import { openPostgresDatabase } from './postgres-database'

/**
 * The one small interface the ledger's queries run on: PGlite (Postgres in WASM, embedded) or a real
 * Postgres through a `pg` pool. Both speak the same SQL; bigint and numeric columns come back as JS numbers.
 */
export interface Database {
  readonly kind: 'pglite' | 'postgres'
  /** One statement with `$1…` parameters; the rows it returns. */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>
  /** Runs `fn` in a transaction (a savepoint when already in one): committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Database) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export interface OpenDatabaseOptions {
  /** `postgres://…` (DATABASE_URL): a real Postgres. Absent: the embedded PGlite under `dataDir`. */
  url?: string
  /** STUDIO_DATA_DIR: PGlite keeps its files in `${dataDir}/ledger`. */
  dataDir: string
  /** How long to wait for a Postgres connection before giving up (default 5 s). */
  connectTimeoutMs?: number
  /**
   * PGlite only: how often to check whether the ledger's tables need ANALYZE or VACUUM, which a real
   * Postgres's autovacuum does by itself (see maintenance.ts). Default 5 minutes; 0 turns it off.
   */
  maintenanceEveryMs?: number
  /** Errors of work in the background: idle pooled connections (a Postgres restart; the next query
   * reconnects) and PGlite maintenance. Default: ignored. */
  onBackgroundError?: (error: Error) => void
}

/** Opens the ledger's database, or throws LedgerUnavailable with what to fix. Does not migrate. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) return openPostgresDatabase(options.url, options)
  return openPgliteDatabase(options.dataDir, options)
}

/**
 * An in-memory PGlite (tests, tools). `snapshot` is a data folder made by `dumpDataDir` (e.g. an already
 * migrated one), which opens several times faster than a fresh initdb.
 */
export function openMemoryDatabase(options: { snapshot?: Blob } = {}): Promise<Database> {
  return openMemoryPglite(options.snapshot)
}
