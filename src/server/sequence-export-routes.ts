import type { Context, Hono } from 'hono'
import { z } from 'zod'
import { promptSlug } from '@/catalog/take-name'
import { whoIsAsking } from './author'
import type { BffEnv } from './bff-env'
import { fail } from './errors'
import { smallBody } from './route-inputs'
import { CutProblem, type Cut, type LoadCut } from './sequence-export/cut'
import { ExportsBusy, type ExportRunner } from './sequence-export/export-jobs'
import { fcpXml } from './sequence-export/fcp-xml'
import { otioTimeline } from './sequence-export/otio'

export interface SequenceExportRoutesOptions {
  /** The sequence's cut, resolved (see createCutLoader); undefined for an unknown sequence. */
  loadCut: LoadCut
  runner: ExportRunner
}

const ID = /^[A-Za-z0-9_-]{1,128}$/
const exportBody = z.object({ format: z.literal('mp4', { error: 'format must be "mp4"' }) })

/**
 * The sequence's exports: `POST /api/sequences/:id/exports` starts an MP4 (one per studio process at a time, a few
 * more wait in line), `GET …/exports/:jobId` follows it, `GET …/:jobId/file` downloads it once, `DELETE …/:jobId`
 * cancels it; `GET /api/sequences/:id/export.otio` and `/export.xml` download the cut for editors.
 */
export function registerSequenceExportRoutes(app: Hono<BffEnv>, { loadCut, runner }: SequenceExportRoutesOptions) {
  /** The cut, or the response that says why there is none. */
  async function cutFor(c: Context<BffEnv>): Promise<Cut | Response> {
    const id = c.req.param('id') ?? ''
    if (!ID.test(id)) return fail(c, 404, 'not_found', 'No such sequence')
    const who = whoIsAsking(c)
    if ('error' in who) return fail(c, 400, 'invalid_header', who.error)
    try {
      return (await loadCut(id, who)) ?? fail(c, 404, 'not_found', 'No such sequence')
    } catch (error) {
      if (error instanceof CutProblem) return fail(c, error.status, error.code, error.message)
      throw error
    }
  }

  const editorFile = (ext: 'otio' | 'xml', mime: string, write: (cut: Cut, origin: string) => string) =>
    app.get(`/api/sequences/:id/export.${ext}`, async (c) => {
      const cut = await cutFor(c)
      if (cut instanceof Response) return cut
      try {
        return c.body(write(cut, new URL(c.req.url).origin), 200, {
          'Content-Type': mime,
          'Content-Disposition': `attachment; filename="${promptSlug(cut.name)}.${ext}"`,
        })
      } finally {
        await cut.release()
      }
    })
  editorFile('otio', 'application/json; charset=utf-8', otioTimeline)
  editorFile('xml', 'application/xml; charset=utf-8', fcpXml)

  app.post('/api/sequences/:id/exports', smallBody(), async (c) => {
    const body = exportBody.safeParse(await c.req.json().catch(() => undefined))
    if (!body.success) return fail(c, 400, 'invalid_input', 'Send { "format": "mp4" }', 'format')
    const busy = (error = new ExportsBusy(60)) => {
      c.header('Retry-After', String(error.retryAfterSeconds))
      return fail(c, 429, 'exports_busy', error.message)
    }
    if (!runner.hasRoom()) return busy()
    const cut = await cutFor(c)
    if (cut instanceof Response) return cut
    try {
      return c.json({ jobId: runner.start(cut, `${promptSlug(cut.name)}.mp4`) }, 202)
    } catch (error) {
      await cut.release()
      if (error instanceof ExportsBusy) return busy(error)
      throw error
    }
  })

  /** The export, when it is one of this sequence's. */
  const jobOf = (c: Context<BffEnv>) => {
    const status = runner.status(c.req.param('jobId') ?? '')
    return status?.sequenceId === c.req.param('id') ? status : undefined
  }
  const noJob = (c: Context<BffEnv>) =>
    fail(c, 404, 'not_found', 'No such export (a finished export is kept for an hour)')

  app.get('/api/sequences/:id/exports/:jobId', (c) => {
    const job = jobOf(c)
    if (!job) return noJob(c)
    const { state, progress, error, downloaded } = job
    return c.json({ state, progress, ...(error ? { error } : {}), ...(downloaded ? { downloaded } : {}) })
  })

  app.get('/api/sequences/:id/exports/:jobId/file', async (c) => {
    const job = jobOf(c)
    if (!job) return noJob(c)
    if (job.downloaded) return fail(c, 410, 'export_downloaded', 'This export was downloaded already; export again')
    const file = job.state === 'done' ? await runner.result(c.req.param('jobId')) : undefined
    if (!file) return fail(c, 409, 'export_not_ready', `The export is ${job.state}, not ready to download`)
    return c.body(file.stream, 200, {
      'Content-Type': 'video/mp4',
      'Content-Length': String(file.size),
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'X-Content-Type-Options': 'nosniff',
    })
  })

  app.delete('/api/sequences/:id/exports/:jobId', async (c) => {
    if (!jobOf(c)) return noJob(c)
    const job = await runner.cancel(c.req.param('jobId'))
    return job ? c.json({ state: job.state, progress: job.progress }) : noJob(c)
  })
}
