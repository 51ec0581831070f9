import type { Migration } from '../migrations'

export const sequencesMigration: Migration = {
  version: 8,
  name: 'sequences',
  statements: [
    // The shots are one JSON list, so a whole-list edit is one row written under one version check.
    `CREATE TABLE sequences (
      id text PRIMARY KEY,
      name text NOT NULL,
      version integer NOT NULL DEFAULT 1,
      shots jsonb NOT NULL DEFAULT '[]'::jsonb,
      created_at_ms bigint NOT NULL,
      updated_at_ms bigint NOT NULL
    )`,
    `CREATE INDEX sequences_recent ON sequences (updated_at_ms DESC, id DESC)`,
    // Which sequences hold a take (shots @> '[{"takeIds": [id]}]'): where a re-run or a Use last frame joins.
    `CREATE INDEX sequences_takes ON sequences USING gin (shots jsonb_path_ops)`,
  ],
}
