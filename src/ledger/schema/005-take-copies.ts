import type { Migration } from '../migrations'

export const takeCopiesMigration: Migration = {
  version: 5,
  name: 'take-copies',
  statements: [
    // Why the studio has no copy of a take yet, how often it tried, and when it tries again (NULL: at once).
    `ALTER TABLE renders ADD COLUMN keep_error text`,
    `ALTER TABLE renders ADD COLUMN keep_attempts integer NOT NULL DEFAULT 0`,
    `ALTER TABLE renders ADD COLUMN keep_after_ms bigint`,
    `CREATE INDEX renders_keep_due ON renders (keep_after_ms)
       WHERE status = 'succeeded' AND kept_video_url IS NULL AND deleted_at_ms IS NULL`,
  ],
}
