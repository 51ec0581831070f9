/**
 * Slows down guessing: the `limit`-th failure within `windowMs` locks the client out for `lockMs` (no attempt is
 * even checked meanwhile), doubling with every further lockout up to `maxLockMs`. A quiet day forgets it.
 */
export interface FailureThrottle {
  /** Seconds until the client may try again, or undefined when it may try now. */
  lockedFor(client: string, nowMs: number): number | undefined
  /** Records a failure; answers the lockout it started, if any, in seconds. */
  fail(client: string, nowMs: number): number | undefined
}

interface ClientFailures {
  windowStartMs: number
  count: number
  lockedUntilMs: number
  lockouts: number
  lastFailureMs: number
}

export const FAILURE_LIMITS = { limit: 10, windowMs: 60_000, lockMs: 60_000, maxLockMs: 60 * 60_000 }
const FORGET_AFTER_MS = 24 * 60 * 60_000

export function createFailureThrottle(limits = FAILURE_LIMITS, maxClients = 50_000): FailureThrottle {
  const clients = new Map<string, ClientFailures>()
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000))
  const sweep = (now: number) => {
    for (const [key, f] of clients) if (now - f.lastFailureMs > FORGET_AFTER_MS) clients.delete(key)
    if (clients.size >= maxClients) clients.delete(clients.keys().next().value!)
  }
  return {
    lockedFor(client, nowMs) {
      const f = clients.get(client)
      return f && f.lockedUntilMs > nowMs ? seconds(f.lockedUntilMs - nowMs) : undefined
    },
    fail(client, nowMs) {
      let f = clients.get(client)
      if (f && nowMs - f.lastFailureMs > FORGET_AFTER_MS) f = undefined
      if (!f) {
        if (clients.size >= maxClients) sweep(nowMs)
        f = { windowStartMs: nowMs, count: 0, lockedUntilMs: 0, lockouts: 0, lastFailureMs: nowMs }
        clients.set(client, f)
      }
      f.lastFailureMs = nowMs
      if (nowMs - f.windowStartMs >= limits.windowMs) {
        f.windowStartMs = nowMs
        f.count = 0
      }
      f.count++
      if (f.count < limits.limit) return undefined
      const lockMs = Math.min(limits.maxLockMs, limits.lockMs * 2 ** f.lockouts)
      f.lockouts++
      f.lockedUntilMs = nowMs + lockMs
      f.windowStartMs = f.lockedUntilMs
      f.count = 0
      return seconds(lockMs)
    },
  }
}
