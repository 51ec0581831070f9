import type { Migration } from '../migrations'

export const modelRefusalsMigration: Migration = {
  version: 6,
  name: 'model-refusals',
  statements: [
    // Cannon's latest refusal of each model (it named the model or one of its values): shown to every
    // creative on that model until a render of it succeeds after it.
    `CREATE TABLE model_refusals (
      model text PRIMARY KEY,
      field text,
      message text NOT NULL,
      refused_at_ms bigint NOT NULL
    )`,
  ],
}
