/** The verdict for one attempt: when refused, how long until the client may try again. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/**
 * Counts attempts per client key. The in-memory limiter serves one process; several instances (serverless,
 * edge, more than one machine) need an implementation over a shared store with an atomic increment. A refused
 * attempt changes nothing: asking again at once gets the same refusal.
 */
export interface RateLimiter {
  take(key: string): RateDecision | Promise<RateDecision>
}

interface MemoryLimiterOptions {
  limit: number
  windowMs: number
  now?: () => number
  /** Above this many tracked clients, expired windows are swept. */
  sweepAbove?: number
}

/** A fixed window per client key: at most `limit` attempts per `windowMs`. */
export function createMemoryRateLimiter({
  limit,
  windowMs,
  now = Date.now,
  sweepAbove = 10_000,
}: MemoryLimiterOptions): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>()
  return {
    // Answered at once: a poll answered from memory then needs no await.
    take(key) {
      const at = now()
      if (windows.size > sweepAbove) {
        for (const [k, w] of windows) if (at - w.startedAt >= windowMs) windows.delete(k)
      }
      const current = windows.get(key)
      if (!current || at - current.startedAt >= windowMs) {
        windows.set(key, { startedAt: at, count: 1 })
        return { allowed: true }
      }
      if (current.count < limit) {
        current.count++
        return { allowed: true }
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((current.startedAt + windowMs - at) / 1000)) }
    },
  }
}
