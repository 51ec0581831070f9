import type { QualityFlag, Rating } from '@/catalog/quality-contract'
import type { Relation, Render } from '@/catalog/render-contract'

/** A `renders` row as both engines return it (bigint as number, jsonb parsed). */
export interface RenderRow {
  id: string
  idempotency_key: string
  request_id: string | null
  operation: string
  input: Render['input']
  model: string
  prompt: string
  create_body: string
  author: string | null
  author_verified: boolean
  parent_id: string | null
  relation: Relation | null
  group_id: string | null
  status: string
  stale: boolean
  billable_credits: number | null
  created_at_ms: number
  updated_at_ms: number
  accepted_at_ms: number | null
  started_at_ms: number | null
  completed_at_ms: number | null
  error_message: string | null
  submit_error: string | null
  poll_error: string | null
  output: Render['output']
  poll_after_ms: number | null
  next_poll_at_ms: number | null
  poll_failures: number
  watch_since_ms: number | null
  lease_owner: string | null
  lease_until_ms: number | null
  favourite: boolean
  deleted_at_ms: number | null
  kept_video_url: string | null
  keep_error: string | null
  keep_attempts: number
  keep_after_ms: number | null
  webhook_token: string | null
  rating: Rating | null
  quality_flags: QualityFlag[] | null
  quality_sampler: number | null
  open_comments: number
}

/** The SQL list of a finished render's statuses (Cannon's terminal words). */
export const TERMINAL = `('succeeded', 'failed')`

export function rowToRender(row: RenderRow): Render {
  return {
    id: row.id,
    requestId: row.request_id,
    status: row.status,
    operation: row.operation,
    billableCredits: row.billable_credits,
    createdAtMs: row.created_at_ms,
    startedAtMs: row.started_at_ms,
    completedAtMs: row.completed_at_ms,
    errorMessage: row.error_message,
    output: row.output,
    input: row.input,
    idempotencyKey: row.idempotency_key,
    author: row.author,
    authorVerified: row.author_verified,
    parentId: row.parent_id,
    relation: row.relation,
    groupId: row.group_id,
    favourite: row.favourite,
    stale: row.stale,
    keptVideoUrl: row.kept_video_url,
    keepError: row.keep_error,
    deleted: row.deleted_at_ms !== null,
    submitError: row.submit_error,
    pollError: row.poll_error,
    pollAfterMs: row.poll_after_ms,
    updatedAtMs: row.updated_at_ms,
    rating: row.rating ?? null,
    qualityFlags: row.quality_flags ?? null,
    qualitySampler: row.quality_sampler ?? null,
    openComments: row.open_comments ?? 0,
  }
}

/** The first row as a Render, or undefined when there is none. */
export function firstRender(rows: RenderRow[]): Render | undefined {
  const [row] = rows
  return row ? rowToRender(row) : undefined
}
