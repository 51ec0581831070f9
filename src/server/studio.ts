import { createSimulator } from '@/simulator/simulator'
import { createBffApp } from './app'
import { loadCatalog } from './catalog-loader'
import { loadConfig } from './config'
import { createUpstreamClient } from './upstream'

/** Everything the BFF needs, from the environment: config, catalog, upstream (Cannon or the simulator). */
export async function createStudio(env: Record<string, string | undefined>) {
  const config = loadConfig(env)
  const catalog = await loadCatalog(config.catalogFile)
  const upstream =
    config.mode === 'live'
      ? createUpstreamClient({ baseUrl: config.apiBase, apiKey: config.apiKey!, fetch: (r) => fetch(r) })
      : createUpstreamClient({
          baseUrl: 'http://simulator.invalid',
          apiKey: 'demo',
          fetch: createSimulator({ catalog }).fetch,
        })
  return { config, app: createBffApp({ mode: config.mode, catalog, upstream }) }
}
