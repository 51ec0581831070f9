import { z } from 'zod'
import { videoOutputSchema } from '@/catalog/api-contract'

/**
 * A render as the studio keeps it: written before its POST, updated by every poll. Fields added after the
 * first release are optional or defaulted, so records stored by an older studio still load.
 */
export const renderRecordSchema = z.object({
  localId: z.string().min(1),
  idempotencyKey: z.string().min(1),
  requestId: z.string().optional(),
  /** The exact `input` sent to video.generate. */
  input: z.object({ model: z.string(), prompt: z.string() }).catchall(z.unknown()),
  modeId: z.string().optional(),
  /** "submitting" until the 202 arrives; then Cannon's status. */
  status: z.string(),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
  pollAfterMs: z.number().optional(),
  acceptedAtMs: z.number().optional(),
  startedAtMs: z.number().nullable().optional(),
  completedAtMs: z.number().nullable().optional(),
  billableCredits: z.number().nullable().optional(),
  output: videoOutputSchema.nullable().optional(),
  errorMessage: z.string().nullable().optional(),
  favourite: z.boolean().default(false),
  /** The render this one re-runs or varies. */
  parentId: z.string().optional(),
  /** Why the last send failed transiently; the record stays "submitting" and is sent again. */
  submitError: z.string().optional(),
  /** Why the last poll failed; cleared by the next answer. Shown as "Reconnecting". */
  pollError: z.string().optional(),
  /** Start of the 30-minute window after which an unfinished render is marked stale. */
  watchSinceMs: z.number().optional(),
  stale: z.boolean().default(false),
  /** A small JPEG data URL captured from the video, for URLs whose poster cannot be derived. */
  posterDataUrl: z.string().optional(),
})
export type RenderRecord = z.infer<typeof renderRecordSchema>
export type AcceptedRender = RenderRecord & { requestId: string }

export type StatusWord = 'Queued' | 'Processing' | 'Succeeded' | 'Failed'

export function statusWord(record: Pick<RenderRecord, 'status'>): StatusWord {
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

export function isUnfinished(record: Pick<RenderRecord, 'status'>): boolean {
  return record.status !== 'succeeded' && record.status !== 'failed'
}

export function isAccepted(record: RenderRecord): record is AcceptedRender {
  return record.requestId !== undefined
}

/** Whether a poller should follow this render now. */
export function needsPolling(record: RenderRecord): record is AcceptedRender {
  return isAccepted(record) && isUnfinished(record) && !record.stale
}
