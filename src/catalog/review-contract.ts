import { z } from 'zod/mini'
import { readable } from './wording'

/*
 * Comments pinned to a moment of a take, and the model scorecard: shared by the server (which checks what it
 * is sent) and the browser (which parses what it gets back).
 */

/** A comment is plain text (never HTML) of at most this many characters. */
export const MAX_COMMENT_CHARS = 2000
/** A comment may sit this far past the take's stated length: a container's real length differs by a frame or so. */
export const COMMENT_END_SLACK_MS = 500

/** POST /api/renders/:id/comments: the moment (ms from the take's start) and what is said about it. */
export const newCommentSchema = z.strictObject({
  atMs: z.int().check(z.minimum(0, 'atMs must be 0 or more')),
  text: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Write something to comment'),
      z.maxLength(MAX_COMMENT_CHARS, `A comment can be at most ${readable(MAX_COMMENT_CHARS)} characters`),
    ),
})
export type NewComment = z.infer<typeof newCommentSchema>

/** PATCH /api/comments/:id: resolve or reopen. */
export const commentPatchSchema = z.strictObject({ resolved: z.boolean() })

export const commentSchema = z.object({
  id: z.string(),
  renderId: z.string(),
  atMs: z.number(),
  text: z.string(),
  /** The signed-in person or the display name given; null when neither. */
  author: z.nullable(z.string()),
  authorVerified: z.boolean(),
  createdAtMs: z.number(),
  resolved: z.boolean(),
  resolvedBy: z.nullable(z.string()),
  resolvedAtMs: z.nullable(z.number()),
})
export type Comment = z.infer<typeof commentSchema>

/** GET /api/renders/:id/comments: the take's comments, by their moment in it. */
export const commentListSchema = z.object({ comments: z.array(commentSchema) })

/** The numbers of one model, or of one model, mode and duration (`mode` and `seconds` null on a model's total). */
export const scorecardRowSchema = z.object({
  model: z.string(),
  /** The catalog's mode id, decided by the media the renders carried; null on a model's total or when none fits. */
  mode: z.nullable(z.string()),
  /** The duration asked (seconds); null on a model's total or when none was asked. */
  seconds: z.nullable(z.number()),
  renders: z.number(),
  succeeded: z.number(),
  failed: z.number(),
  picks: z.number(),
  rejects: z.number(),
  /** Takes the quality check flagged. */
  flagged: z.number(),
  /** failed / (succeeded + failed); null before any render finished. */
  failureRate: z.nullable(z.number()),
  /** Median time from create to finish of the succeeded renders; null without one. */
  medianRenderMs: z.nullable(z.number()),
  credits: z.number(),
  /** All the credits spent for each pick; null without picks. */
  creditsPerPick: z.nullable(z.number()),
  /** All the credits spent for each second of picked take; null without picks. */
  creditsPerPickedSecond: z.nullable(z.number()),
})
export type ScorecardRow = z.infer<typeof scorecardRowSchema>

/** GET /api/models/scorecard?from=&to= (UTC days, both optional: the whole history up to today). */
export const scorecardSchema = z.object({
  from: z.nullable(z.string()),
  to: z.string(),
  models: z.array(scorecardRowSchema),
  rows: z.array(scorecardRowSchema),
})
export type Scorecard = z.infer<typeof scorecardSchema>

/** A model's team pick rate shows in the picker once this many of its takes are rated. */
export const PICK_RATE_MIN_RATED = 10

/** picks / (picks + rejects), once enough takes are rated; undefined before. */
export function pickRate(row: Pick<ScorecardRow, 'picks' | 'rejects'>): number | undefined {
  const rated = row.picks + row.rejects
  return rated >= PICK_RATE_MIN_RATED ? row.picks / rated : undefined
}

/** A model's share of picks among its rated takes, and how many takes are rated. */
export interface PickRate {
  rate: number
  rated: number
}

/** The models whose pick rate can be shown (enough takes rated), by model id. */
export function pickRates(scorecard: Pick<Scorecard, 'models'>): [string, PickRate][] {
  return scorecard.models.flatMap((row) => {
    const rate = pickRate(row)
    return rate === undefined ? [] : [[row.model, { rate, rated: row.picks + row.rejects }] as [string, PickRate]]
  })
}
