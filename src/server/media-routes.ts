import type { Context, Hono } from 'hono'
import { contentRange, parseRange } from '@/media/byte-range'
import { MediaRefused, MediaStoreUnavailable } from '@/media/media-errors'
import type { MediaStore } from '@/media/media-store'
import type { BffEnv, ClientKey } from './bff-env'
import { fail } from './errors'
import type { RateLimiter } from './rate-limit'

export const MEDIA_UPLOAD_PATH = '/api/media'

export interface MediaUploadOptions {
  store: MediaStore
  /** Why uploads are off (live mode with no URL Cannon could fetch them at), or undefined when they are on. */
  uploadsOff?: string
  limiter: RateLimiter
  clientKey: ClientKey
}

/**
 * POST /api/media: the file as the body. Its type is read from its bytes (never from the name or the header),
 * its size and shape checked as it streams in, and it is stored under its content hash; the answer names the URL
 * Cannon will fetch it at. `x-file-name` is required: a custom header no form or simple cross-site request can
 * send without a preflight, which the studio never grants.
 */
export function registerMediaUpload(app: Hono<BffEnv>, options: MediaUploadOptions) {
  const { store, uploadsOff, limiter, clientKey } = options
  app.post(MEDIA_UPLOAD_PATH, async (c) => {
    if (uploadsOff) return fail(c, 403, 'uploads_off', uploadsOff)
    if (!c.req.header('x-file-name')) return fail(c, 400, 'missing_file_name', 'Send the file’s name in x-file-name')
    const decision = await limiter.take(clientKey(c.req.raw, c.env))
    if (!decision.allowed) {
      c.header('Retry-After', String(decision.retryAfterSeconds))
      return fail(c, 429, 'rate_limited', `Too many uploads; try again in ${decision.retryAfterSeconds} s`)
    }
    const body = c.req.raw.body
    if (!body) return fail(c, 400, 'empty', 'The file is empty')
    const declared = Number(c.req.header('content-length'))
    try {
      const media = await store.put(body, {
        declaredBytes: Number.isFinite(declared) && declared > 0 ? declared : undefined,
        signal: c.req.raw.signal,
      })
      const { sha256, kind, mime, bytes } = media
      return c.json({ url: await store.urlFor(media.name), sha256, kind, mime, bytes }, 201)
    } catch (error) {
      if (error instanceof MediaRefused) return fail(c, error.status, error.code, error.message)
      if (error instanceof MediaStoreUnavailable) return fail(c, 503, 'media_store_unavailable', error.message)
      throw error
    }
  })
}

const MEDIA_HEADERS = {
  'Accept-Ranges': 'bytes',
  'Cache-Control': 'public, max-age=31536000, immutable',
  'X-Content-Type-Options': 'nosniff',
  // Even if a file were opened as a page, it could run nothing and reach nothing.
  'Content-Security-Policy': "sandbox; default-src 'none'",
}

/** GET/HEAD /media/:name: a stored file, with Range, immutable caching, nosniff and a sandboxing CSP. */
export function serveMedia(store: MediaStore) {
  return async (c: Context) => {
    const name = c.req.param('name') ?? ''
    const stat = await store.stat(name)
    if (!stat) return c.text('Not found', 404)
    const range = parseRange(c.req.header('range'), stat.size)
    const headers: Record<string, string> = {
      ...MEDIA_HEADERS,
      'Content-Type': stat.mime,
      ETag: `"${name.split('.')[0]}"`,
    }
    if (range.kind === 'unsatisfiable') {
      return c.body(null, 416, { ...headers, 'Content-Range': contentRange(stat.size) })
    }
    if (c.req.header('if-none-match') === headers.ETag) return c.body(null, 304, headers)
    const wanted = range.kind === 'partial' ? range.range : undefined
    if (c.req.method === 'HEAD') return c.body(null, 200, { ...headers, 'Content-Length': String(stat.size) })
    const body = await store.read(name, wanted)
    if (!body) return c.text('Not found', 404)
    if (body.range) {
      const length = body.range.end - body.range.start + 1
      return c.body(body.stream, 206, {
        ...headers,
        'Content-Range': contentRange(stat.size, body.range),
        'Content-Length': String(length),
      })
    }
    return c.body(body.stream, 200, { ...headers, 'Content-Length': String(stat.size) })
  }
}
