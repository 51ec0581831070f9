import type { Hono } from 'hono'
import { DEMO_MEDIA_PREFIX } from '@/catalog/video-input'
import { takeFileName } from '@/catalog/take-name'
import type { Database } from '@/ledger/database'
import { getRender } from '@/ledger/render-store'
import type { MediaStore } from '@/media/media-store'
import { parseMediaName } from '@/media/media-types'
import { openDemoClip } from './demo-clip-file'
import type { BffEnv } from './bff-env'
import { fail } from './errors'
import { mediaUrlProblem, type MediaHostCheck } from './media-policy'

export interface DownloadOptions {
  db: Database
  store: MediaStore
  demoDir?: string
  hostCheck?: MediaHostCheck
}

/**
 * GET /api/renders/:id/download: the take as an attachment with a meaningful name, from the kept copy, the demo
 * clip, or streamed from Cannon's link (checked like any media URL). A same-origin download never navigates away.
 */
export function registerDownloadRoute(app: Hono<BffEnv>, options: DownloadOptions) {
  app.get('/api/renders/:id/download', async (c) => {
    const render = await getRender(options.db, c.req.param('id'))
    const url = render?.output?.video_url
    if (!render || render.status !== 'succeeded' || !url)
      return fail(c, 404, 'not_found', 'This render has no take to download')
    const attach = (stream: ReadableStream<Uint8Array>, ext: string, mime: string, size?: number) =>
      c.body(stream, 200, {
        'Content-Type': mime,
        'Content-Disposition': `attachment; filename="${takeFileName(render, ext)}"`,
        'X-Content-Type-Options': 'nosniff',
        ...(size !== undefined ? { 'Content-Length': String(size) } : {}),
      })

    const kept = render.keptVideoUrl ? parseMediaName(render.keptVideoUrl.split('/').pop() ?? '') : undefined
    const body = kept ? await options.store.read(kept.name) : undefined
    if (kept && body) return attach(body.stream, kept.ext, kept.mime, body.size)
    if (options.demoDir && url.startsWith(DEMO_MEDIA_PREFIX)) {
      const file = openDemoClip(options.demoDir, url)
      return attach(file, 'mp4', 'video/mp4')
    }
    const problem =
      mediaUrlProblem(url) ?? (await options.hostCheck?.(new URL(url).hostname).catch(() => 'does not resolve'))
    if (problem) return fail(c, 502, 'take_unreachable', `The take’s link cannot be used: it ${problem}`)
    const upstream = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(60_000) }).catch(() => undefined)
    if (!upstream?.ok || !upstream.body) return fail(c, 502, 'take_unreachable', 'The take’s link did not answer')
    return attach(upstream.body, 'mp4', 'video/mp4')
  })
}
