import { Hono, type Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Catalog } from '@/catalog/catalog-schema'
import { acceptedSchema, requestObjectSchema, upstreamStatusSchema } from '@/catalog/api-contract'
import { buildCreateRequestSchema, firstIssue } from '@/catalog/request-schema'
import { UpstreamUnavailable, type UpstreamClient, type UpstreamReply } from './upstream'
import type { z } from 'zod'

export interface BffOptions {
  mode: 'demo' | 'live'
  catalog: Catalog
  upstream: UpstreamClient
}

const MAX_BODY_BYTES = 64 * 1024
const REQUEST_ID = /^[A-Za-z0-9_-]{1,128}$/
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/

function fail(c: Context, status: ContentfulStatusCode, code: string, message: string, field?: string) {
  return c.json({ error: { code, message, ...(field ? { field } : {}) } }, status)
}

/** Cannon's reason, from whichever of the shapes cannon-api.md §3 lists it came in. */
function upstreamReason(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined
  const b = body as Record<string, unknown>
  const error = b.error
  if (typeof error === 'string') return error
  if (error && typeof error === 'object' && typeof (error as Record<string, unknown>).message === 'string') {
    return (error as Record<string, string>).message
  }
  if (typeof b.message === 'string') return b.message
  if (typeof b.errorMessage === 'string') return b.errorMessage
  return undefined
}

/** Relays an upstream reply if it is a success of the expected shape; maps every other case to a clear error. */
function relay(c: Context, reply: UpstreamReply, shape: z.ZodType) {
  if (reply.status >= 200 && reply.status < 300) {
    if (!shape.safeParse(reply.body).success) {
      return fail(c, 502, 'upstream_malformed', 'Cannon sent a reply the studio could not read')
    }
    return c.json(reply.body as object, reply.status as ContentfulStatusCode)
  }
  const reason = upstreamReason(reply.body)
  if (reply.status === 429) {
    c.header('Retry-After', reply.retryAfter ?? '5')
    return fail(c, 429, 'rate_limited', reason ?? 'Cannon is rate limiting requests; try again shortly')
  }
  if (reply.status >= 500 || reply.status < 400) {
    return fail(c, 502, 'upstream_error', `Cannon failed (HTTP ${reply.status})${reason ? `: ${reason}` : ''}`)
  }
  const field = (reply.body as { error?: { field?: unknown } } | undefined)?.error?.field
  return fail(
    c,
    reply.status as ContentfulStatusCode,
    'upstream_rejected',
    reason ?? `Cannon refused the request (HTTP ${reply.status})`,
    typeof field === 'string' ? field : undefined,
  )
}

/** The backend-for-frontend: validates, signs (through the upstream client) and forwards. */
export function createBffApp({ mode, catalog, upstream }: BffOptions) {
  const createSchema = buildCreateRequestSchema(catalog, { allowDemoMedia: mode === 'demo' })
  const app = new Hono()

  app.onError((error, c) => {
    if (error instanceof UpstreamUnavailable) {
      return error.reason === 'timeout'
        ? fail(c, 504, 'upstream_timeout', error.message)
        : fail(c, 502, 'upstream_unreachable', error.message)
    }
    console.error(JSON.stringify({ level: 'error', msg: 'unhandled', error: String(error.message) }))
    return fail(c, 500, 'internal', 'The studio server hit an unexpected error')
  })

  app.get('/api/health', (c) => c.json({ ok: true, mode }))
  app.get('/api/catalog', (c) => c.json(catalog))

  app.get('/api/v1/status', async (c) => relay(c, await upstream.send('GET', '/api/v1/status'), upstreamStatusSchema))

  app.post('/api/v1/requests', async (c) => {
    const text = await c.req.text()
    if (new TextEncoder().encode(text).byteLength > MAX_BODY_BYTES) {
      return fail(c, 413, 'body_too_large', 'The request body is over 64 KB')
    }
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch {
      return fail(c, 400, 'invalid_json', 'The request body is not valid JSON')
    }
    const parsed = createSchema.safeParse(raw)
    if (!parsed.success) {
      const issue = firstIssue(parsed.error)
      return fail(c, 400, 'invalid_input', issue.message, issue.field)
    }
    const idempotencyKey = c.req.header('x-idempotency-key') ?? crypto.randomUUID()
    if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
      return fail(c, 400, 'invalid_idempotency_key', 'x-idempotency-key must be 1–255 visible ASCII characters')
    }
    const reply = await upstream.send('POST', '/api/v1/requests', {
      body: JSON.stringify(parsed.data),
      idempotencyKey,
    })
    const accepted = acceptedSchema.safeParse(reply.body)
    if (reply.status === 202 && accepted.success) {
      // The browser follows the render through this BFF, never at Cannon's own URL.
      return c.json({ ...accepted.data, urls: { get: `/api/v1/requests/${accepted.data.id}` } }, 202)
    }
    return relay(c, reply, acceptedSchema)
  })

  app.get('/api/v1/requests/:id', async (c) => {
    const id = c.req.param('id')
    if (!REQUEST_ID.test(id)) return fail(c, 400, 'invalid_request_id', 'That is not a request id')
    return relay(c, await upstream.send('GET', `/api/v1/requests/${id}`), requestObjectSchema)
  })

  app.all('/api/*', (c) => fail(c, 404, 'not_found', 'No such API route'))
  return app
}
