import { Hono, type Context } from 'hono'
import type { Catalog } from '@/catalog/catalog-schema'
import { buildCreateRequestSchema, firstIssue, type CreateRequestBody } from '@/catalog/request-schema'
import { FAILURE_REASONS, NO_FAULTS, type Faults } from './faults'
import { demoCredits, ENHANCE_CREDITS } from './pricing'
import { requestObject, type SimulatorTiming, type StoredRequest } from './request-object'

export type { SimulatorTiming }

export interface SimulatorOptions {
  catalog: Catalog
  timing?: Partial<SimulatorTiming>
  startingCredits?: number
  now?: () => number
  faults?: Faults
  random?: () => number
}

/** The key the BFF signs with in demo mode: not a secret, and shaped so that no reply can contain it by chance. */
export const DEMO_API_KEY = 'cs_demo_0f3b9c2e7a5d41e8'

export const DEFAULT_TIMING: SimulatorTiming = { queuedMs: 1500, processingMs: 3500, pollAfterMs: 1000 }
const MAX_STORED_REQUESTS = 50_000
function errorResponse(
  c: Context,
  status: 400 | 401 | 402 | 404 | 409 | 422,
  code: string,
  message: string,
  field?: string,
) {
  return c.json({ error: { code, message, ...(field ? { field } : {}) } }, status)
}

/**
 * Cannon's documented REST contract, in memory: POST /api/v1/requests, GET /api/v1/requests/:id and
 * GET /api/v1/status. A plain fetch handler, so the BFF, msw and tests all reach it the same way.
 */
