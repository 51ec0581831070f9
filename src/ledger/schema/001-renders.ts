import type { Migration } from '../migrations'

/** Unfinished, followed work: the predicate of the sweeper's index, repeated verbatim by its queries. */
export const DUE_PREDICATE = `status NOT IN ('succeeded', 'failed') AND NOT stale AND deleted_at_ms IS NULL`

export const rendersMigration: Migration = {
  version: 1,
  name: 'renders',
  statements: [
    `CREATE TABLE renders (
      id text PRIMARY KEY,
      idempotency_key text NOT NULL UNIQUE,
      request_id text UNIQUE,
      operation text NOT NULL DEFAULT 'video.generate',
      input jsonb NOT NULL,
      model text NOT NULL,
      prompt text NOT NULL,
      create_body text NOT NULL,
      author text,
      parent_id text,
      relation text CHECK (relation IN ('rerun', 'variation', 'remix', 'continue', 'shootout', 'last-frame')),
      group_id text,
      status text NOT NULL,
      stale boolean NOT NULL DEFAULT false,
      billable_credits double precision,
      created_at_ms bigint NOT NULL,
      updated_at_ms bigint NOT NULL,
      accepted_at_ms bigint,
      started_at_ms bigint,
      completed_at_ms bigint,
      error_message text,
      submit_error text,
      poll_error text,
      output jsonb,
      poll_after_ms integer,
      next_poll_at_ms bigint,
      poll_failures integer NOT NULL DEFAULT 0,
      watch_since_ms bigint,
      lease_owner text,
      lease_until_ms bigint,
      favourite boolean NOT NULL DEFAULT false,
      deleted_at_ms bigint,
      kept_video_url text,
      webhook_token text UNIQUE
    )`,
    // The gallery: newest first, alone or with one filter; each index ends in the keyset (created_at_ms, id).
    `CREATE INDEX renders_newest ON renders (created_at_ms DESC, id DESC) WHERE deleted_at_ms IS NULL`,
    `CREATE INDEX renders_by_status ON renders (status, created_at_ms DESC, id DESC) WHERE deleted_at_ms IS NULL`,
    `CREATE INDEX renders_by_model ON renders (model, created_at_ms DESC, id DESC) WHERE deleted_at_ms IS NULL`,
    `CREATE INDEX renders_by_author ON renders (author, created_at_ms DESC, id DESC) WHERE deleted_at_ms IS NULL`,
    `CREATE INDEX renders_favourites ON renders (created_at_ms DESC, id DESC)
      WHERE favourite AND deleted_at_ms IS NULL`,
    `CREATE INDEX renders_stale ON renders (created_at_ms DESC, id DESC) WHERE stale AND deleted_at_ms IS NULL`,
    `CREATE INDEX renders_group ON renders (group_id) WHERE group_id IS NOT NULL`,
    `CREATE INDEX renders_parent ON renders (parent_id) WHERE parent_id IS NOT NULL`,
    // The sweeper's due work: small (only unfinished renders), ordered by when each is due.
    `CREATE INDEX renders_due ON renders (next_poll_at_ms) WHERE ${DUE_PREDICATE}`,
    // Prompt search (ILIKE '%term%') through trigrams. pg_trgm is a trusted extension (a database owner may
    // create it) and ships with PGlite and Debian's postgresql; where a server lacks it, search still works,
    // scanning instead of using the index.
    `DO $$
    BEGIN
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE 'pg_trgm is not available (%): prompt search works without its index', SQLERRM;
    END
    $$`,
    `DO $$
    BEGIN
      IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX renders_prompt_trgm ON renders USING gin (prompt gin_trgm_ops);
      END IF;
    END
    $$`,
  ],
}
