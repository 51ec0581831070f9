import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { openDatabase } from '@/ledger/database'
import { LedgerUnavailable } from '@/ledger/ledger-errors'
import { migrate } from '@/ledger/migrations'
import { resumeOrphanedSubmissions } from '@/ledger/render-sweep'
import { FaultsError, parseFaults } from '@/simulator/faults'
import { createSimulator, DEMO_API_KEY } from '@/simulator/simulator'
import { createBffApp } from './app'
import type { BffEnv } from './bff-env'
import { loadCatalog } from './catalog-loader'
import { createDnsHostCheck } from './media-dns'
import { ConfigError, loadConfig, type ServerConfig } from './config'
import { createLedgerRateLimiter } from './ledger-limiter'
import { createRenderSubmitter } from './render-submitter'
import { createSweeper } from './sweeper'
import { batchedLineWriter } from './log-sink'
import { createMemoryRateLimiter } from './rate-limit'
import { pooledTransport } from './transport'
import { createUpstreamClient } from './upstream'

/** The address a request is counted against: the last proxy hop's view when behind one, else the socket's. */
function clientAddress(trustProxy: boolean) {
  return (c: Context<BffEnv>): string => {
    const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined
    if (forwarded) return forwarded
    try {
      return getConnInfo(c).remote.address ?? 'unknown'
    } catch {
      return 'unknown' // not served by @hono/node-server (e.g. called as a plain fetch handler)
    }
  }
}

function simulatorFaults(env: Record<string, string | undefined>) {
  try {
    return parseFaults(env.SIMULATOR_FAULTS)
  } catch (error) {
    throw error instanceof FaultsError ? new ConfigError(error.message) : error
  }
}

/** The ledger, migrated; LedgerUnavailable (with what to fix) when it cannot be opened or written. */
async function openLedger(config: ServerConfig) {
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir })
  try {
    await migrate(db)
    // The embedded ledger has one process: any create still in flight was orphaned by the last one's stop.
    if (db.kind === 'pglite') await resumeOrphanedSubmissions(db, Date.now())
  } catch (error) {
    await db.close()
    throw new LedgerUnavailable(`The ledger could not be brought up to date: ${String((error as Error).message)}`)
  }
  return db
}

/**
 * Everything the studio needs, from the environment: config, catalog, the ledger, upstream (Cannon or the
 * simulator), the BFF and the sweeper that follows renders with no browser open (started by the caller).
 */
export async function createStudio(env: Record<string, string | undefined>) {
  const config = loadConfig(env)
  const catalog = await loadCatalog(config.catalogFile)
  const db = await openLedger(config)
  const pooled = config.mode === 'live' ? pooledTransport(config.apiBase) : undefined
  const upstream = pooled
    ? createUpstreamClient({ baseUrl: config.apiBase, apiKey: config.apiKey!, transport: pooled.transport })
    : createUpstreamClient({
        baseUrl: 'http://simulator.invalid',
        apiKey: DEMO_API_KEY,
        fetch: createSimulator({ catalog, faults: simulatorFaults(env) }).fetch,
      })
  const write = batchedLineWriter(process.stdout)
  const app = createBffApp({
    mode: config.mode,
    catalog,
    upstream,
    accessToken: config.accessToken,
    allowedHosts: config.allowedHosts,
    createLimiter: createLedgerRateLimiter(db, 'create', config.createRateLimit),
    readLimiter: createMemoryRateLimiter(config.pollRateLimit),
    clientKey: clientAddress(config.trustProxy),
    mediaHostCheck: config.mode === 'live' ? createDnsHostCheck() : undefined,
    trustProxy: config.trustProxy,
    log: { write, secrets: [config.apiKey, config.accessToken] },
    ledger: db,
    publicUrl: config.publicUrl,
  })
  const sweeper = createSweeper({
    db,
    upstream,
    submit: createRenderSubmitter(db, upstream),
    log: (event) => write(JSON.stringify({ time: new Date().toISOString(), ...event })),
  })
  const close = async () => {
    await sweeper.stop()
    await pooled?.close()
    await db.close()
  }
  return { config, catalog, app, sweeper, close }
}
