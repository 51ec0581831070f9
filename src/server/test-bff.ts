import { catalogV1 } from '@/catalog/models-v1'
import { createSimulator } from '@/simulator/simulator'
import { createBffApp, type BffOptions } from './app'
import { createUpstreamClient } from './upstream'

/**
 * For tests: the BFF in front of the simulator, counting what reaches it, with `fetch`-style calls at
 * http://studio.test. Options override the demo-mode defaults.
 */
export function simulatedBff(options: Partial<BffOptions> = {}) {
  let forwarded = 0
  const simulator = createSimulator({ catalog: catalogV1, startingCredits: Number.MAX_SAFE_INTEGER })
  const app = createBffApp({
    mode: 'demo',
    catalog: catalogV1,
    upstream: createUpstreamClient({
      baseUrl: 'http://simulator.invalid',
      apiKey: 'cs_test_simulated_key',
      fetch: (request) => (forwarded++, simulator.fetch(request)),
    }),
    ...options,
  })
  const call = (path: string, init?: RequestInit) => app.fetch(new Request(`http://studio.test${path}`, init))
  return { app, call, forwarded: () => forwarded }
}
