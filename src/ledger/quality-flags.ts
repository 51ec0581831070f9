import type { QualityReport } from '@/catalog/quality-contract'
import type { Render } from '@/catalog/render-contract'
import type { Database } from './database'
import { firstRender, type RenderRow } from './render-row'

/**
 * Keeps what a sampler found in a kept take. Only the first report of each sampler version counts (two browsers
 * that check the same take at once write once), and only for a take that succeeded and has its copy kept.
 * Undefined when nothing was written: the take is not there, not kept, or already checked by this version.
 */
export async function recordQualityFlags(
  db: Database,
  id: string,
  report: QualityReport,
  nowMs: number = Date.now(),
): Promise<Render | undefined> {
  return firstRender(
    await db.query<RenderRow>(
      `UPDATE renders SET quality_flags = $2::jsonb, quality_sampler = $3::int, updated_at_ms = $4::bigint
       WHERE id = $1 AND status = 'succeeded' AND kept_video_url IS NOT NULL AND deleted_at_ms IS NULL
         AND (quality_sampler IS NULL OR quality_sampler < $3::int)
       RETURNING *`,
      [id, JSON.stringify(report.flags), report.sampler, nowMs],
    ),
  )
}
