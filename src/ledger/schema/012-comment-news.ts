import type { Migration } from '../migrations'

export const commentNewsMigration: Migration = {
  version: 12,
  name: 'comment-news',
  statements: [
    // "Since you last looked": comments written after a moment, newest first.
    `CREATE INDEX comments_by_time ON comments (created_at_ms DESC, id DESC)`,
  ],
}
