import { http, type RequestHandler } from 'msw'
import type { Catalog } from '@/catalog/catalog-schema'
import { catalogV1 } from '@/catalog/models-v1'
import { createBffApp } from '@/server/app'
import { createUpstreamClient } from '@/server/upstream'
import { createSimulator, DEMO_API_KEY, type SimulatorOptions } from '@/simulator/simulator'
import { creditsHandlers } from './credits-handlers'
import { ledgerHandlers } from './ledger-handlers'
import { createMemoryLedger } from './memory-ledger'
import { sequenceHandlers } from './sequence-handlers'
import { reviewHandlers } from './review-handlers'

export const CANNON_ORIGIN = 'https://www.cannonstudio.app'

/** Routes Cannon's endpoints into a fresh simulator (for tests of the BFF's live path). */
export function cannonHandlers(options: Partial<SimulatorOptions> = {}) {
  const simulator = createSimulator({ catalog: catalogV1, ...options })
  const handlers: RequestHandler[] = [http.all(`${CANNON_ORIGIN}/api/v1/*`, ({ request }) => simulator.fetch(request))]
  return { simulator, handlers }
}

/**
 * Routes the studio's own /api calls into a real BFF in demo mode (for component tests), with the ledger's
 * routes kept by a small in-memory ledger (`ledger`, which tests can fill or read).
 */
export function studioHandlers(
  options: { catalog?: Catalog; simulator?: Partial<SimulatorOptions>; accessToken?: string } = {},
) {
  const catalog = options.catalog ?? catalogV1
  const simulator = createSimulator({ catalog, ...options.simulator })
  const bff = createBffApp({
    mode: 'demo',
    catalog,
    upstream: createUpstreamClient({
      baseUrl: 'http://simulator.invalid',
      apiKey: DEMO_API_KEY,
      fetch: simulator.fetch,
    }),
    accessToken: options.accessToken,
  })
  // Plays the browser's cookie jar for the sign-in session cookie, which jsdom cannot hold (it is HttpOnly).
  let sessionCookie: string | undefined
  const toBff = async (request: Request) => {
    if (sessionCookie) request.headers.set('cookie', sessionCookie)
    const response = await bff.fetch(request)
    sessionCookie = response.headers.get('set-cookie')?.split(';')[0] ?? sessionCookie
    return response
  }
  const ledger = createMemoryLedger()
  const credits = creditsHandlers(catalog)
  const handlers: RequestHandler[] = [
    ...ledgerHandlers(ledger, toBff),
    ...reviewHandlers(ledger, catalog),
    ...credits.handlers,
    ...sequenceHandlers(ledger.get, catalog),
    http.all('*/api/*', ({ request }) => toBff(request)),
  ]
  return { simulator, ledger, handlers, estimateRequests: () => credits.counts.estimates }
}
