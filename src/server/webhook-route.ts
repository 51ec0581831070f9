import type { Hono } from 'hono'
import { isTerminal } from '@/catalog/api-contract'
import type { Database } from '@/ledger/database'
import { getRenderByWebhookToken } from '@/ledger/render-store'
import { recheck } from '@/ledger/render-sweep'
import type { BffEnv } from './bff-env'

export const WEBHOOK_PREFIX = '/api/hooks/'
const TOKEN = /^[A-Za-z0-9_-]{32}$/

/**
 * POST /api/hooks/:token, the per-render URL given to Cannon as webhook_url. Its body is never read, let alone
 * trusted: a call only makes the render due, so the sweeper asks Cannon itself within a second. The answer is
 * the same 204 whatever the token, so the route tells a guesser nothing.
 */
export function registerWebhookRoute(app: Hono<BffEnv>, db: Database, now: () => number = Date.now) {
  app.post(`${WEBHOOK_PREFIX}:token`, async (c) => {
    const token = c.req.param('token')
    const render = TOKEN.test(token) ? await getRenderByWebhookToken(db, token) : undefined
    if (render && !isTerminal(render.status)) await recheck(db, render.id, now())
    return c.body(null, 204)
  })
}
