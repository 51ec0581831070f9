import type { Hono } from 'hono'
import type { Render } from '@/catalog/render-contract'
import {
  DEFAULT_SHARE_DAYS,
  REVIEW_PAGE_PREFIX,
  SHARE_SIZES,
  shareRequestSchema,
  type ShareRequest,
} from '@/catalog/share-contract'
import type { Database } from '@/ledger/database'
import { insertShare, listShares, revokeShare, sharedSequence, sharedTakes } from '@/ledger/shares'
import { whoIsAsking } from './author'
import type { BffEnv } from './bff-env'
import { fail } from './errors'
import { RENDER_ID, smallBody } from './route-inputs'
import { publicOrigin } from './public-origin'
import { newShareToken } from './share-tokens'

const DAY_MS = 86_400_000
const SHARE_ID = /^[0-9a-f]{16}$/

export interface SharesRoutesOptions {
  db: Database
  /** STUDIO_PUBLIC_URL: links are made on it; else on the address the request came to. */
  publicUrl?: string
  trustProxy: boolean
  now: () => number
}

/** Why these takes cannot be shared this way, or undefined when they can. */
function refusal({ kind, ids }: ShareRequest, takes: readonly Render[]): string | undefined {
  const { min, max } = SHARE_SIZES[kind]
  if (new Set(ids).size !== ids.length) return 'Each take can be in a link once'
  if (ids.length < min || ids.length > max)
    return min === max ? `A ${kind} link shares ${min} take` : `A ${kind} link shares ${min} to ${max} takes`
  if (takes.length !== ids.length) return 'Some of these takes do not exist or were deleted'
  if (takes.some((take) => take.status !== 'succeeded')) return 'Only finished takes can be shared'
  return undefined
}

/** What a link would show and its title, or why it cannot be made (404 when what it names is not there). */
async function whatToShare(
  db: Database,
  request: ShareRequest,
): Promise<{ title: string } | { status: 400 | 404; why: string }> {
  if (request.kind === 'sequence') {
    if (request.ids.length !== 1) return { status: 400, why: 'A sequence link shares 1 sequence' }
    const sequence = await sharedSequence(db, request.ids[0]!)
    if (!sequence) return { status: 404, why: 'No such sequence' }
    if (sequence.shots.length === 0) return { status: 400, why: 'This sequence has no finished take to share yet' }
    return { title: sequence.name }
  }
  const takes = await sharedTakes(db, request.ids)
  const why = refusal(request, takes)
  if (why) return { status: takes.length === request.ids.length ? 400 : 404, why }
  return { title: takes[0]!.input.prompt }
}

/**
 * The studio's share links: POST /api/shares makes one (the whole link is in the answer, and only there),
 * GET /api/shares lists them with their views and commenters, DELETE /api/shares/:id revokes one for good.
 */
export function registerSharesRoutes(app: Hono<BffEnv>, options: SharesRoutesOptions) {
  const { db, now } = options

  app.post('/api/shares', smallBody(), async (c) => {
    const parsed = shareRequestSchema.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      return fail(c, 400, 'invalid_input', `${issue.path.join('.') || 'body'}: ${issue.message}`)
    }
    const request = parsed.data
    if (request.ids.some((id) => !RENDER_ID.test(id))) return fail(c, 400, 'invalid_input', 'ids: not render ids')
    const shared = await whatToShare(db, request)
    if ('status' in shared) return fail(c, shared.status, 'cannot_share', shared.why, 'ids')
    const who = whoIsAsking(c)
    const token = newShareToken()
    const createdAtMs = now()
    const share = await insertShare(db, {
      id: token.id,
      secretHash: token.secretHash,
      kind: request.kind,
      ids: request.ids,
      title: shared.title.slice(0, 200),
      createdBy: 'error' in who ? null : who.author,
      createdAtMs,
      expiresAtMs: createdAtMs + (request.expiresInDays ?? DEFAULT_SHARE_DAYS) * DAY_MS,
    })
    const url = `${publicOrigin(c, options)}${REVIEW_PAGE_PREFIX}${token.token}`
    return c.json({ share, url, expiresAt: new Date(share.expiresAtMs).toISOString() }, 201)
  })

  app.get('/api/shares', async (c) => c.json({ items: await listShares(db) }))

  app.delete('/api/shares/:id', async (c) => {
    const id = c.req.param('id')
    const share = SHARE_ID.test(id) ? await revokeShare(db, id, now()) : undefined
    return share ? c.json(share) : fail(c, 404, 'not_found', 'No such link')
  })
}
