import type { Context, Hono } from 'hono'
import type { z } from 'zod/mini'
import { commentPatchSchema, newCommentSchema } from '@/catalog/review-contract'
import { addComment, listComments, setCommentResolved, type Commenter } from '@/ledger/comments'
import type { Database } from '@/ledger/database'
import { getRender } from '@/ledger/render-store'
import { whoIsAsking } from './author'
import type { BffEnv, ClientKey } from './bff-env'
import { pastTakeEnd } from './comment-moment'
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

/**
 * What every comment write starts with: the client's limit, who is writing, and the body checked against
 * `schema`; a refusal (429 or 400 with a plain sentence) instead when one of them fails.
 */
async function writeInput<T>(
  c: Context<BffEnv>,
  options: CommentsRoutesOptions,
  schema: z.ZodMiniType<T>,
  usage: string,
): Promise<{ who: Commenter; data: T } | { refused: Response }> {
  const decision = await options.limiter.take(options.clientKey(c.req.raw, c.env))
  if (!decision.allowed) {
    c.header('Retry-After', String(decision.retryAfterSeconds))
    const message = `Too many comments; try again in ${decision.retryAfterSeconds} s`
    return { refused: fail(c, 429, 'rate_limited', message) }
  }
  const who = whoIsAsking(c)
  if ('error' in who) return { refused: fail(c, 400, 'invalid_header', who.error) }
  const parsed = schema.safeParse(await c.req.json().catch(() => undefined))
  if (parsed.success) return { who, data: parsed.data }
  const issue = parsed.error.issues[0]
  const field = issue?.path[0] === undefined ? undefined : String(issue.path[0])
  const known = field === 'atMs' || field === 'text' || field === 'resolved'
  return { refused: fail(c, 400, 'invalid_input', known && issue ? issue.message : usage, known ? field : undefined) }
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
    const input = await writeInput(c, options, newCommentSchema, 'Send { atMs: a whole number of ms, text }')
    if ('refused' in input) return input.refused
    const id = c.req.param('id')
    const render = RENDER_ID.test(id) ? await getRender(db, id) : undefined
    if (!render || render.deleted) return fail(c, 404, 'not_found', 'No such render')
    if (render.status !== 'succeeded') return fail(c, 409, 'not_a_take', 'Only a finished take can be commented on')
    const pastEnd = pastTakeEnd(render, input.data.atMs)
    if (pastEnd) return fail(c, 400, 'invalid_input', pastEnd, 'atMs')
    const comment = await addComment(db, id, { ...input.data, ...input.who }, now())
    return comment ? c.json(comment, 201) : fail(c, 404, 'not_found', 'No such render')
  })

  app.patch('/api/comments/:id', smallBody(), async (c) => {
    const input = await writeInput(c, options, commentPatchSchema, 'Send { resolved: true } or { resolved: false }')
    if ('refused' in input) return input.refused
    const id = c.req.param('id')
    const comment = COMMENT_ID.test(id)
      ? await setCommentResolved(db, id, input.data.resolved, input.who, now())
      : undefined
    return comment ? c.json(comment) : fail(c, 404, 'not_found', 'No such comment')
  })
}
