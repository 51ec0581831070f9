import type { Hono } from 'hono'
import type { Database } from '@/ledger/database'
import { newsSince } from '@/ledger/news'
import { whoIsAsking } from './author'
import type { BffEnv } from './bff-env'
import { fail } from './errors'

/** How far back "since you last looked" reaches: a month away is news enough. */
const MAX_LOOKBACK_MS = 31 * 86_400_000

/**
 * GET /api/news?since=<ms>: what ended since a person last looked (how many, how many failed, the newest few),
 * and the comments others wrote since then.
 */
export function registerNewsRoute(app: Hono<BffEnv>, db: Database, now: () => number = Date.now) {
  app.get('/api/news', async (c) => {
    const text = c.req.query('since') ?? ''
    const since = Number(text)
    if (!/^\d{1,16}$/.test(text) || !Number.isSafeInteger(since))
      return fail(c, 400, 'invalid_input', 'since: a time in milliseconds since 1970', 'since')
    const who = whoIsAsking(c)
    if ('error' in who) return fail(c, 400, 'invalid_input', who.error, 'author')
    return c.json(await newsSince(db, Math.max(since, now() - MAX_LOOKBACK_MS), who.author))
  })
}
