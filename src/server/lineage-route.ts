import type { Hono } from 'hono'
import { z } from 'zod'
import { MAX_LINEAGE_RENDERS } from '@/catalog/gallery-contract'
import type { Database } from '@/ledger/database'
import { lineageTree } from '@/ledger/lineage'
import type { BffEnv } from './bff-env'
import { fail } from './errors'

const renderId = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/)

/** GET /api/renders/:id/lineage: the render's whole family, from its first render down (the Lineage view). */
export function registerLineageRoute(app: Hono<BffEnv>, db: Database) {
  app.get('/api/renders/:id/lineage', async (c) => {
    const id = renderId.safeParse(c.req.param('id'))
    const tree = id.success ? await lineageTree(db, id.data, MAX_LINEAGE_RENDERS) : undefined
    return tree ? c.json(tree) : fail(c, 404, 'not_found', 'No such render')
  })
}
