import type { Migration } from '../migrations'

export const qualityAndRatingsMigration: Migration = {
  version: 7,
  name: 'quality flags and ratings',
  statements: [
    `ALTER TABLE renders ADD COLUMN rating text CHECK (rating IN ('pick', 'reject'))`,
    // What the browser's sampler found in the kept take ([] clean, NULL not checked yet), and which version of it.
    `ALTER TABLE renders ADD COLUMN quality_flags jsonb`,
    `ALTER TABLE renders ADD COLUMN quality_sampler integer`,
    `CREATE INDEX renders_flagged ON renders (created_at_ms DESC, id DESC)
       WHERE jsonb_array_length(quality_flags) > 0 AND deleted_at_ms IS NULL`,
    `CREATE INDEX renders_by_rating ON renders (rating, created_at_ms DESC, id DESC) WHERE deleted_at_ms IS NULL`,
  ],
}
