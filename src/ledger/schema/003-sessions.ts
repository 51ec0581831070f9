import type { Migration } from '../migrations'

export const sessionsMigration: Migration = {
  version: 3,
  name: 'sessions',
  statements: [
    // Only the SHA-256 of a session id is kept: a copy of the database signs nobody in.
    `CREATE TABLE sessions (
      digest text PRIMARY KEY,
      created_at_ms bigint NOT NULL,
      last_seen_ms bigint NOT NULL
    )`,
    `CREATE INDEX sessions_last_seen ON sessions (last_seen_ms)`,
  ],
}
