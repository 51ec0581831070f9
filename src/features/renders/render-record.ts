import type { StatusWord } from '@/catalog/render-contract'
import type { AcceptedRender, RenderRecord } from './render-record-schema'

export type { AcceptedRender, RenderRecord }

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const optional = (v: unknown, type: 'string' | 'number') => v === undefined || v === null || typeof v === type

/**
 * A cheap check that a stored value is a record as this studio writes it (defaults present, the fields the
 * gallery reads well typed). Loading 10,000 renders through zod costs about 70 ms before the first paint
 * (zod cannot compile its checks under the studio's CSP), so values that pass are taken as they are and
 * only the others go through renderRecordSchema.
 */
export function isCurrentRecord(v: unknown): v is RenderRecord {
  if (!isRecord(v) || !isRecord(v.input)) return false
  const output = v.output
  return (
    typeof v.localId === 'string' &&
    v.localId !== '' &&
    typeof v.idempotencyKey === 'string' &&
    v.idempotencyKey !== '' &&
    typeof v.input.model === 'string' &&
    typeof v.input.prompt === 'string' &&
    typeof v.status === 'string' &&
    typeof v.createdAtMs === 'number' &&
    typeof v.updatedAtMs === 'number' &&
    typeof v.favourite === 'boolean' &&
    typeof v.stale === 'boolean' &&
    (v.requestId === undefined || typeof v.requestId === 'string') &&
    (v.synced === undefined || typeof v.synced === 'boolean') &&
    (v.deleted === undefined || typeof v.deleted === 'boolean') &&
    (v.keptVideoUrl === undefined || typeof v.keptVideoUrl === 'string') &&
    (v.keepError === undefined || typeof v.keepError === 'string') &&
    (v.rating === undefined || typeof v.rating === 'string') &&
    (v.qualityFlags === undefined || Array.isArray(v.qualityFlags)) &&
    optional(v.errorMessage, 'string') &&
    optional(v.billableCredits, 'number') &&
    (output === undefined ||
      output === null ||
      (isRecord(output) && (output.video_url === undefined || typeof output.video_url === 'string')))
  )
}

export type { StatusWord } from '@/catalog/render-contract'

/** Not yet accepted by Cannon, and held back for a reason (which `submitError` gives). */
export function isWaiting(record: Pick<RenderRecord, 'status' | 'submitError'>): boolean {
  return record.status === 'submitting' && record.submitError !== undefined
}

export function statusWord(record: Pick<RenderRecord, 'status' | 'submitError'>): StatusWord {
  if (isWaiting(record)) return 'Waiting'
  switch (record.status) {
    case 'succeeded':
      return 'Succeeded'
    case 'failed':
      return 'Failed'
    case 'processing':
      return 'Processing'
    default:
      return 'Queued'
  }
}

/** A finished take, not deleted: what a review link can share (the ledger has it under the same id). */
export function isShareable(record: Pick<RenderRecord, 'status' | 'deleted'>): boolean {
  return record.status === 'succeeded' && !record.deleted
}

export function isUnfinished(record: Pick<RenderRecord, 'status'>): boolean {
  return record.status !== 'succeeded' && record.status !== 'failed'
}

/** Where the take plays and downloads from: the studio's kept copy when there is one, else Cannon's link. */
export function videoUrlOf(record: Pick<RenderRecord, 'keptVideoUrl' | 'output'>): string | undefined {
  return record.keptVideoUrl ?? record.output?.video_url
}

/** The take's length in seconds: what the finished take says it is, else what was asked. */
export function durationOf(record: Pick<RenderRecord, 'input' | 'output'>): number | undefined {
  if (typeof record.output?.duration === 'number') return record.output.duration
  return typeof record.input.duration === 'number' ? record.input.duration : undefined
}

/** How long after a take succeeds the studio is expected to have kept its copy (the ledger then says where). */
const KEEPING_WINDOW_MS = 60_000

/** A take that succeeded moments ago and whose kept copy (or why there is none) the ledger has not said yet. */
export function isAwaitingCopy(record: RenderRecord, nowMs: number): boolean {
  return (
    record.status === 'succeeded' &&
    !record.keptVideoUrl &&
    !record.keepError &&
    nowMs - (record.completedAtMs ?? record.updatedAtMs) < KEEPING_WINDOW_MS
  )
}

/** What to say of a take the studio has no copy of, when keeping one failed. */
export function keepNotice(record: Pick<RenderRecord, 'status' | 'keptVideoUrl' | 'keepError'>): string | undefined {
  if (record.status !== 'succeeded' || record.keptVideoUrl || !record.keepError) return undefined
  return `No copy kept (${record.keepError}): this plays from Cannon’s link, which may expire.`
}

export function isAccepted(record: RenderRecord): record is AcceptedRender {
  return record.requestId !== undefined
}

/** Whether a poller should follow this render now. */
export function needsPolling(record: RenderRecord): record is AcceptedRender {
  return isAccepted(record) && isUnfinished(record) && !record.stale && !record.deleted
}
