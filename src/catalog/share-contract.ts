import { z } from 'zod/mini'
import { AUTHOR_NAME } from './author-name'
import { ratingSchema } from './quality-contract'
import { newCommentSchema } from './review-contract'

/*
 * Share links: what the studio sends to make one, what it lists, and what the review page behind a link reads.
 * The review page is its own entry: it imports this, never the studio's composer or gallery.
 */

export const SHARE_KINDS = ['render', 'group', 'compare', 'sequence'] as const
export type ShareKind = (typeof SHARE_KINDS)[number]

/**
 * How many ids each kind of link holds: one take; a compare of 2–4; a group of 2–100 takes; one sequence (whose
 * shots' active takes the link shows, as they are when it is opened).
 */
export const SHARE_SIZES: Record<ShareKind, { min: number; max: number }> = {
  render: { min: 1, max: 1 },
  compare: { min: 2, max: 4 },
  group: { min: 2, max: 100 },
  sequence: { min: 1, max: 1 },
}
export const DEFAULT_SHARE_DAYS = 7
export const MAX_SHARE_DAYS = 90

const idSchema = z.string().check(z.minLength(1), z.maxLength(100))

/** POST /api/shares. */
export const shareRequestSchema = z.strictObject({
  kind: z.enum(SHARE_KINDS),
  ids: z.array(idSchema).check(z.minLength(1), z.maxLength(100)),
  expiresInDays: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_SHARE_DAYS))),
})
export type ShareRequest = z.infer<typeof shareRequestSchema>

/** A link as the studio lists it (never its secret: only whoever made it saw the whole link, once). */
export const shareSchema = z.object({
  id: z.string(),
  kind: z.enum(SHARE_KINDS),
  ids: z.array(z.string()),
  /** The first shared take's prompt, so the list says what each link shows. */
  title: z.string(),
  createdBy: z.nullable(z.string()),
  createdAtMs: z.number(),
  expiresAtMs: z.number(),
  revokedAtMs: z.nullable(z.number()),
  views: z.number(),
  lastViewedAtMs: z.nullable(z.number()),
  /** The names reviewers typed when they commented through the link. */
  commenters: z.array(z.string()),
  /** Reviewers' picks and rejects through the link (the team's own ratings are not touched). */
  picks: z.number(),
  rejects: z.number(),
})
export type Share = z.infer<typeof shareSchema>

export const createdShareSchema = z.object({ share: shareSchema, url: z.string(), expiresAt: z.string() })
export const sharesListSchema = z.object({ items: z.array(shareSchema) })

/** A take as a reviewer sees it: what it is and how to play it, nothing of the studio's bookkeeping. */
export const reviewTakeSchema = z.object({
  id: z.string(),
  prompt: z.string(),
  modelName: z.string(),
  status: z.string(),
  videoUrl: z.nullable(z.string()),
  /** The request's fields besides the prompt (duration, ratio, seed, …), for a compare's differences. */
  settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  /** The reviewers' pick or reject through this link (not the team's rating). */
  rating: z.nullable(ratingSchema),
  createdAtMs: z.number(),
})
export type ReviewTake = z.infer<typeof reviewTakeSchema>

/** A shot of a shared sequence: which of the link's takes plays, from where to where. */
export const reviewShotSchema = z.object({ takeId: z.string(), inMs: z.number(), outMs: z.number() })
export type ReviewShot = z.infer<typeof reviewShotSchema>

/** GET /api/s/<token>: what one link shows. */
export const reviewSchema = z.object({
  kind: z.enum(SHARE_KINDS),
  title: z.string(),
  expiresAtMs: z.number(),
  takes: z.array(reviewTakeSchema),
  /** A sequence's cut, in order (only on a sequence's link). */
  shots: z.optional(z.array(reviewShotSchema)),
})
export type Review = z.infer<typeof reviewSchema>

/** PATCH /api/s/<token>/renders/<id>: a reviewer picks or rejects a take (null clears it). */
export const reviewRatingSchema = z.strictObject({ rating: z.nullable(ratingSchema) })

/** POST /api/s/<token>/renders/<id>/comments: a reviewer's comment at a moment, under the name they type. */
export const reviewerCommentSchema = z.strictObject({
  ...newCommentSchema.shape,
  name: z.string().check(z.trim(), z.regex(AUTHOR_NAME, "Your name: 1–40 letters, digits, spaces or . ' _ -")),
})

/** How a reviewer's comment is signed for the team: the name they typed, marked as coming through a link. */
export const reviewerAuthor = (name: string) => `${name} (review link)`

/** Where a link's review page and its API live: /s/<token>, /api/s/<token>/… */
export const REVIEW_PAGE_PREFIX = '/s/'
export const REVIEW_API_PREFIX = '/api/s/'