export function createSimulator(options: SimulatorOptions) {
  const timing = { ...DEFAULT_TIMING, ...options.timing }
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  const faults = options.faults ?? NO_FAULTS
  let acceptedCreates = 0
  const schema = buildCreateRequestSchema(options.catalog, { allowDemoMedia: true })
  const models = new Map(options.catalog.models.map((m) => [m.id, m]))
  const requests = new Map<string, StoredRequest>()
  const byIdempotencyKey = new Map<string, string>()
  let credits = options.startingCredits ?? 5000

  function remember(request: StoredRequest, idempotencyKey: string | undefined) {
    requests.set(request.id, request)
    if (idempotencyKey) byIdempotencyKey.set(idempotencyKey, request.id)
    if (requests.size > MAX_STORED_REQUESTS) {
      const oldest = requests.keys().next().value
      if (oldest) requests.delete(oldest)
    }
  }

  function priceOf(body: CreateRequestBody): number {
    if (body.operation === 'prompt.enhance.video') return ENHANCE_CREDITS
    return demoCredits(models.get(body.input.model)!, body.input)
  }

  function accepted(request: StoredRequest, origin: string) {
    return {
      id: request.id,
      status: 'queued',
      operation: request.body.operation,
      poll_after_ms: timing.pollAfterMs,
      urls: { get: `${origin}/api/v1/requests/${request.id}` },
    }
  }

  function fateOf(): Pick<StoredRequest, 'fate' | 'failureReason'> {
    const roll = random()
    if (roll < faults.fail_rate) {
      return { fate: 'fail', failureReason: FAILURE_REASONS[Math.floor(random() * FAILURE_REASONS.length)]! }
    }
    let share = faults.fail_rate + faults.stuck_rate
    if (roll < share) return { fate: 'stuck' }
    if (roll < (share += faults.black_rate)) return { fate: 'black' }
    if (roll < share + faults.frozen_rate) return { fate: 'frozen' }
    return { fate: 'succeed' }
  }

  const app = new Hono()

  app.use('/api/v1/*', async (c, next) => {
    const key = c.req.header('x-api-key') ?? c.req.header('authorization')?.replace(/^Bearer\s+/i, '')
    if (!key) return errorResponse(c, 401, 'unauthorized', 'API key missing, invalid or revoked')
    await next()
  })

  app.get('/api/v1/status', (c) =>
    c.json({
      ok: true,
      status: 'ok',
      message: 'Your API key is properly wired.',
      creditsRemaining: credits,
      credits: { remaining: credits },
      account: { email: 'demo@cannon.studio', plan: 'demo' },
      apiKey: { name: 'Demo key', scopes: ['requests:write', 'requests:read'] },
      serverTime: new Date(now()).toISOString(),
    }),
  )

  app.post('/api/v1/requests', async (c) => {
    let raw: unknown
    try {
      raw = await c.req.json()
    } catch {
      return errorResponse(c, 400, 'invalid_json', 'The request body is not valid JSON')
    }
    const parsed = schema.safeParse(raw)
    if (!parsed.success) {
      const issue = firstIssue(parsed.error)
      return errorResponse(c, 400, 'invalid_input', issue.message, issue.field)
    }
    if (faults.refuse_rate > 0 && parsed.data.operation === 'video.generate' && random() < faults.refuse_rate) {
      const { model } = parsed.data.input
      return errorResponse(c, 422, 'model_unavailable', `The provider does not offer ${model} right now`, 'model')
    }
    const origin = new URL(c.req.url).origin
    const bodyJson = JSON.stringify(parsed.data)
    const idempotencyKey = c.req.header('x-idempotency-key') || undefined
    const existingId = idempotencyKey ? byIdempotencyKey.get(idempotencyKey) : undefined
    const existing = existingId ? requests.get(existingId) : undefined
    if (existing) {
      if (existing.bodyJson !== bodyJson) {
        return errorResponse(c, 409, 'idempotency_conflict', 'This idempotency key was used with a different body')
      }
      return c.json(accepted(existing, origin), 202)
    }
    const price = priceOf(parsed.data)
    if (price > credits) {
      const message = `This render needs ${price} credits; ${credits} remain`
      // Cannon's own shape is undocumented: the studio reads these fields (among others) when they are there.
      return c.json(
        { error: { code: 'insufficient_credits', message, required: price, creditsRemaining: credits } },
        402,
      )
    }
    const request: StoredRequest = {
      id: `req_${crypto.randomUUID().replaceAll('-', '').slice(0, 20)}`,
      body: parsed.data,
      bodyJson,
      createdAtMs: now(),
      billableCredits: price,
      ...fateOf(),
    }
    // A render that will fail is refunded in demo mode (Cannon's refund rule is undocumented).
    if (request.fate !== 'fail') credits -= price
    acceptedCreates += 1
    remember(request, idempotencyKey)
    return c.json(accepted(request, origin), 202)
  })

  app.get('/api/v1/requests/:id', (c) => {
    const request = requests.get(c.req.param('id'))
    if (!request) return errorResponse(c, 404, 'not_found', `No request with id ${c.req.param('id')}`)
    return c.json(requestObject(request, { timing, models, now }))
  })

  app.notFound((c) => errorResponse(c, 404, 'not_found', 'No such endpoint'))

  async function withFaults(request: Request): Promise<Response> {
    if (faults.latency_ms > 0) await new Promise((resolve) => setTimeout(resolve, faults.latency_ms))
    const roll = random()
    if (roll < faults.http_5xx_rate) {
      return Response.json(
        { error: { code: 'unavailable', message: 'Cannon is temporarily unavailable' } },
        { status: 503 },
      )
    }
    if (roll < faults.http_5xx_rate + faults.http_429_rate) {
      return Response.json(
        { error: { code: 'rate_limited', message: 'Too many requests' } },
        { status: 429, headers: { 'retry-after': '1' } },
      )
    }
    const response = await app.fetch(request)
    if (random() < faults.malformed_rate) {
      // The work is done (a create is stored) but its answer is cut short on the way back.
      const text = await response.text()
      const headers = new Headers(response.headers)
      headers.delete('content-length')
      return new Response(text.slice(0, Math.floor(text.length / 2)), { status: response.status, headers })
    }
    return response
  }

  return {
    fetch: withFaults,
    /** How many creates the simulator accepted (not counting idempotent replays). */
    createdCount: () => acceptedCreates,
    creditsRemaining: () => credits,
  }
}
