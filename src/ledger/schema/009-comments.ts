import type { Migration } from '../migrations'

export const commentsMigration: Migration = {
  version: 9,
  name: 'comments',
  statements: [
    `CREATE TABLE comments (
      id text PRIMARY KEY,
      render_id text NOT NULL REFERENCES renders (id) ON DELETE CASCADE,
      at_ms integer NOT NULL CHECK (at_ms >= 0),
      text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
      author text,
      author_verified boolean NOT NULL DEFAULT false,
      created_at_ms bigint NOT NULL,
      resolved_at_ms bigint,
      resolved_by text
    )`,
    `CREATE INDEX comments_by_render ON comments (render_id, at_ms, created_at_ms)`,
    // Kept beside the render (under its row lock) so the gallery's pages and its filter read no other table.
    `ALTER TABLE renders ADD COLUMN open_comments integer NOT NULL DEFAULT 0`,
    `CREATE INDEX renders_commented ON renders (created_at_ms DESC, id DESC)
       WHERE open_comments > 0 AND deleted_at_ms IS NULL`,
  ],
}
