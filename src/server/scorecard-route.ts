import type { Hono } from 'hono'
import { z } from 'zod'
import type { Catalog } from '@/catalog/catalog-schema'
import { mediaModes } from '@/catalog/media-modes'
import type { Database } from '@/ledger/database'
import { modelScorecard } from '@/ledger/scorecard'
import { dayStartMs } from '@/ledger/spend'
import type { BffEnv } from './bff-env'
import { fail } from './errors'

const DAY = /^\d{4}-\d{2}-\d{2}$/
const DAY_MS = 86_400_000
const scorecardQuery = z.object({
  from: z.string().regex(DAY, 'from must be a day, YYYY-MM-DD').optional(),
  to: z.string().regex(DAY, 'to must be a day, YYYY-MM-DD').optional(),
})

/**
 * GET /api/models/scorecard?from=&to=: how each model does for this team (renders, picks, rejects, flags,
 * failures, render time, credits per pick), over UTC days from `from` (default: the first render) to `to`
 * (default: today), both included.
 */
export function registerScorecardRoute(app: Hono<BffEnv>, db: Database, catalog: Catalog, now: () => number) {
  const modes = mediaModes(catalog)
  app.get('/api/models/scorecard', async (c) => {
    const parsed = scorecardQuery.safeParse(c.req.query())
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      return fail(c, 400, 'invalid_query', issue.message, String(issue.path[0]))
    }
    const to = parsed.data.to ?? new Date(now()).toISOString().slice(0, 10)
    const from = parsed.data.from ?? null
    const [fromMs, toMs] = [from === null ? 0 : dayStartMs(from), dayStartMs(to)]
    if (Number.isNaN(fromMs) || Number.isNaN(toMs))
      return fail(c, 400, 'invalid_query', 'from and to must be real days')
    if (fromMs > toMs) return fail(c, 400, 'invalid_query', 'from must not be after to', 'from')
    return c.json({ from, to, ...(await modelScorecard(db, { fromMs, toMs: toMs + DAY_MS, modes })) })
  })
}
