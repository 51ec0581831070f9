import type { Database } from '@/ledger/database'
import { takeFromWindow } from '@/ledger/rate-counter'
import type { RateLimitConfig } from './config'
import type { RateLimiter } from './rate-limit'

/** A limiter counted in the ledger, so every studio process on one Postgres shares one limit per client. */
export function createLedgerRateLimiter(
  db: Database,
  name: string,
  { limit, windowMs }: RateLimitConfig,
  now: () => number = Date.now,
): RateLimiter {
  return { take: (key) => takeFromWindow(db, `${name}:${key}`, limit, windowMs, now()) }
}
