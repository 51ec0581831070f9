import type { Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { RATINGS } from '@/catalog/quality-contract'
import type { Catalog } from '@/catalog/catalog-schema'
import type { Database } from '@/ledger/database'
import { InvalidCursor } from '@/ledger/ledger-errors'
import { listPeople, listRenders, MAX_PAGE_SIZE } from '@/ledger/render-list'
import { renderTiming } from '@/ledger/render-times'
import { getRender, updateRender } from '@/ledger/render-store'
import { recheck } from '@/ledger/render-sweep'
import { exportRenders, importRenders } from '@/ledger/render-transfer'
import { AUTHOR_HEADER } from '@/catalog/author-name'
import { whoIsAsking } from './author'
import type { BffEnv } from './bff-env'
import { fail } from './errors'
import { GALLERY_FILE_KIND, parseGallery } from './gallery-import'
import { RENDER_ID, smallBody } from './route-inputs'

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  cursor: z.string().max(400).optional(),
  status: z.string().max(32).optional(),
  model: z.string().max(64).optional(),
  q: z.string().max(200).optional(),
  favourite: z.enum(['true', 'false']).optional(),
  flagged: z.enum(['true', 'false']).optional(),
  /** `true`: takes with open comments. */
  commented: z.enum(['true', 'false']).optional(),
  rating: z.enum(['pick', 'reject', 'unrated']).optional(),
  author: z.string().max(100).optional(),
  /** `true`: only the asker's own renders (by their named token, else by the name they send). */
  mine: z.enum(['true', 'false']).optional(),
})
const timingQuery = z.object({
  model: z.string().min(1).max(64),
  duration: z.coerce.number().positive().max(3600).optional(),
})
const patchBody = z.strictObject({
  favourite: z.boolean().optional(),
  deleted: z.boolean().optional(),
  rating: z.enum(RATINGS).nullable().optional(),
})
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024

/** The filter of `mine=true`: a named person's verified renders, or those under the name the browser gives. */
function ownRenders(c: Context<BffEnv>): { author?: string; authorVerified?: boolean } | { error: string } {
  const who = whoIsAsking(c)
  if ('error' in who) return who
  if (who.author === null) {
    return { error: `mine needs a name: sign in with your own token, or send ${AUTHOR_HEADER}` }
  }
  return who.authorVerified ? { author: who.author, authorVerified: true } : { author: who.author }
}

/** A search word names the models whose id or display name contains it ("grok", "veo", "2.0", "pro"). */
export function modelsMatching(catalog: Catalog | undefined): (word: string) => string[] {
  const models = (catalog?.models ?? []).map((m) => ({ id: m.id, text: `${m.id} ${m.name}`.toLowerCase() }))
  return (word) => {
    const needle = word.toLowerCase()
    return models.filter((m) => m.text.includes(needle)).map((m) => m.id)
  }
}

/**
 * The gallery as the team shares it: pages of the ledger (searched by words in the prompt and the model's name,
 * with `catalog`), favourites and deletes, export and import, who made renders, and how long renders take.
 */
export function registerRendersRoutes(
  app: Hono<BffEnv>,
  db: Database,
  now: () => number = Date.now,
  catalog?: Catalog,
) {
  const searchModels = modelsMatching(catalog)
  app.get('/api/renders', async (c) => {
    const parsed = listQuery.safeParse(c.req.query())
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      return fail(c, 400, 'invalid_query', `${String(issue.path[0])}: ${issue.message}`, String(issue.path[0]))
    }
    const { favourite, flagged, commented, mine, ...query } = parsed.data
    const own = mine === 'true' ? ownRenders(c) : {}
    if ('error' in own) return fail(c, 400, 'invalid_query', own.error, 'mine')
    if (own.author !== undefined && query.author !== undefined) {
      return fail(c, 400, 'invalid_query', 'Ask for author or mine, not both', 'mine')
    }
    try {
      const page = await listRenders(db, {
        ...query,
        ...own,
        q: query.q?.trim() || undefined,
        modelsMatching: searchModels,
        favourite: favourite === undefined ? undefined : favourite === 'true',
        flagged: flagged === undefined ? undefined : flagged === 'true',
        commented: commented === undefined ? undefined : commented === 'true',
      })
      return c.json({ items: page.items, next_cursor: page.nextCursor })
    } catch (error) {
      if (error instanceof InvalidCursor)
        return fail(c, 400, 'invalid_cursor', 'That page cursor is not valid', 'cursor')
      throw error
    }
  })

  app.get('/api/people', async (c) => c.json({ people: await listPeople(db) }))

  // Before /api/renders/:id, which would take "timing" for an id.
  app.get('/api/renders/timing', async (c) => {
    const parsed = timingQuery.safeParse(c.req.query())
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      return fail(c, 400, 'invalid_query', `${String(issue.path[0])}: ${issue.message}`, String(issue.path[0]))
    }
    return c.json(await renderTiming(db, parsed.data.model, parsed.data.duration ?? null))
  })

  app.get('/api/renders/export', (c) => {
    const encoder = new TextEncoder()
    const renders = exportRenders(db)
    let first = true
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(
          encoder.encode(`{"kind":"${GALLERY_FILE_KIND}","version":2,"exportedAtMs":${now()},"renders":[`),
        )
      },
      async pull(controller) {
        const next = await renders.next()
        if (next.done) {
          controller.enqueue(encoder.encode(']}'))
          controller.close()
          return
        }
        controller.enqueue(encoder.encode(`${first ? '' : ','}${JSON.stringify(next.value)}`))
        first = false
      },
      async cancel() {
        await renders.return(undefined)
      },
    })
    const day = new Date(now()).toISOString().slice(0, 10)
    c.header('Content-Disposition', `attachment; filename="cannon-studio-gallery-${day}.json"`)
    return c.body(stream, 200, { 'Content-Type': 'application/json' })
  })

  app.post(
    '/api/renders/import',
    bodyLimit({
      maxSize: MAX_IMPORT_BYTES,
      onError: (c) => fail(c, 413, 'body_too_large', 'A gallery file can be at most 64 MB'),
    }),
    async (c) => {
      const json = await c.req.json().catch(() => undefined)
      const parsed = parseGallery(json)
      if (!parsed.ok) return fail(c, 400, 'invalid_gallery', parsed.message)
      const { added, skipped } = await importRenders(db, parsed.renders, now())
      return c.json({ added, skipped: skipped + parsed.damaged })
    },
  )

  app.get('/api/renders/:id', async (c) => {
    const id = c.req.param('id')
    const render = RENDER_ID.test(id) ? await getRender(db, id) : undefined
    return render ? c.json(render) : fail(c, 404, 'not_found', 'No such render')
  })

  app.patch('/api/renders/:id', smallBody(), async (c) => {
    const id = c.req.param('id')
    const parsed = patchBody.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success)
      return fail(
        c,
        400,
        'invalid_input',
        'Send { favourite?: boolean, deleted?: boolean, rating?: "pick" | "reject" | null }',
      )
    const render = RENDER_ID.test(id) ? await updateRender(db, id, parsed.data, now()) : undefined
    return render ? c.json(render) : fail(c, 404, 'not_found', 'No such render')
  })

  // "Check again" on a render followed for 30 minutes without an end.
  app.post('/api/renders/:id/recheck', async (c) => {
    const id = c.req.param('id')
    const render = RENDER_ID.test(id) ? await recheck(db, id, now()) : undefined
    return render ? c.json(render) : fail(c, 404, 'not_found', 'No such unfinished render')
  })
}
