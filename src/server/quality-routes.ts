import type { Hono } from 'hono'
import { qualityReportSchema, reportRefusal } from '@/catalog/quality-contract'
import type { Database } from '@/ledger/database'
import { recordQualityFlags } from '@/ledger/quality-flags'
import { getRender } from '@/ledger/render-store'
import type { BffEnv } from './bff-env'
import { fail } from './errors'
import { RENDER_ID, smallBody } from './route-inputs'

/**
 * PATCH /api/renders/:id/quality `{ sampler, flags }`: what a browser's sampler found in a kept take. Checked
 * before the ledger keeps it: the shape and ranges, that the take exists and is kept, and that each flag can be
 * true of what the render asked. A repeat for the same sampler version changes nothing and answers the render.
 */
export function registerQualityRoutes(app: Hono<BffEnv>, db: Database, now: () => number = Date.now) {
  app.patch('/api/renders/:id/quality', smallBody(), async (c) => {
    const id = c.req.param('id')
    const parsed = qualityReportSchema.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      const where = issue.path.join('.') || 'body'
      return fail(c, 400, 'invalid_input', `${where}: ${issue.message}`, String(issue.path[0] ?? 'body'))
    }
    const render = RENDER_ID.test(id) ? await getRender(db, id) : undefined
    if (!render || render.deleted) return fail(c, 404, 'not_found', 'No such render')
    if (render.status !== 'succeeded' || !render.keptVideoUrl)
      return fail(c, 409, 'not_kept', 'Only a succeeded take whose copy the studio keeps can be checked')
    const refusal = reportRefusal(render.input, parsed.data.flags)
    if (refusal) return fail(c, 400, 'invalid_flag', refusal, 'flags')
    const written = await recordQualityFlags(db, id, parsed.data, now())
    return c.json(written ?? (await getRender(db, id)) ?? render)
  })
}
