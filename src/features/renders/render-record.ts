import { z } from 'zod/mini'
import { videoOutputSchema } from '@/catalog/api-contract'
import type { QualityFlag, Rating } from '@/catalog/quality-contract'
import type { Relation, StatusWord } from '@/catalog/render-contract'

/**
 * A render as the studio keeps it: written before its POST, updated by every poll. Fields added after the
 * first release are optional or defaulted, so records stored by an older studio still load.
 */
export const renderRecordSchema = z.object({
  localId: z.string().check(z.minLength(1)),
  idempotencyKey: z.string().check(z.minLength(1)),
  requestId: z.optional(z.string()),
  /** The exact `input` sent to video.generate. */
  input: z.catchall(z.object({ model: z.string(), prompt: z.string() }), z.unknown()),
  modeId: z.optional(z.string()),
  /** "submitting" until the 202 arrives; then Cannon's status. */
  status: z.string(),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
  pollAfterMs: z.optional(z.number()),
  acceptedAtMs: z.optional(z.number()),
  startedAtMs: z.optional(z.nullable(z.number())),
  completedAtMs: z.optional(z.nullable(z.number())),
  billableCredits: z.optional(z.nullable(z.number())),
  output: z.optional(z.nullable(videoOutputSchema)),
  errorMessage: z.optional(z.nullable(z.string())),
  favourite: z._default(z.boolean(), false),
  /** The render this one re-runs, varies, remixes or continues, and which of those it is. */
  parentId: z.optional(z.string()),
  /**
   * Kept as the ledger or this browser set it, and checked by the server when sent: the ledger's schemas
   * (catalog/render-contract) load with the gallery, not before the first paint.
   */
  relation: z.optional(z.string() as z.ZodMiniType<Relation>),
  /** Who made it, as the ledger says: a named token's name or a display name; absent until the ledger lists it. */
  author: z.optional(z.nullable(z.string())),
  /** False when the author's name is self-declared rather than a named token's. */
  authorVerified: z.optional(z.boolean()),
  /** Why the last send failed transiently; the record stays "submitting" and is sent again. */
  submitError: z.optional(z.string()),
  /** When this browser sends it again after `submitError` (absent: not on a timer, e.g. offline or given up). */
  retryAtMs: z.optional(z.number()),
  /** Why the last poll failed; cleared by the next answer. Shown as "Reconnecting". */
  pollError: z.optional(z.string()),
  /** Start of the 30-minute window after which an unfinished render is marked stale. */
  watchSinceMs: z.optional(z.number()),
  stale: z._default(z.boolean(), false),
  /** The studio's own copy of the take (a path on its origin): it outlives Cannon's link. */
  keptVideoUrl: z.optional(z.string()),
  /** Why the studio has no copy of the take yet: it plays from Cannon's link, which may expire. */
  keepError: z.optional(z.string()),
  /** A small JPEG data URL captured from the video, for URLs whose poster cannot be derived. */
  posterDataUrl: z.optional(z.string()),
  /**
   * Seen in a page of the ledger (GET /api/renders): the ledger owns it from then on. Absent on a render made
   * in this browser (or by version 1) until the ledger lists it.
   */
  synced: z.optional(z.boolean()),
  /** Deleted (soft, so Undo can bring it back): hidden everywhere. */
  deleted: z.optional(z.boolean()),
  /** A shoot-out's renders share one. */
  groupId: z.optional(z.string()),
  /** Pick or reject, as the ledger keeps it; absent when unrated. */
  rating: z.optional(z.string() as z.ZodMiniType<Rating>),
  /** What sampling the kept take found ([] clean); absent until it was checked. */
  qualityFlags: z.optional(z.array(z.unknown()) as z.ZodMiniType<QualityFlag[]>),
  /** The sampler version that checked it. */
  qualitySampler: z.optional(z.number()),
  /** How many of its comments are not resolved yet, as the ledger counts them. */
  openComments: z.optional(z.number()),
})
export type RenderRecord = z.infer<typeof renderRecordSchema>
export type AcceptedRender = RenderRecord & { requestId: string }

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
