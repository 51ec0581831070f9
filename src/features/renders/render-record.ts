import { z } from 'zod'
import { videoOutputSchema } from '@/catalog/api-contract'

/** A render as the studio keeps it: written before its POST, updated by every poll. */
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
  parentId: z.string().optional(),
})
export type RenderRecord = z.infer<typeof renderRecordSchema>

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

export function isUnfinished(record: RenderRecord): boolean {
  return record.status !== 'succeeded' && record.status !== 'failed'
}
