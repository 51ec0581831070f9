import type { Migration } from '../migrations'

export const newsMigration: Migration = {
  version: 11,
  name: 'news',
  statements: [
    // "Since you last looked": renders that ended after a moment, newest first.
    `CREATE INDEX renders_completed ON renders (completed_at_ms DESC, id DESC)
       WHERE completed_at_ms IS NOT NULL AND deleted_at_ms IS NULL`,
  ],
}
