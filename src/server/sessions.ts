import { createHash, randomBytes } from 'node:crypto'
import type { Database } from '@/ledger/database'
import { createSession, endSession, pruneSessions, checkSession, type SessionHolder } from '@/ledger/session-store'

export type { SessionHolder }

/**
 * Signed-in browsers hold a random session id; the server keeps only its SHA-256, when it was made and last
 * used. A session ends at sign-out, after `idleMs` without a request, or `absoluteMs` after sign-in
 * (OWASP ASVS 3.3: 30 minutes idle, 12 hours in all).
 */
export interface SessionStore {
  /** A new session for `name` (a named token's; null for the shared one); the id is handed to the browser once. */
  create(nowMs: number, name?: string | null): Promise<string>
  /** Whose live session the id names, if it does; a valid one counts as activity. */
  check(id: string, nowMs: number): Promise<SessionHolder | undefined>
  end(id: string): Promise<void>
}

export const SESSION_LIMITS = { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 }

export const newSessionId = () => randomBytes(32).toString('base64url')
export const sessionDigest = (id: string) => createHash('sha256').update(id).digest('base64url')

/** One process's sessions; a restart signs everyone out (for a BFF mounted without a ledger). */
export function createMemorySessionStore(limits = SESSION_LIMITS, maxSessions = 10_000): SessionStore {
  const sessions = new Map<string, { createdAtMs: number; lastSeenMs: number; name: string | null }>()
  const expired = (s: { createdAtMs: number; lastSeenMs: number }, now: number) =>
    now - s.lastSeenMs > limits.idleMs || now - s.createdAtMs > limits.absoluteMs
  return {
    async create(nowMs, name = null) {
      if (sessions.size >= maxSessions) {
        for (const [digest, s] of sessions) if (expired(s, nowMs)) sessions.delete(digest)
        // Still full: the oldest sign-in makes room (Map keeps insertion order).
        if (sessions.size >= maxSessions) sessions.delete(sessions.keys().next().value!)
      }
      const id = newSessionId()
      sessions.set(sessionDigest(id), { createdAtMs: nowMs, lastSeenMs: nowMs, name })
      return id
    },
    async check(id, nowMs) {
      const digest = sessionDigest(id)
      const session = sessions.get(digest)
      if (!session) return undefined
      if (expired(session, nowMs)) {
        sessions.delete(digest)
        return undefined
      }
      session.lastSeenMs = nowMs
      return { name: session.name }
    },
    async end(id) {
      sessions.delete(sessionDigest(id))
    },
  }
}

/** Sessions in the ledger: they outlive a restart and every studio process on one Postgres shares them. */
export function createLedgerSessionStore(db: Database, limits = SESSION_LIMITS): SessionStore {
  let lastPrunedMs = 0
  return {
    async create(nowMs, name = null) {
      if (nowMs - lastPrunedMs > limits.idleMs) {
        lastPrunedMs = nowMs
        await pruneSessions(db, nowMs, limits)
      }
      const id = newSessionId()
      await createSession(db, sessionDigest(id), nowMs, name)
      return id
    },
    check: (id, nowMs) => checkSession(db, sessionDigest(id), nowMs, limits),
    end: (id) => endSession(db, sessionDigest(id)),
  }
}
