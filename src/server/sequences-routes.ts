import type { Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Catalog } from '@/catalog/catalog-schema'
import { newSequenceSchema, sequencePatchSchema, STALE_SEQUENCE_MESSAGE, type Shot } from '@/catalog/sequence-contract'
import type { Database } from '@/ledger/database'
import {
  createSequence,
  deleteSequence,
  findTakes,
  getSequence,
  listSequences,
  updateSequence,
} from '@/ledger/sequences'
import type { BffEnv, ClientKey } from './bff-env'
import { fail } from './errors'
import type { RateLimiter } from './rate-limit'
import { requestLimit } from './request-guards'
import { RENDER_ID } from './route-inputs'
import { shotsRefusal } from './sequence-checks'

export interface SequencesRoutesOptions {
  db: Database
  catalog: Catalog
  /** Writes count against the same per-client limit as reads (which the app counts for every GET). */
  limiter: RateLimiter
  clientKey: ClientKey
  now?: () => number
}

/** A full sequence (200 shots of up to 50 takes each) fits; more is refused before it is read. */
const MAX_SEQUENCE_BODY_BYTES = 2 * 1024 * 1024
const sequenceBody = () =>
  bodyLimit({
    maxSize: MAX_SEQUENCE_BODY_BYTES,
    onError: (c) => fail(c, 413, 'body_too_large', 'A sequence can be at most 2 MB'),
  })

/** The first problem of a body that does not parse, as a 400 naming the field. */
function invalid(c: Context<BffEnv>, issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const issue = issues[0]!
  const where = issue.path.map(String).join('.') || 'body'
  return fail(c, 400, 'invalid_input', `${where}: ${issue.message}`, String(issue.path[0] ?? 'body'))
}

/**
 * GET/POST /api/sequences and GET/PATCH/DELETE /api/sequences/:id. Every write is checked whole before the ledger
 * sees it (the shot list's fields, then each take against the ledger: known, succeeded, long enough for its
 * out point) and a refused one changes nothing. A PATCH carries the version it was made from; a stale one is 409.
 */
export function registerSequencesRoutes(app: Hono<BffEnv>, options: SequencesRoutesOptions) {
  const { db, catalog, now = Date.now } = options
  const writeLimit = requestLimit(options.limiter, options.clientKey)

  async function refusal(c: Context<BffEnv>, shots: readonly Shot[] | undefined) {
    if (!shots) return undefined
    const refused = shotsRefusal(
      shots,
      await findTakes(
        db,
        shots.flatMap((s) => s.takeIds),
      ),
      catalog,
    )
    return refused && fail(c, refused.status, refused.code, refused.message, refused.field)
  }
  const sequenceId = (c: Context<BffEnv>) => {
    const id = c.req.param('id') ?? ''
    return RENDER_ID.test(id) ? id : undefined
  }
  const notFound = (c: Context<BffEnv>) => fail(c, 404, 'not_found', 'No such sequence')

  app.get('/api/sequences', async (c) => c.json({ items: await listSequences(db) }))

  app.post('/api/sequences', writeLimit, sequenceBody(), async (c) => {
    const parsed = newSequenceSchema.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success) return invalid(c, parsed.error.issues)
    const refused = await refusal(c, parsed.data.shots)
    if (refused) return refused
    return c.json(await createSequence(db, { ...parsed.data, nowMs: now() }), 201)
  })

  app.get('/api/sequences/:id', async (c) => {
    const id = sequenceId(c)
    const sequence = id && (await getSequence(db, id))
    return sequence ? c.json(sequence) : notFound(c)
  })

  app.patch('/api/sequences/:id', writeLimit, sequenceBody(), async (c) => {
    const id = sequenceId(c)
    if (!id) return notFound(c)
    const parsed = sequencePatchSchema.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success) return invalid(c, parsed.error.issues)
    const refused = await refusal(c, parsed.data.shots)
    if (refused) return refused
    const result = await updateSequence(db, id, parsed.data, now())
    if (result.outcome === 'not_found') return notFound(c)
    if (result.outcome === 'stale') return fail(c, 409, 'stale_version', STALE_SEQUENCE_MESSAGE, 'version')
    return c.json(result.sequence)
  })

  app.delete('/api/sequences/:id', writeLimit, async (c) => {
    const id = sequenceId(c)
    return id && (await deleteSequence(db, id)) ? c.body(null, 204) : notFound(c)
  })
}
