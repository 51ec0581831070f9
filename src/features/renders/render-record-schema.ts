import { z } from 'zod/mini'
import { videoOutputSchema } from '@/catalog/api-contract'
import type { QualityFlag, Rating } from '@/catalog/quality-contract'
import type { Relation } from '@/catalog/render-contract'

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
