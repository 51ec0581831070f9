import { join } from 'node:path'
import { openDatabase } from '@/ledger/database'
import { openFolderStore } from '@/media/folder-store'
import { openS3Store } from '@/media/s3-store'
import { LedgerUnavailable } from '@/ledger/ledger-errors'
import { migrate } from '@/ledger/migrations'
import { resumeOrphanedSubmissions } from '@/ledger/render-sweep'
import { getSequence } from '@/ledger/sequences'
import { FaultsError, parseFaults } from '@/simulator/faults'
import { createSimulator, DEMO_API_KEY } from '@/simulator/simulator'
import { createBffApp } from './app'
import { clientAddress } from './client-address'
import { loadCatalog } from './catalog-loader'
import { createDnsHostCheck } from './media-dns'
import { ConfigError, loadConfig, type ServerConfig } from './config'
import { createLedgerRateLimiter } from './ledger-limiter'
import { createRenderSubmitter } from './render-submitter'
import { openSequenceExports } from './sequence-export/open-exports'
import { createSweeper } from './sweeper'
import { createTakeKeeper } from './take-keeper'
import { batchedLineWriter } from './log-sink'
import { createLogger } from './logger'
import { createMemoryRateLimiter } from './rate-limit'
import { pooledTransport } from './transport'
import { createUpstreamClient } from './upstream'
import { createUpstreamFidelity } from './upstream-fidelity'

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

/** The media store: S3 when configured, else a folder beside the ledger; and whether uploads can work. */
async function openMedia(config: ServerConfig) {
  const store = config.s3
    ? await openS3Store({ ...config.s3, tmpDir: join(config.dataDir, 'media-tmp') })
    : await openFolderStore({ dir: join(config.dataDir, 'media'), publicOrigin: config.publicUrl })
  // Cannon downloads what it is given: a folder's files need an origin it can reach.
  const uploadsOff =
    config.mode === 'live' && !config.s3 && !config.publicUrl
      ? 'Uploading needs a place Cannon can fetch files from: set STUDIO_PUBLIC_URL (the https address of this studio) or S3 storage (STUDIO_S3_*). Until then, paste https:// links.'
      : undefined
  return { store, uploadsOff }
}

/**
 * Everything the studio needs, from the environment: config, catalog, the ledger, the media store, upstream
 * (Cannon or the simulator), the BFF, the sweeper that follows renders with no browser open and the check of
 * the catalog and key against Cannon (both started by the caller). `demoDir` holds the demo clips, which demo mode's takes are copied from.
 */
export async function createStudio(env: Record<string, string | undefined>, { demoDir }: { demoDir?: string } = {}) {
  const config = loadConfig(env)
  const catalog = await loadCatalog(config.catalogFile)
  const db = await openLedger(config)
  const media = await openMedia(config)
  const pooled = config.mode === 'live' ? pooledTransport(config.apiBase) : undefined
  const faults = config.mode === 'demo' ? simulatorFaults(env) : undefined
  const upstream = pooled
    ? createUpstreamClient({ baseUrl: config.apiBase, apiKey: config.apiKey!, transport: pooled.transport })
    : createUpstreamClient({
        baseUrl: 'http://simulator.invalid',
        apiKey: DEMO_API_KEY,
        fetch: createSimulator({ catalog, faults }).fetch,
      })
  const log = createLogger({
    write: batchedLineWriter(process.stdout),
    format: config.logFormat ?? (process.stdout.isTTY ? 'pretty' : 'json'),
    level: config.logLevel,
    secrets: [config.apiKey, config.accessToken, ...config.namedTokens.map((t) => t.token), config.s3?.secretAccessKey],
  })
  const mediaHostCheck = config.mode === 'live' ? createDnsHostCheck() : undefined
  const fidelity = createUpstreamFidelity({
    mode: config.mode,
    catalog,
    upstream,
    apiBase: config.apiBase,
    apiKey: config.apiKey,
    log,
  })
  const keeper = config.keepTakes
    ? createTakeKeeper({
        db,
        store: media.store,
        demoDir: config.mode === 'demo' ? demoDir : undefined,
        hostCheck: mediaHostCheck,
        log,
      })
    : undefined
  const sequenceExports = await openSequenceExports({
    dataDir: config.dataDir,
    db,
    store: media.store,
    getSequence: (id) => getSequence(db, id),
  })
  const app = createBffApp({
    mode: config.mode,
    catalog,
    upstream,
    accessToken: config.accessToken,
    namedTokens: config.namedTokens,
    credits: { dailyCap: config.dailyCreditCap },
    allowedHosts: config.allowedHosts,
    createLimiter: createLedgerRateLimiter(db, 'create', config.createRateLimit),
    readLimiter: createMemoryRateLimiter(config.pollRateLimit),
    commentLimiter: createLedgerRateLimiter(db, 'comments', { limit: 60, windowMs: 60_000 }),
    clientKey: clientAddress(config.trustProxy),
    mediaHostCheck,
    trustProxy: config.trustProxy,
    log,
    ledger: db,
    upstreamFidelity: fidelity.current,
    publicUrl: config.publicUrl,
    media: {
      ...media,
      uploadLimiter: createLedgerRateLimiter(db, 'media', { limit: 60, windowMs: 60_000 }),
      keeper,
      demoDir: config.mode === 'demo' ? demoDir : undefined,
      clipsDir: join(config.dataDir, 'tmp', 'clips'),
    },
    sequenceExports,
  })
  const sweeper = createSweeper({
    db,
    upstream,
    submit: createRenderSubmitter(db, upstream),
    log,
    onFinished: keeper?.keep,
  })
  const close = async () => {
    keeper?.stop()
    await sequenceExports.runner.close()
    await sweeper.stop()
    await pooled?.close()
    await db.close()
  }
  return { config, catalog, app, sweeper, keeper, fidelity, media: media.store, log, faults, close }
}
