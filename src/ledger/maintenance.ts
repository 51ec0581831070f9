import type { Database } from './database'

/*
 * A real Postgres keeps its own statistics and reclaims dead rows (autovacuum). PGlite runs no background
 * workers, so without this its planner never learns how big the ledger is (at 100,000 renders a prompt
 * search then took 60–75 ms instead of 3) and every poll's UPDATE leaves a dead row behind for good.
 * The same thresholds as autovacuum's defaults decide when a table is due.
 */

const TABLES = ['renders', 'rate_windows'] as const

export interface MaintenanceReport {
  analyzed: string[]
  vacuumed: string[]
}

/** Analyzes and vacuums the ledger's tables that need it (PGlite only; a no-op on Postgres). */
export async function maintainLedger(db: Database): Promise<MaintenanceReport> {
  const report: MaintenanceReport = { analyzed: [], vacuumed: [] }
  if (db.kind !== 'pglite') return report
  const rows = await db.query<{
    name: string
    reltuples: number
    n_dead_tup: number | null
    n_mod_since_analyze: number | null
  }>(
    `SELECT c.relname AS name, c.reltuples, s.n_dead_tup, s.n_mod_since_analyze
     FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
     WHERE c.oid IN (${TABLES.map((t) => `to_regclass('${t}')`).join(', ')})`,
  )
  for (const row of rows) {
    // reltuples is -1 until the first ANALYZE; the pg_stat counters start from 0 in every process.
    const tuples = Math.max(row.reltuples, 0)
    const vacuum = (row.n_dead_tup ?? 0) > 50 + 0.2 * tuples
    const analyze = row.reltuples < 0 || (row.n_mod_since_analyze ?? 0) > 50 + 0.1 * tuples
    if (vacuum) {
      await db.query(`VACUUM (ANALYZE) ${row.name}`)
      report.vacuumed.push(row.name)
      report.analyzed.push(row.name)
    } else if (analyze) {
      await db.query(`ANALYZE ${row.name}`)
      report.analyzed.push(row.name)
    }
  }
  return report
}

/**
 * Runs maintainLedger every `everyMs` (first after `firstAfterMs`), never two at once, until stopped.
 * The timer does not keep the process alive.
 */
export function scheduleMaintenance(
  db: Database,
  options: { everyMs: number; firstAfterMs?: number; onError?: (error: Error) => void },
): () => Promise<void> {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> = Promise.resolve()
  let stopped = false
  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      running = maintainLedger(db)
        .catch((error: unknown) => options.onError?.(error as Error))
        .finally(() => {
          if (!stopped) schedule(options.everyMs)
        })
    }, delayMs)
    timer.unref()
  }
  schedule(options.firstAfterMs ?? Math.min(30_000, options.everyMs))
  return async () => {
    stopped = true
    clearTimeout(timer)
    await running
  }
}
