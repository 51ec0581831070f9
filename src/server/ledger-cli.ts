import { openDatabase } from '@/ledger/database'
import { migrate, migrationStatus } from '@/ledger/migrations'
import { loadConfig } from './config'

const USAGE = 'Usage: npm run ledger -- status | migrate'

/**
 * `npm run ledger -- status | migrate`: where the ledger is, which migrations it has, how many renders it keeps.
 * The embedded ledger can be opened by one process at a time: stop the studio first.
 */
export async function runLedgerCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const [command] = args
  if (command !== 'status' && command !== 'migrate') {
    console.error(USAGE)
    return 2
  }
  const config = loadConfig(env)
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir })
  try {
    console.log(`Ledger: ${config.databaseUrl ? 'Postgres (DATABASE_URL)' : `embedded, in ${config.dataDir}/ledger`}`)
    if (command === 'migrate') {
      const { applied } = await migrate(db)
      console.log(applied.length ? `Applied migrations ${applied.join(', ')}` : 'Already up to date')
    }
    const status = await migrationStatus(db)
    for (const m of status.applied)
      console.log(`  applied  ${m.version} ${m.name}  ${new Date(m.appliedAtMs).toISOString()}`)
    for (const m of status.pending) console.log(`  pending  ${m.version} ${m.name}`)
    if (status.pending.length === 0) {
      const counts = await db.query<{ status: string; renders: number }>(
        `SELECT CASE WHEN stale THEN 'stale' ELSE status END AS status, count(*)::int AS renders
         FROM renders WHERE deleted_at_ms IS NULL GROUP BY 1 ORDER BY 2 DESC`,
      )
      const total = counts.reduce((sum, c) => sum + c.renders, 0)
      console.log(
        `Renders: ${total}${counts.length ? ` (${counts.map((c) => `${c.renders} ${c.status}`).join(', ')})` : ''}`,
      )
    }
    return 0
  } finally {
    await db.close()
  }
}
