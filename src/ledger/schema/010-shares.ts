import type { Migration } from '../migrations'

export const sharesMigration: Migration = {
  version: 10,
  name: 'shares',
  statements: [
    // A link to some takes for people outside the studio. Only a hash of the link's secret is kept; the id is the
    // link's public half, by which it is found before the secret is compared.
    `CREATE TABLE shares (
      id text PRIMARY KEY,
      secret_hash text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('render', 'group', 'compare', 'sequence')),
      target_ids jsonb NOT NULL,
      title text NOT NULL,
      created_by text,
      created_at_ms bigint NOT NULL,
      expires_at_ms bigint NOT NULL,
      revoked_at_ms bigint,
      views integer NOT NULL DEFAULT 0,
      last_viewed_at_ms bigint,
      commenters jsonb NOT NULL DEFAULT '[]'
    )`,
    `CREATE INDEX shares_newest ON shares (created_at_ms DESC, id DESC)`,
    // Reviewers' picks and rejects through a link: kept apart from the team's own rating of the take.
    `CREATE TABLE share_ratings (
      share_id text NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
      render_id text NOT NULL,
      rating text NOT NULL CHECK (rating IN ('pick', 'reject')),
      rated_at_ms bigint NOT NULL,
      PRIMARY KEY (share_id, render_id)
    )`,
  ],
}
