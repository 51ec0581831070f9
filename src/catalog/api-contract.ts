import { z } from 'zod/mini'

/*
 * Cannon's documented response shapes (cannon-api.md §1–2), parsed at every edge: the BFF checks what the
 * upstream sends, the browser checks what the BFF relays. Unknown extra keys are tolerated (Cannon may add
 * fields); missing or mistyped documented ones are not.
 */

export const acceptedSchema = z.object({
  id: z.string().check(z.minLength(1)),
  status: z.string(),
  operation: z.string(),
  poll_after_ms: z.number().check(z.nonnegative()),
  urls: z.optional(z.object({ get: z.string() })),
})
export type Accepted = z.infer<typeof acceptedSchema>

export const videoOutputSchema = z.object({
  task_id: z.optional(z.string()),
  asset_type: z.optional(z.string()),
  status: z.optional(z.string()),
  video_url: z.optional(z.string()),
  provider: z.optional(z.string()),
  model: z.optional(z.string()),
  duration: z.optional(z.number()),
  aspect_ratio: z.optional(z.string()),
  enhancedPrompt: z.optional(z.string()),
})

export const requestObjectSchema = z.object({
  id: z.string().check(z.minLength(1)),
  operation: z.string(),
  /** Unknown statuses are kept as they are and treated as not terminal (cannon-api.md §2). */
  status: z.string(),
  billableCredits: z.optional(z.nullable(z.number())),
  createdAtMs: z.optional(z.nullable(z.number())),
  startedAtMs: z.optional(z.nullable(z.number())),
  completedAtMs: z.optional(z.nullable(z.number())),
  errorMessage: z.optional(z.nullable(z.string())),
  output: z.optional(z.nullable(videoOutputSchema)),
})
export type RequestObject = z.infer<typeof requestObjectSchema>

export const upstreamStatusSchema = z.object({
  ok: z.boolean(),
  creditsRemaining: z.optional(z.number()),
  credits: z.optional(z.object({ remaining: z.number() })),
  account: z.optional(z.object({ plan: z.optional(z.string()) })),
})
export type UpstreamStatus = z.infer<typeof upstreamStatusSchema>

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.optional(z.string()) }),
})

export function isTerminal(status: string): status is 'succeeded' | 'failed' {
  return status === 'succeeded' || status === 'failed'
}
