import type { Migration } from '../migrations'

export const rateWindowsMigration: Migration = {
  version: 2,
  name: 'rate windows',
  statements: [
    // expires_at_ms lets one sweep drop every spent window whatever its length.
    `CREATE TABLE rate_windows (
      key text PRIMARY KEY,
      window_start_ms bigint NOT NULL,
      expires_at_ms bigint NOT NULL,
      count integer NOT NULL
    )`,
    `CREATE INDEX rate_windows_expiry ON rate_windows (expires_at_ms)`,
  ],
}
