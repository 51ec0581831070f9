import { randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Context, Hono } from 'hono'
import type { Catalog } from '@/catalog/catalog-schema'
import type { Render } from '@/catalog/render-contract'
import { continueClipRequestSchema } from '@/catalog/sequence-contract'
import { MediaRefused, MediaStoreUnavailable } from '@/media/media-errors'
import type { MediaStore } from '@/media/media-store'
import type { BffEnv } from './bff-env'
import { clipSource, clipWithin, notKept, type ClipRefusal } from './continue-clip-checks'
import { fail } from './errors'
import { RENDER_ID, smallBody } from './route-inputs'
import { cutClip } from './sequence-export/cut-clip'
import { probeFile } from './sequence-export/probe'
import { takeFile } from './sequence-export/take-files'

export interface ContinueClipOptions {
  catalog: Catalog
  /** A render from the ledger by id (getRender). */
  getTake(id: string): Promise<Render | undefined>
  store: MediaStore
  /** Where clips are cut (and takes kept in S3 copied for it); each cut's files are removed once it is stored. */
  tempDir: string
}

/** Clips cut at once (each a short ffmpeg encode): the rest are told to retry. */
const MAX_CUTTING = 2
const refuse = (c: Context<BffEnv>, { status, code, message, field }: ClipRefusal) =>
  fail(c, status, code, message, field)

/**
 * POST /api/renders/:id/continue-clip (see continueClipRequestSchema): the kept take up to the picked frame, cut
 * frame-exactly within the continuing model's shortest and longest source clip, stored like an upload. 404 for an
 * unknown take, 409 for one not finished or not kept yet, 422 for a time past its end, a clip too short or a take that
 * does not decode.
 */
export function registerContinueClipRoute(
  app: Hono<BffEnv>,
  { catalog, getTake, store, tempDir }: ContinueClipOptions,
) {
  let cutting = 0
  app.post('/api/renders/:id/continue-clip', smallBody(), async (c) => {
    const id = c.req.param('id')
    const body = continueClipRequestSchema.safeParse(await c.req.json().catch(() => undefined))
    if (!body.success)
      return fail(
        c,
        400,
        'invalid_input',
        'Send { "atMs": a time within the take in milliseconds, "model": a model id }',
      )
    const source = clipSource(body.data, catalog, RENDER_ID.test(id) ? await getTake(id) : undefined)
    if ('refusal' in source) return refuse(c, source.refusal)
    if (cutting >= MAX_CUTTING) {
      c.header('Retry-After', '5')
      return fail(c, 429, 'clips_busy', 'Other clips are being cut; try again in a few seconds')
    }
    cutting++
    const work = join(tempDir, randomUUID())
    try {
      const file = await takeFile(store, source.kept.name, work)
      if (!file) return refuse(c, notKept())
      const probe = await probeFile(file.path).catch(() => undefined)
      if (!probe) return fail(c, 422, 'take_unreadable', 'The kept take could not be read as a video')
      const clip = clipWithin(probe, body.data.atMs, source)
      if ('refusal' in clip) return refuse(c, clip.refusal)
      await mkdir(work, { recursive: true })
      const out = join(work, 'clip.mp4')
      const cut = await cutClip(file.path, probe, clip.frames, out).then(
        () => true,
        () => false,
      )
      if (!cut) return fail(c, 422, 'take_unreadable', 'The clip could not be cut from the kept take')
      const stored = await store.put(createReadStream(out), { kinds: ['video'] })
      const { startMs, endMs } = clip.frames
      return c.json({ url: await store.urlFor(stored.name), startMs, endMs }, 201)
    } catch (error) {
      if (error instanceof MediaRefused) return fail(c, error.status, error.code, error.message)
      if (error instanceof MediaStoreUnavailable) return fail(c, 503, 'media_store_unavailable', error.message)
      throw error
    } finally {
      cutting--
      await rm(work, { recursive: true, force: true })
    }
  })
}
