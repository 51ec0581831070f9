import type { Context, Hono } from 'hono'
import { COMMENT_END_SLACK_MS, commentPatchSchema, newCommentSchema } from '@/catalog/review-contract'
import { MAX_TAKE_MS } from '@/catalog/quality-contract'
import type { Render } from '@/catalog/render-contract'
import { addComment, listComments, setCommentResolved } from '@/ledger/comments'
import type { Database } from '@/ledger/database'
import { getRender } from '@/ledger/render-store'
import { whoIsAsking } from './author'
import type { BffEnv, ClientKey } from './bff-env'
import { fail } from './errors'
import type { RateLimiter } from './rate-limit'
import { RENDER_ID, smallBody } from './route-inputs'

export interface CommentsRoutesOptions {
  db: Database
  /** Comments written per client (reads count against the read limit like every GET). */
  limiter: RateLimiter
  clientKey: ClientKey
  now?: () => number
}

const COMMENT_ID = /^[0-9a-f-]{36}$/

/** The latest moment a comment can sit at: the take's length as it says it, else as asked, else any take's. */
function lastMomentMs(render: Render): number {
  const seconds = render.output?.duration ?? (typeof render.input.duration === 'number' ? render.input.duration : null)
  return seconds === null ? MAX_TAKE_MS : Math.round(seconds * 1000) + COMMENT_END_SLACK_MS
}

const clock = (ms: number) => `${Math.floor(ms / 60_000)}:${((ms % 60_000) / 1000).toFixed(1).padStart(4, '0')}`

async function limited(c: Context<BffEnv>, options: CommentsRoutesOptions) {
  const decision = await options.limiter.take(options.clientKey(c.req.raw, c.env))
  if (decision.allowed) return undefined
  c.header('Retry-After', String(decision.retryAfterSeconds))
  return fail(c, 429, 'rate_limited', `Too many comments; try again in ${decision.retryAfterSeconds} s`)
}

/** The first problem of a body as a plain sentence, with the field it is about. */
function refusal(c: Context<BffEnv>, issues: readonly { path: PropertyKey[]; message: string }[], usage: string) {
  const issue = issues[0]
  const field = issue?.path[0] === undefined ? undefined : String(issue.path[0])
  const known = field === 'atMs' || field === 'text' || field === 'resolved'
  return fail(c, 400, 'invalid_input', known && issue ? issue.message : usage, known ? field : undefined)
}

/**
 * Comments pinned to a moment of a take: GET/POST /api/renders/:id/comments and PATCH /api/comments/:id
 * (`{ resolved }`). The author is the signed-in person, else the display name the browser sends. Text is kept
 * and answered as plain text; the browser shows it as text, never as markup.
 */
export function registerCommentsRoutes(app: Hono<BffEnv>, options: CommentsRoutesOptions) {
  const { db, now = Date.now } = options

  app.get('/api/renders/:id/comments', async (c) => {
    const id = c.req.param('id')
    const render = RENDER_ID.test(id) ? await getRender(db, id) : undefined
    if (!render || render.deleted) return fail(c, 404, 'not_found', 'No such render')
    return c.json({ comments: await listComments(db, id) })
  })

  app.post('/api/renders/:id/comments', smallBody(), async (c) => {
    const refused = await limited(c, options)
    if (refused) return refused
    const who = whoIsAsking(c)
    if ('error' in who) return fail(c, 400, 'invalid_header', who.error)
    const parsed = newCommentSchema.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success) return refusal(c, parsed.error.issues, 'Send { atMs: a whole number of ms, text }')
    const id = c.req.param('id')
    const render = RENDER_ID.test(id) ? await getRender(db, id) : undefined
    if (!render || render.deleted) return fail(c, 404, 'not_found', 'No such render')
    if (render.status !== 'succeeded') return fail(c, 409, 'not_a_take', 'Only a finished take can be commented on')
    const last = lastMomentMs(render)
    if (parsed.data.atMs > last)
      return fail(c, 400, 'invalid_input', `atMs is past the take's end (${clock(last)})`, 'atMs')
    const comment = await addComment(db, id, { ...parsed.data, ...who }, now())
    return comment ? c.json(comment, 201) : fail(c, 404, 'not_found', 'No such render')
  })

  app.patch('/api/comments/:id', smallBody(), async (c) => {
    const refused = await limited(c, options)
    if (refused) return refused
    const who = whoIsAsking(c)
    if ('error' in who) return fail(c, 400, 'invalid_header', who.error)
    const parsed = commentPatchSchema.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success) return refusal(c, parsed.error.issues, 'Send { resolved: true } or { resolved: false }')
    const id = c.req.param('id')
    const comment = COMMENT_ID.test(id) ? await setCommentResolved(db, id, parsed.data.resolved, who, now()) : undefined
    return comment ? c.json(comment) : fail(c, 404, 'not_found', 'No such comment')
  })
}
