import { z } from 'zod'

/*
 * Cannon's documented response shapes (cannon-api.md §1–2), parsed at every edge: the BFF checks what the
 * upstream sends, the browser checks what the BFF relays. Unknown extra keys are tolerated (Cannon may add
 * fields); missing or mistyped documented ones are not.
 */

export const REQUEST_STATUSES = ['queued', 'processing', 'succeeded', 'failed'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]
export const TERMINAL_STATUSES: readonly RequestStatus[] = ['succeeded', 'failed']

export const acceptedSchema = z.object({
  id: z.string().min(1),
  status: z.string(),
  operation: z.string(),
  poll_after_ms: z.number().nonnegative(),
  urls: z.object({ get: z.string() }).optional(),
})
export type Accepted = z.infer<typeof acceptedSchema>

export const videoOutputSchema = z.object({
  task_id: z.string().optional(),
  asset_type: z.string().optional(),
  status: z.string().optional(),
  video_url: z.string().optional(),
  provider: z.string().optional(),
  model: z.string().optional(),
  duration: z.number().optional(),
  aspect_ratio: z.string().optional(),
  enhancedPrompt: z.string().optional(),
})

export const requestObjectSchema = z.object({
  id: z.string().min(1),
  operation: z.string(),
  /** Unknown statuses are kept as they are and treated as not terminal (cannon-api.md §2). */
  status: z.string(),
  billableCredits: z.number().nullable().optional(),
  createdAtMs: z.number().nullable().optional(),
  startedAtMs: z.number().nullable().optional(),
  completedAtMs: z.number().nullable().optional(),
  errorMessage: z.string().nullable().optional(),
  output: videoOutputSchema.nullable().optional(),
})
export type RequestObject = z.infer<typeof requestObjectSchema>

export const upstreamStatusSchema = z.object({
  ok: z.boolean(),
  creditsRemaining: z.number().optional(),
  credits: z.object({ remaining: z.number() }).optional(),
  account: z.object({ plan: z.string().optional() }).optional(),
})
export type UpstreamStatus = z.infer<typeof upstreamStatusSchema>

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
})
export type ErrorBody = z.infer<typeof errorBodySchema>

export function isTerminal(status: string): status is 'succeeded' | 'failed' {
  return status === 'succeeded' || status === 'failed'
}
