import { z } from 'zod/mini'
import { renderSchema } from './render-contract'

/*
 * The BFF's answers that the gallery reads besides its pages (GET /api/people, GET /api/renders/timing), shared
 * by the server and the browser.
 */

/** GET /api/people: everyone who has made a render the gallery lists, by the name the ledger keeps. */
export const peopleSchema = z.object({
  people: z.array(
    z.object({
      name: z.string(),
      renders: z.number(),
      /** Some of their renders were made with their own token (STUDIO_ACCESS_TOKENS). */
      verified: z.boolean(),
      /** Some of their renders carry the name only as the browser gave it. */
      selfDeclared: z.boolean(),
    }),
  ),
})
export type People = z.infer<typeof peopleSchema>

/**
 * GET /api/renders/timing?model=&duration=: how long this studio's latest succeeded renders of that model and
 * duration took from create to finish (the median), and how many it rests on; `medianMs` null without history.
 */
export const renderTimingSchema = z.object({
  medianMs: z.nullable(z.number()),
  samples: z.number(),
})
export type RenderTiming = z.infer<typeof renderTimingSchema>

/** How many renders one lineage answer carries at most; a larger family says `truncated` (oldest kept). */
export const MAX_LINEAGE_RENDERS = 5000

/**
 * GET /api/renders/:id/lineage: the first render the id comes from (following parents up) and every render made
 * from it, oldest first, each once. Deleted renders are listed too (flagged): what was made from them still is.
 */
export const lineageTreeSchema = z.object({
  rootId: z.string(),
  renders: z.array(renderSchema),
  truncated: z.boolean(),
})
export type LineageTree = z.infer<typeof lineageTreeSchema>
