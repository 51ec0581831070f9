import type { ModelRefusal } from '@/catalog/fidelity-contract'
import type { Database } from './database'

/** Keeps Cannon's refusal as the model's latest (one row per model). */
export async function recordModelRefusal(db: Database, refusal: ModelRefusal): Promise<void> {
  await db.query(
    `INSERT INTO model_refusals (model, field, message, refused_at_ms) VALUES ($1, $2, $3, $4::bigint)
     ON CONFLICT (model) DO UPDATE SET field = EXCLUDED.field, message = EXCLUDED.message,
       refused_at_ms = EXCLUDED.refused_at_ms`,
    [refusal.model, refusal.field, refusal.message, refusal.atMs],
  )
}

/** Each model's latest refusal, unless a render of that model has succeeded since. */
export async function activeModelRefusals(db: Database): Promise<ModelRefusal[]> {
  return db.query<ModelRefusal>(
    `SELECT r.model, r.field, r.message, r.refused_at_ms AS "atMs" FROM model_refusals r
     WHERE NOT EXISTS (
       SELECT 1 FROM renders d WHERE d.model = r.model AND d.status = 'succeeded'
         AND coalesce(d.completed_at_ms, d.updated_at_ms) > r.refused_at_ms)
     ORDER BY r.model`,
  )
}
