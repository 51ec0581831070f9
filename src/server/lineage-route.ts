import type { Hono } from 'hono'
import { z } from 'zod'
import { MAX_LINEAGE_RENDERS } from '@/catalog/gallery-contract'
import type { Database } from '@/ledger/database'
import { lineageTree } from '@/ledger/lineage'
import type { BffEnv } from './bff-env'
import { fail } from './errors'
import { RENDER_ID } from './route-inputs'

const renderId = z.string().regex(RENDER_ID)

/** GET /api/renders/:id/lineage: the render's whole family, from its first render down (the Lineage view). */
export function registerLineageRoute(app: Hono<BffEnv>, db: Database) {
  app.get('/api/renders/:id/lineage', async (c) => {
    const id = renderId.safeParse(c.req.param('id'))
    const tree = id.success ? await lineageTree(db, id.data, MAX_LINEAGE_RENDERS) : undefined
    return tree ? c.json(tree) : fail(c, 404, 'not_found', 'No such render')
  })
}
