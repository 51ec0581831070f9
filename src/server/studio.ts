import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { FaultsError, parseFaults } from '@/simulator/faults'
import { createSimulator, DEMO_API_KEY } from '@/simulator/simulator'
import { createBffApp } from './app'
import type { BffEnv } from './bff-env'
import { loadCatalog } from './catalog-loader'
import { createDnsHostCheck } from './media-dns'
import { ConfigError, loadConfig } from './config'
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

/** Everything the BFF needs, from the environment: config, catalog, upstream (Cannon or the simulator). */
export async function createStudio(env: Record<string, string | undefined>) {
  const config = loadConfig(env)
  const catalog = await loadCatalog(config.catalogFile)
  const pooled = config.mode === 'live' ? pooledTransport(config.apiBase) : undefined
  const upstream = pooled
    ? createUpstreamClient({ baseUrl: config.apiBase, apiKey: config.apiKey!, transport: pooled.transport })
    : createUpstreamClient({
        baseUrl: 'http://simulator.invalid',
        apiKey: DEMO_API_KEY,
        fetch: createSimulator({ catalog, faults: simulatorFaults(env) }).fetch,
      })
  const app = createBffApp({
    mode: config.mode,
    catalog,
    upstream,
    accessToken: config.accessToken,
    allowedHosts: config.allowedHosts,
    createLimiter: createMemoryRateLimiter(config.createRateLimit),
    readLimiter: createMemoryRateLimiter(config.pollRateLimit),
    clientKey: clientAddress(config.trustProxy),
    mediaHostCheck: config.mode === 'live' ? createDnsHostCheck() : undefined,
    trustProxy: config.trustProxy,
    log: { write: batchedLineWriter(process.stdout), secrets: [config.apiKey, config.accessToken] },
  })
  return { config, catalog, app, close: async () => pooled?.close() }
}
