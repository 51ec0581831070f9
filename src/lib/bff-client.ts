import { z } from 'zod/mini'
import { catalogSchema, type Catalog } from '@/catalog/catalog-schema'
import {
  acceptedSchema,
  errorBodySchema,
  requestObjectSchema,
  upstreamStatusSchema,
  type Accepted,
  type RequestObject,
  type UpstreamStatus,
} from '@/catalog/api-contract'
import { creditsRefusalSchema, estimateSchema, type Estimate } from '@/catalog/credits-contract'
import { fidelitySchema, type Fidelity } from '@/catalog/fidelity-contract'
import type { Relation } from '@/catalog/render-contract'
import type { CreateRequestBody } from '@/catalog/request-schema'
import { ApiError, networkError } from './api-error'
import { authorHeaders } from './display-name'
import { readable } from '@/catalog/wording'

export { ApiError }

function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get('retry-after')
  if (!header) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now())
}

/** A 402's message, with Cannon's balance and what the render needed where Cannon said them. */
export function creditsRefusalMessage(body: unknown): string {
  const parsed = creditsRefusalSchema.safeParse(body)
  if (!parsed.success) return 'The render was refused for credits'
  const { message, credits } = parsed.data.error
  const known = [
    credits?.balance === undefined ? '' : `balance ${readable(credits.balance)} credits`,
    credits?.asked === undefined ? '' : `this render needs ${readable(credits.asked)}`,
  ].filter(Boolean)
  return known.length > 0 ? `${message} (${known.join('; ')})` : message
}

/**
 * A BFF call whose reply, error or not, is parsed here: `schema` for a success, Cannon's error shape otherwise.
 * `anonymous` leaves out the studio's display name (a review link's page speaks for a reviewer, not for it).
 */
export async function call<T>(
  path: string,
  schema: z.ZodMiniType<T>,
  init?: RequestInit,
  { anonymous = false } = {},
): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', ...(anonymous ? {} : authorHeaders()), ...init?.headers },
    })
  } catch {
    throw networkError()
  }
  let body: unknown
  try {
    body = await response.json()
  } catch {
    body = undefined
  }
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body)
    const error = parsed.success ? parsed.data.error : undefined
    throw new ApiError(
      response.status,
      error?.code ?? 'http_error',
      response.status === 402
        ? creditsRefusalMessage(body)
        : (error?.message ?? `The studio server answered HTTP ${response.status}`),
      error?.field,
      retryAfterMs(response),
    )
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw new ApiError(502, 'malformed', 'The studio server sent a reply the studio could not read')
  return parsed.data
}

/** A JSON request body with its content type. */
export const json = (body: unknown): RequestInit => ({
  headers: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
})

export const healthSchema = z.object({
  ok: z.boolean(),
  mode: z.enum(['demo', 'live']),
  /** Whether the studio needs an access token (then it offers Sign out). */
  gated: z.optional(z.boolean()),
})
export type Health = z.infer<typeof healthSchema>

/** Where a render comes from, sent beside Cannon's body so the ledger keeps the lineage. */
export interface RenderLineage {
  /** The browser's own id for the render: the ledger row takes it. */
  renderId?: string
  parentId?: string
  relation?: Relation
  /** A shoot-out's renders share one. */
  groupId?: string
}

const STUDIO_ID = /^[A-Za-z0-9_-]{8,128}$/

function lineageHeaders(lineage: RenderLineage | undefined): Record<string, string> {
  const headers: Record<string, string> = {}
  // An id the ledger would refuse is left out: the render is then recorded under an id of the server's choosing.
  if (lineage?.renderId && STUDIO_ID.test(lineage.renderId)) headers['x-studio-render-id'] = lineage.renderId
  if (lineage?.parentId && STUDIO_ID.test(lineage.parentId)) headers['x-studio-parent-id'] = lineage.parentId
  if (lineage?.relation) headers['x-studio-relation'] = lineage.relation
  if (lineage?.groupId && STUDIO_ID.test(lineage.groupId)) headers['x-studio-group-id'] = lineage.groupId
  return headers
}

export const bffClient = {
  health: () => call('/api/health', healthSchema),
  catalog: (): Promise<Catalog> => call('/api/catalog', catalogSchema),
  status: (): Promise<UpstreamStatus> => call('/api/v1/status', upstreamStatusSchema),
  /** How the catalog meets Cannon: the start-up check, the key's scopes, refusals per model. */
  fidelity: (): Promise<Fidelity> => call('/api/fidelity', fidelitySchema),
  createRequest: (body: CreateRequestBody, idempotencyKey: string, lineage?: RenderLineage): Promise<Accepted> =>
    call('/api/v1/requests', acceptedSchema, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-idempotency-key': idempotencyKey, ...lineageHeaders(lineage) },
      body: JSON.stringify(body),
    }),
  /** Ends this browser's session (the server forgets it and clears the cookie). */
  signOut: async (): Promise<void> => {
    try {
      await fetch('/api/session', { method: 'DELETE' })
    } catch {
      throw networkError()
    }
  },
  /** The expected credits of a create (the prompt does not matter), and how sure that is. */
  estimate: (input: Record<string, unknown>): Promise<Estimate> =>
    call('/api/estimate', estimateSchema, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ operation: 'video.generate', input }),
    }),
  getRequest: (id: string): Promise<RequestObject> =>
    call(`/api/v1/requests/${encodeURIComponent(id)}`, requestObjectSchema),
}
