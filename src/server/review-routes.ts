import type { Context, Hono } from 'hono'
import type { Catalog } from '@/catalog/catalog-schema'
import type { Render } from '@/catalog/render-contract'
import type { Rating } from '@/catalog/quality-contract'
import {
  reviewerAuthor,
  reviewerCommentSchema,
  reviewRatingSchema,
  type ReviewShot,
  type ReviewTake,
  type Share,
} from '@/catalog/share-contract'
import { pastTakeEnd } from './comment-moment'
import type { Database } from '@/ledger/database'
import { addComment, listComments } from '@/ledger/comments'
import {
  addShareCommenter,
  findShare,
  rateThroughShare,
  recordShareView,
  sharedSequence,
  sharedTakes,
  shareRatings,
} from '@/ledger/shares'
import type { BffEnv, ClientKey } from './bff-env'
import { fail } from './errors'
import type { FailureThrottle } from './failure-throttle'
import { smallBody } from './route-inputs'
import { loggableToken, parseShareToken, secretMatches } from './share-tokens'

export interface ReviewRoutesOptions {
  db: Database
  catalog: Catalog
  /** Wrong links per client: guessing is slowed down like guessing the access token. */
  throttle: FailureThrottle
  clientKey: ClientKey
  audit: (event: Record<string, unknown>) => void
  now: () => number
}

type OpenedShare = { share: Share; takes: Render[]; shots?: ReviewShot[] }

const day = (ms: number) => new Date(ms).toUTCString().slice(0, 16)

/** What a reviewer may see of a take: how it plays and how it was asked, nothing of the studio's records. */
function reviewTake(render: Render, catalog: Catalog, rating: Rating | undefined): ReviewTake {
  const settings: ReviewTake['settings'] = {}
  for (const [field, value] of Object.entries(render.input)) {
    if (field === 'model' || field === 'prompt') continue
    // Media the take was made from (frames, clips) stay in the studio: the link shares the take.
    if (typeof value === 'string' && /^(https?:|\/)/.test(value)) continue
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') settings[field] = value
  }
  return {
    id: render.id,
    prompt: render.input.prompt,
    modelName: catalog.models.find((m) => m.id === render.input.model)?.name ?? render.input.model,
    status: render.status,
    videoUrl: render.keptVideoUrl ?? render.output?.video_url ?? null,
    settings,
    rating: rating ?? null,
    createdAtMs: render.createdAtMs,
  }
}

/**
 * The review page's API, /api/s/<token>/…: it reaches what its link shares and nothing else, needs no session,
 * and is the only part of the API a link opens. A wrong token is a 404 whether its id or its secret is wrong,
 * counted against the client like a wrong access token; a revoked or expired link, or one whose takes were all
 * deleted, is a 410 that says so.
 */
export function registerReviewRoutes(app: Hono<BffEnv>, options: ReviewRoutesOptions) {
  const { db, catalog, throttle, clientKey, audit, now } = options

  async function open(c: Context<BffEnv>): Promise<OpenedShare | Response> {
    const token = c.req.param('token') ?? ''
    const parsed = parseShareToken(token)
    const found = parsed && (await findShare(db, parsed.id))
    if (!found || !secretMatches(parsed.secret, found.secretHash)) {
      // Only wrong links are counted and held back: a right one always opens, even from an address a guesser
      // shares (its 256-bit secret is the protection; the throttle keeps guessers slow and visible).
      const client = clientKey(c.req.raw, c.env)
      const lockedForS = throttle.lockedFor(client, now())
      if (lockedForS) {
        c.header('Retry-After', String(lockedForS))
        return fail(c, 429, 'too_many_attempts', `Too many wrong links; try again in ${lockedForS} s`)
      }
      const lockout = throttle.fail(client, now())
      audit({
        level: 'warn',
        msg: 'share_denied',
        client,
        link: loggableToken(token),
        ...(lockout ? { lockedForS: lockout } : {}),
      })
      return fail(c, 404, 'no_such_link', 'This link does not exist. Ask whoever sent it for a new one.')
    }
    const { share } = found
    if (share.revokedAtMs !== null)
      return fail(
        c,
        410,
        'revoked',
        `This link was turned off on ${day(share.revokedAtMs)}. Ask whoever sent it for a new one.`,
      )
    if (share.expiresAtMs <= now())
      return fail(
        c,
        410,
        'expired',
        `This link expired on ${day(share.expiresAtMs)}. Ask whoever sent it for a new one.`,
      )
    if (share.kind === 'sequence') {
      const sequence = await sharedSequence(db, share.ids[0]!)
      if (!sequence || sequence.shots.length === 0)
        return fail(c, 410, 'deleted', 'The sequence this link shared has been deleted, or has no takes left.')
      return { share, takes: sequence.takes, shots: sequence.shots }
    }
    const takes = await sharedTakes(db, share.ids)
    if (takes.length === 0) return fail(c, 410, 'deleted', 'The takes this link shared have been deleted.')
    return { share, takes }
  }

  app.get('/api/s/:token', async (c) => {
    const opened = await open(c)
    if (opened instanceof Response) return opened
    await recordShareView(db, opened.share.id, now())
    const { share, takes, shots } = opened
    const ratings = await shareRatings(db, share.id)
    return c.json({
      kind: share.kind,
      title: share.title,
      expiresAtMs: share.expiresAtMs,
      takes: takes.map((take) => reviewTake(take, catalog, ratings.get(take.id))),
      ...(shots ? { shots } : {}),
    })
  })

  app.patch('/api/s/:token/renders/:id', smallBody(), async (c) => {
    const opened = await open(c)
    if (opened instanceof Response) return opened
    const take = opened.takes.find((t) => t.id === c.req.param('id'))
    if (!take) return fail(c, 404, 'not_shared', 'This link does not share that take')
    const parsed = reviewRatingSchema.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success) return fail(c, 400, 'invalid_input', 'rating: pick, reject or null', 'rating')
    await rateThroughShare(db, opened.share.id, take.id, parsed.data.rating, now())
    return c.json(reviewTake(take, catalog, parsed.data.rating ?? undefined))
  })

  app.get('/api/s/:token/renders/:id/comments', async (c) => {
    const opened = await open(c)
    if (opened instanceof Response) return opened
    const take = opened.takes.find((t) => t.id === c.req.param('id'))
    if (!take) return fail(c, 404, 'not_shared', 'This link does not share that take')
    return c.json({ comments: await listComments(db, take.id) })
  })

  app.post('/api/s/:token/renders/:id/comments', smallBody(), async (c) => {
    const opened = await open(c)
    if (opened instanceof Response) return opened
    const take = opened.takes.find((t) => t.id === c.req.param('id'))
    if (!take) return fail(c, 404, 'not_shared', 'This link does not share that take')
    const parsed = reviewerCommentSchema.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      return fail(c, 400, 'invalid_input', issue.message, String(issue.path[0] ?? 'body'))
    }
    const { atMs, text, name } = parsed.data
    const pastEnd = pastTakeEnd(take, atMs)
    if (pastEnd) return fail(c, 400, 'invalid_input', pastEnd, 'atMs')
    const comment = await addComment(
      db,
      take.id,
      { atMs, text, author: reviewerAuthor(name), authorVerified: false },
      now(),
    )
    if (!comment) return fail(c, 410, 'deleted', 'This take has been deleted.')
    await addShareCommenter(db, opened.share.id, name)
    return c.json(comment, 201)
  })

  app.all('/api/s/*', (c) => fail(c, 404, 'not_found', 'A link reaches only what it shares'))
}
