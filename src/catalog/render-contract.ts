import { z } from 'zod/mini'
import { videoOutputSchema } from './api-contract'
import { qualityFlagSchema, ratingSchema } from './quality-contract'

/*
 * A render as the studio's ledger keeps it and `GET /api/renders` answers it: Cannon's request object
 * (camelCase, as Cannon writes it) plus the studio's own fields. The browser parses BFF answers with these.
 */

export const RELATIONS = ['rerun', 'variation', 'remix', 'continue', 'shootout', 'last-frame'] as const
export const relationSchema = z.enum(RELATIONS)
export type Relation = z.infer<typeof relationSchema>

/**
 * How a render's state is shown to creatives, one word each. `Waiting`: not accepted by Cannon yet, and held
 * back (a 429 to wait out, no connection, upstream trouble), with its reason beside it.
 */
export type StatusWord = 'Waiting' | 'Queued' | 'Processing' | 'Succeeded' | 'Failed'

/** The words the gallery filters by; any other status is Cannon's own word, matched as it is. */
export const STATUS_FILTERS = ['submitting', 'queued', 'processing', 'succeeded', 'failed', 'stale'] as const

export const renderSchema = z.object({
  id: z.string().check(z.minLength(1)),
  /** Cannon's request id; null until Cannon accepted the create. */
  requestId: z.nullable(z.string()),
  /** 'submitting' until Cannon accepted it, then Cannon's status word. */
  status: z.string(),
  operation: z.string(),
  billableCredits: z.nullable(z.number()),
  createdAtMs: z.number(),
  startedAtMs: z.nullable(z.number()),
  completedAtMs: z.nullable(z.number()),
  errorMessage: z.nullable(z.string()),
  output: z.nullable(videoOutputSchema),
  /** The request's `input` as sent (model, prompt and the model's fields). */
  input: z.looseObject({ model: z.string(), prompt: z.string() }),
  idempotencyKey: z.string().check(z.minLength(1)),
  /** Who made it: a named token's name, or the name the browser sent (`x-studio-author`); null when neither. */
  author: z.nullable(z.string()),
  /** True when the author signed in with their own token (STUDIO_ACCESS_TOKENS); false when self-declared. */
  authorVerified: z.boolean(),
  parentId: z.nullable(z.string()),
  relation: z.nullable(relationSchema),
  groupId: z.nullable(z.string()),
  favourite: z.boolean(),
  /** Followed for 30 minutes without an end: no longer polled until someone asks to check it again. */
  stale: z.boolean(),
  keptVideoUrl: z.nullable(z.string()),
  /** Why the studio has no copy of the take (it plays from Cannon's link meanwhile); retried while it may pass. */
  keepError: z.optional(z.nullable(z.string())),
  deleted: z.boolean(),
  /** Why the last attempt to send the create failed (it is sent again later). */
  submitError: z.nullable(z.string()),
  /** Why the last refresh from Cannon failed (it is tried again later). */
  pollError: z.nullable(z.string()),
  pollAfterMs: z.nullable(z.number()),
  updatedAtMs: z.number(),
  /** Pick or reject; null when unrated. */
  rating: z.optional(z.nullable(ratingSchema)),
  /** What sampling the kept take found: [] once checked and clean, null before. */
  qualityFlags: z.optional(z.nullable(z.array(qualityFlagSchema))),
  /** The sampler version that checked it (QUALITY_SAMPLER); null before. */
  qualitySampler: z.optional(z.nullable(z.number())),
  /** How many of its comments are not resolved yet. */
  openComments: z.optional(z.number()),
})
export type Render = z.infer<typeof renderSchema>

export const rendersPageSchema = z.object({
  items: z.array(renderSchema),
  next_cursor: z.nullable(z.string()),
})
export type RendersPage = z.infer<typeof rendersPageSchema>
