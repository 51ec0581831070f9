import type { Database } from './database'

export interface SessionLimits {
  idleMs: number
  absoluteMs: number
}

/** Recording last use at most this often keeps a busy browser's polls from writing on every request. */
const TOUCH_EVERY_MS = 60_000

/** Who a session was signed in as: a named token's name, or null for the shared token. */
export interface SessionHolder {
  name: string | null
}

export async function createSession(db: Database, digest: string, nowMs: number, name: string | null = null) {
  await db.query(
    `INSERT INTO sessions (digest, created_at_ms, last_seen_ms, name) VALUES ($1, $2::bigint, $2::bigint, $3)
     ON CONFLICT (digest) DO NOTHING`,
    [digest, nowMs, name],
  )
}

/** Whose the session is, while it is alive (not idle too long, not too old); a live one counts as used now. */
export async function checkSession(
  db: Database,
  digest: string,
  nowMs: number,
  limits: SessionLimits,
): Promise<SessionHolder | undefined> {
  const [session] = await db.query<{ created_at_ms: number; last_seen_ms: number; name: string | null }>(
    'SELECT created_at_ms, last_seen_ms, name FROM sessions WHERE digest = $1',
    [digest],
  )
  if (!session) return undefined
  if (nowMs - session.last_seen_ms > limits.idleMs || nowMs - session.created_at_ms > limits.absoluteMs) {
    await endSession(db, digest)
    return undefined
  }
  if (nowMs - session.last_seen_ms >= TOUCH_EVERY_MS) {
    await db.query('UPDATE sessions SET last_seen_ms = $2::bigint WHERE digest = $1', [digest, nowMs])
  }
  return { name: session.name }
}

export async function endSession(db: Database, digest: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE digest = $1', [digest])
}

/** Drops sessions that can no longer be used. */
export async function pruneSessions(db: Database, nowMs: number, limits: SessionLimits): Promise<number> {
  const rows = await db.query<{ digest: string }>(
    `DELETE FROM sessions WHERE last_seen_ms < $1::bigint OR created_at_ms < $2::bigint RETURNING digest`,
    [nowMs - limits.idleMs, nowMs - limits.absoluteMs],
  )
  return rows.length
}
