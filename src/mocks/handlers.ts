import { http, type RequestHandler } from 'msw'
import type { Catalog } from '@/catalog/catalog-schema'
import { catalogV1 } from '@/catalog/models-v1'
import { createBffApp } from '@/server/app'
import { createUpstreamClient } from '@/server/upstream'
import { createSimulator, type SimulatorOptions } from '@/simulator/simulator'

export const CANNON_ORIGIN = 'https://www.cannonstudio.app'

/** Routes Cannon's endpoints into a fresh simulator (for tests of the BFF's live path). */
export function cannonHandlers(options: Partial<SimulatorOptions> = {}) {
  const simulator = createSimulator({ catalog: catalogV1, ...options })
  const handlers: RequestHandler[] = [http.all(`${CANNON_ORIGIN}/api/v1/*`, ({ request }) => simulator.fetch(request))]
  return { simulator, handlers }
}

/** Routes the studio's own /api calls into a real BFF in demo mode (for component tests). */
export function studioHandlers(options: { catalog?: Catalog; simulator?: Partial<SimulatorOptions> } = {}) {
  const catalog = options.catalog ?? catalogV1
  const simulator = createSimulator({ catalog, ...options.simulator })
  const bff = createBffApp({
    mode: 'demo',
    catalog,
    upstream: createUpstreamClient({ baseUrl: 'http://simulator.invalid', apiKey: 'demo', fetch: simulator.fetch }),
  })
  const handlers: RequestHandler[] = [http.all('*/api/*', ({ request }) => bff.fetch(request))]
  return { simulator, handlers }
}
