import { z } from 'zod/mini'

/*
 * The BFF's answers about credits and people (POST /api/estimate, GET /api/spend, GET /api/me,
 * GET /api/renders/:id/lineage-total, and the 402s of a create), shared by the server and the browser.
 */

export const ESTIMATE_BASES = ['history', 'fitted', 'table', 'unknown'] as const

/**
 * How much a create would cost, and how sure that is: `history` is the median of past renders exactly like it
 * (model, duration, resolution, media inputs, audio); `fitted` scales the model's past renders at that
 * resolution by credits per second; `table` comes from a price list; `unknown` has no number. `samples` is how
 * many past renders the number rests on (0 for a table or unknown); `detail` says it in plain words.
 */
export const estimateSchema = z.object({
  credits: z.nullable(z.number()),
  basis: z.enum(ESTIMATE_BASES),
  samples: z.number(),
  detail: z.string(),
})
export type Estimate = z.infer<typeof estimateSchema>

/** Renders and credits of one day, model or person; credits are Cannon's billableCredits (none counts as 0). */
export const spendRowSchema = z.object({
  /** `YYYY-MM-DD` (UTC), a model id, or an author (null: renders nobody signed). */
  key: z.nullable(z.string()),
  renders: z.number(),
  credits: z.number(),
  succeededRenders: z.number(),
  succeededCredits: z.number(),
  failedRenders: z.number(),
  failedCredits: z.number(),
})
export type SpendRow = z.infer<typeof spendRowSchema>

/** GET /api/spend?from=YYYY-MM-DD&to=YYYY-MM-DD (both UTC days, inclusive): renders created in the range. */
export const spendSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: spendRowSchema,
  byDay: z.array(spendRowSchema),
  byModel: z.array(spendRowSchema),
  byAuthor: z.array(spendRowSchema),
})
export type Spend = z.infer<typeof spendSchema>

/**
 * GET /api/me: who the browser is. `named`: signed in with a person's own token (STUDIO_ACCESS_TOKENS), so
 * renders carry that name, verified. `shared` (STUDIO_ACCESS_TOKEN) or `open` (no token): renders carry the
 * name the browser sends in `x-studio-author`, marked self-declared; `author` echoes it when sent.
 */
export const meSchema = z.object({
  signIn: z.enum(['named', 'shared', 'open']),
  author: z.nullable(z.string()),
  authorVerified: z.boolean(),
})
export type Me = z.infer<typeof meSchema>

/** GET /api/renders/:id/lineage-total: the render and every render made from it (re-runs, variations, …). */
export const lineageTotalSchema = z.object({
  id: z.string(),
  renders: z.number(),
  credits: z.number(),
  /** Renders of the lineage not finished yet (their credits may still change). */
  unfinished: z.number(),
})
export type LineageTotal = z.infer<typeof lineageTotalSchema>

/** A 402 from a create: the studio's daily cap (`daily_cap`) or Cannon's balance (`insufficient_credits`). */
export const creditsRefusalSchema = z.object({
  error: z.object({
    code: z.enum(['daily_cap', 'insufficient_credits']),
    message: z.string(),
    credits: z.optional(
      z.object({
        /** daily_cap: today's (UTC) credits of finished renders, of unfinished ones, the cap and the estimate. */
        spent: z.optional(z.number()),
        reserved: z.optional(z.number()),
        cap: z.optional(z.number()),
        estimate: z.optional(z.nullable(z.number())),
        /** insufficient_credits, when Cannon says: the account's balance and what the render needed. */
        balance: z.optional(z.number()),
        asked: z.optional(z.number()),
      }),
    ),
  }),
})
export type CreditsRefusal = z.infer<typeof creditsRefusalSchema>
