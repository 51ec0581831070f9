import type { Hono } from 'hono'
import { z } from 'zod'
import type { Catalog } from '@/catalog/catalog-schema'
import { buildFieldSchemas } from '@/catalog/request-schema'
import type { Database } from '@/ledger/database'
import { lineageTotal } from '@/ledger/lineage'
import { dayStartMs, spendBetween } from '@/ledger/spend'
import { whoIsAsking } from './author'
import type { BffEnv, ClientKey } from './bff-env'
import { fail } from './errors'
import { RENDER_ID, smallBody } from './route-inputs'
import type { Estimator } from './estimator'
import type { RateLimiter } from './rate-limit'
import { spendCsv } from './spend-csv'

export interface CreditsRoutesOptions {
  db: Database
  catalog: Catalog
  estimate: Estimator
  /** Estimates are reads sent as POST (they carry a whole input): they count against the read limit. */
  readLimiter: RateLimiter
  clientKey: ClientKey
  now?: () => number
}

// The same envelope as a create (`operation` may be left out); only the price-driving fields need to be right.
const estimateBody = z.object({
  operation: z.literal('video.generate', { error: 'Estimates are for operation video.generate' }).optional(),
  input: z.looseObject({ model: z.string().max(64) }),
})
const DAY = /^\d{4}-\d{2}-\d{2}$/
const spendQuery = z.object({
  from: z.string().regex(DAY, 'from must be a day, YYYY-MM-DD').optional(),
  to: z.string().regex(DAY, 'to must be a day, YYYY-MM-DD').optional(),
  format: z.enum(['json', 'csv']).optional(),
})
const DAY_MS = 86_400_000
const MAX_SPEND_DAYS = 366
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** POST /api/estimate, GET /api/spend, GET /api/me and GET /api/renders/:id/lineage-total. */
export function registerCreditsRoutes(app: Hono<BffEnv>, options: CreditsRoutesOptions) {
  const { db, catalog, estimate, now = Date.now } = options

  app.post('/api/estimate', smallBody(), async (c) => {
    const decision = await options.readLimiter.take(options.clientKey(c.req.raw, c.env))
    if (!decision.allowed) {
      c.header('Retry-After', String(decision.retryAfterSeconds))
      return fail(c, 429, 'rate_limited', `Too many requests; try again in ${decision.retryAfterSeconds} s`)
    }
    const parsed = estimateBody.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success)
      return fail(c, 400, 'invalid_input', 'Send { operation: "video.generate", input: { model, … } }')
    const { input } = parsed.data
    const model = catalog.models.find((m) => m.id === input.model)
    if (!model)
      return fail(
        c,
        400,
        'invalid_input',
        `Model must be one of ${catalog.models.map((m) => m.id).join(', ')}`,
        'model',
      )
    const fields = buildFieldSchemas(model, { allowDemoMedia: true })
    for (const field of ['duration', 'resolution'] as const) {
      const check = fields[field]?.safeParse(input[field])
      if (check && !check.success) return fail(c, 400, 'invalid_input', check.error.issues[0]!.message, field)
    }
    return c.json(await estimate(input)!)
  })

  app.get('/api/spend', async (c) => {
    const parsed = spendQuery.safeParse(c.req.query())
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      return fail(c, 400, 'invalid_query', issue.message, String(issue.path[0]))
    }
    const to = parsed.data.to ?? utcDay(now())
    const from = parsed.data.from ?? utcDay(dayStartMs(to) - 29 * DAY_MS)
    const [fromMs, toMs] = [dayStartMs(from), dayStartMs(to)]
    if (Number.isNaN(fromMs) || Number.isNaN(toMs))
      return fail(c, 400, 'invalid_query', 'from and to must be real days')
    if (fromMs > toMs) return fail(c, 400, 'invalid_query', 'from must not be after to', 'from')
    if ((toMs - fromMs) / DAY_MS >= MAX_SPEND_DAYS) {
      return fail(c, 400, 'invalid_query', `Ask for at most ${MAX_SPEND_DAYS} days at a time`, 'from')
    }
    const spend = await spendBetween(db, from, to)
    if (parsed.data.format !== 'csv') return c.json(spend)
    c.header('Content-Disposition', `attachment; filename="cannon-studio-spend-${from}-to-${to}.csv"`)
    return c.body(spendCsv(spend), 200, { 'Content-Type': 'text/csv; charset=utf-8' })
  })

  app.get('/api/me', (c) => {
    const who = whoIsAsking(c)
    return 'error' in who ? fail(c, 400, 'invalid_header', who.error) : c.json(who)
  })

  app.get('/api/renders/:id/lineage-total', async (c) => {
    const id = c.req.param('id')
    const total = RENDER_ID.test(id) ? await lineageTotal(db, id) : undefined
    return total ? c.json(total) : fail(c, 404, 'not_found', 'No such render')
  })
}
