import { PGlite, types, type Transaction } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { access, constants, mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { Database, OpenDatabaseOptions } from './database'
import { LedgerUnavailable } from './ledger-errors'
import { scheduleMaintenance } from './maintenance'
import { lockFolder } from './pglite-lock'
import { inSavepoint } from './savepoint'

// ms timestamps are bigint; sums and counts may be numeric: JS numbers are exact far past any of them.
const parsers = { [types.INT8]: (value: string) => Number(value), [types.NUMERIC]: (value: string) => Number(value) }
// pg_trgm backs the prompt search index; PGlite loads an extension only when it is named here.
const extensions = { pg_trgm }

function transactionDatabase(tx: Transaction, depth: number): Database {
  const db: Database = {
    kind: 'pglite',
    query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
    transaction: (fn) => inSavepoint(transactionDatabase(tx, depth + 1), depth + 1, fn),
    close: () => Promise.reject(new Error('close the database, not one of its transactions')),
  }
  return db
}

function wrap(pglite: PGlite, onClose: () => Promise<void>): Database {
  return {
    kind: 'pglite',
    query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
    transaction: (fn) => pglite.transaction((tx) => fn(transactionDatabase(tx, 0))),
    close: async () => {
      if (!pglite.closed) await pglite.close()
      await onClose()
    },
  }
}

function unusableFolder(folder: string, error: unknown): LedgerUnavailable {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message
  return new LedgerUnavailable(
    `The embedded ledger cannot use the folder ${folder} (${code}). Make STUDIO_DATA_DIR a folder this process ` +
      'can write, or set DATABASE_URL to keep the ledger in a Postgres.',
    { cause: error },
  )
}

/** PGlite in `${dataDir}/ledger`, made on first use (a new folder takes a few seconds to initialise). */
export async function openPgliteDatabase(
  dataDir: string,
  options: Pick<OpenDatabaseOptions, 'maintenanceEveryMs' | 'onBackgroundError'> = {},
): Promise<Database> {
  const folder = path.resolve(dataDir, 'ledger')
  try {
    await mkdir(folder, { recursive: true })
    await access(folder, constants.W_OK)
  } catch (error) {
    throw unusableFolder(folder, error)
  }
  let unlock: () => Promise<void>
  try {
    unlock = await lockFolder(`${folder}.lock`, folder)
  } catch (error) {
    throw error instanceof LedgerUnavailable ? error : unusableFolder(path.dirname(folder), error)
  }
  try {
    const pglite = await PGlite.create({ dataDir: folder, parsers, extensions })
    const everyMs = options.maintenanceEveryMs ?? 5 * 60_000
    const db = wrap(pglite, unlock)
    if (everyMs <= 0) return db
    const stopMaintenance = scheduleMaintenance(db, { everyMs, onError: options.onBackgroundError })
    return {
      ...db,
      close: async () => {
        await stopMaintenance()
        await db.close()
      },
    }
  } catch (error) {
    await unlock()
    throw new LedgerUnavailable(
      `The embedded ledger at ${folder} could not be opened (${(error as Error).message}). If the folder was ` +
        'copied while in use or made by another PGlite version, move it aside to start an empty ledger, or ' +
        'restore it from an export.',
      { cause: error },
    )
  }
}

export async function openMemoryPglite(snapshot?: Blob): Promise<Database> {
  const pglite = await PGlite.create({ parsers, extensions, ...(snapshot ? { loadDataDir: snapshot } : {}) })
  return wrap(pglite, async () => undefined)
}

/** The data folder of an in-memory ledger as a tarball, for `openMemoryDatabase({ snapshot })`. */
export async function snapshotMemoryPglite(build: (db: Database) => Promise<void>): Promise<Blob> {
  const pglite = await PGlite.create({ parsers, extensions })
  try {
    await build(wrap(pglite, async () => undefined))
    return await pglite.dumpDataDir('none')
  } finally {
    await pglite.close()
  }
}
