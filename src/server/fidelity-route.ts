import type { Hono } from 'hono'
import type { Fidelity } from '@/catalog/fidelity-contract'
import type { Database } from '@/ledger/database'
import { activeModelRefusals } from '@/ledger/model-refusals'
import type { BffEnv } from './bff-env'
import type { UpstreamFidelity } from './upstream-fidelity'

/** GET /api/fidelity: the catalog check, the key's missing scopes and Cannon's standing refusals per model. */
export function registerFidelityRoute(app: Hono<BffEnv>, upstream: () => UpstreamFidelity, db?: Database) {
  app.get('/api/fidelity', async (c) => {
    const body: Fidelity = { ...upstream(), refusals: db ? await activeModelRefusals(db) : [] }
    return c.json(body)
  })
}
