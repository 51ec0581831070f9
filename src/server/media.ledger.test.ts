import { readFile } from 'node:fs/promises'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { applyRequestObject, getRender, markAccepted, recordSubmission } from '@/ledger/render-store'
import { MAX_KEEP_ATTEMPTS } from '@/ledger/take-copies'
import { requestObject, submission } from '@/ledger/test-fixtures'
import { useTestLedger } from '@/ledger/test-ledger'
import { openFolderStore } from '@/media/folder-store'
import { createSimulator } from '@/simulator/simulator'
import { createBffApp } from './app'
import { serveMedia } from './media-routes'
import { createTakeKeeper } from './take-keeper'
import { createUpstreamClient } from './upstream'

const fixture = (name: string) => readFile(new URL(`../media/fixtures/${name}`, import.meta.url))
const DEMO_DIR = new URL('../../public/demo', import.meta.url).pathname

describe('media through the BFF', () => {
  const ledger = useTestLedger('pglite')

  async function studio(options: { mode?: 'demo' | 'live'; uploadsOff?: string } = {}) {
    const store = await openFolderStore({ dir: await mkdtemp(join(tmpdir(), 'studio-media-')) })
    const simulator = createSimulator({ catalog: catalogV1, timing: { queuedMs: 0, processingMs: 0, pollAfterMs: 0 } })
    const upstream = createUpstreamClient({
      baseUrl: 'http://s.invalid',
      apiKey: 'cs_test_media_key',
      fetch: simulator.fetch,
    })
    const keeper = createTakeKeeper({ db: ledger.db, store, demoDir: DEMO_DIR })
    const bff = createBffApp({
      mode: options.mode ?? 'demo',
      catalog: catalogV1,
      upstream,
      ledger: ledger.db,
      media: { store, uploadsOff: options.uploadsOff, keeper, demoDir: DEMO_DIR },
    })
    const site = new Hono()
    site.all('/api/*', (c) => bff.fetch(c.req.raw))
    site.on(['GET', 'HEAD'], '/media/:name', serveMedia(store))
    const call = (path: string, init?: RequestInit) => site.fetch(new Request(`http://studio.test${path}`, init))
    const upload = async (bytes: Uint8Array, name: string, headers: Record<string, string> = {}) =>
      call('/api/media', {
        method: 'POST',
        headers: { 'x-file-name': name, 'content-type': 'image/png', ...headers },
        body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
      })
    return { call, upload }
  }

  it('stores an upload by its bytes and serves it with Range, immutable caching, nosniff and a sandbox', async () => {
    const { call, upload } = await studio()
    const png = await fixture('image.png')
    const stored = await upload(png, 'frame.png', { 'content-type': 'text/plain' })
    expect(stored.status).toBe(201)
    const body = await stored.json()
    expect(body).toMatchObject({ kind: 'image', mime: 'image/png', bytes: png.length })
    expect(body.url).toBe(`/media/${body.sha256}.png`)
    expect((await (await upload(png, 'again.png')).json()).url).toBe(body.url)

    const served = await call(body.url)
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true)
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(served.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'")
    const part = await call(body.url, { headers: { range: 'bytes=0-7' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 0-7/${png.length}`)
    expect(Buffer.from(await part.arrayBuffer()).equals(png.subarray(0, 8))).toBe(true)
    expect((await call('/media/../../etc/passwd')).status).toBe(404)
  })

  it('refuses what is not an accepted image, clip or track, and what is too large, with plain messages', async () => {
    const { upload, call } = await studio()
    const svg = await upload(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'x.svg')
    expect(svg.status).toBe(415)
    expect((await svg.json()).error.message).toMatch(/SVG/)
    const gif = await upload(await fixture('refused.gif'), 'x.gif')
    expect(gif.status).toBe(415)
    const huge = await upload(await fixture('image.png'), 'big.png', { 'content-length': String(25 * 1024 * 1024) })
    expect(huge.status).toBe(413)
    expect((await huge.json()).error.message).toMatch(/Images can be at most 20 MB/)
    const unnamed = await call('/api/media', { method: 'POST', body: await fixture('image.png') })
    expect(unnamed.status).toBe(400)
  })

  it('refuses uploads in live mode when Cannon could not fetch them, saying how to enable them', async () => {
    const { upload } = await studio({ mode: 'live', uploadsOff: 'Uploading needs STUDIO_PUBLIC_URL or S3' })
    const refused = await upload(await fixture('image.png'), 'frame.png')
    expect(refused.status).toBe(403)
    expect(await refused.json()).toEqual({
      error: { code: 'uploads_off', message: 'Uploading needs STUDIO_PUBLIC_URL or S3' },
    })
  })

  it('keeps a copy of a succeeded take, plays it from /media/ and downloads it with a meaningful name', async () => {
    const { call } = await studio()
    const created = await call('/api/v1/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        operation: 'video.generate',
        input: { model: 'grok', prompt: 'A red fox in snow', duration: 6 },
      }),
    })
    const { id, render_id } = await created.json()
    await ledger.db.query('UPDATE renders SET next_poll_at_ms = 0')
    await expect.poll(async () => (await (await call(`/api/v1/requests/${id}`)).json()).status).toBe('succeeded')
    await expect
      .poll(async () => (await (await call(`/api/renders/${render_id}`)).json()).keptVideoUrl)
      .toMatch(/^\/media\/[0-9a-f]{64}\.mp4$/)
    const render = await (await call(`/api/renders/${render_id}`)).json()
    const kept = await call(render.keptVideoUrl)
    const original = await readFile(join(DEMO_DIR, basename(render.output.video_url)))
    expect(Buffer.from(await kept.arrayBuffer()).equals(original)).toBe(true)
    const download = await call(`/api/renders/${render_id}/download`)
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="a-red-fox-in-snow-grok-${id.replace(/^req_/, '').slice(0, 8)}.mp4"`,
    )
    expect((await download.arrayBuffer()).byteLength).toBe(original.length)
  })
  it('a sweep keeps takes that finished elsewhere, and records why a take could not be kept', async () => {
    const store = await openFolderStore({ dir: await mkdtemp(join(tmpdir(), 'studio-media-')) })
    const hostCheck = (name: string) => Promise.resolve(name === 'cdn.invalid' ? 'does not resolve' : undefined)
    const keeper = createTakeKeeper({ db: ledger.db, store, demoDir: DEMO_DIR, hostCheck })
    const finished = async (n: number, videoUrl: string) => {
      const render = await recordSubmission(ledger.db, submission())
      await markAccepted(
        ledger.db,
        render.idempotencyKey,
        { id: `req_sweep${n}`, status: 'queued', poll_after_ms: 0 },
        1,
      )
      const output = { video_url: videoUrl }
      await applyRequestObject(ledger.db, `req_sweep${n}`, requestObject(`req_sweep${n}`, 'succeeded', { output }), 2)
      return render.id
    }
    const demo = await finished(1, '/demo/lava-16x9-4s.mp4')
    const gone = await finished(2, 'https://cdn.invalid/take.mp4')

    await keeper.sweep()
    expect(await getRender(ledger.db, demo)).toMatchObject({
      keptVideoUrl: expect.stringMatching(/^\/media\//),
      keepError: null,
    })
    expect(await getRender(ledger.db, gone)).toMatchObject({
      keptVideoUrl: null,
      keepError: "The take's URL does not resolve",
    })
    // Refused for good: the next sweep leaves it alone.
    await keeper.sweep()
    expect(
      (await ledger.db.query<{ n: number }>(`SELECT keep_attempts AS n FROM renders WHERE id = $1`, [gone]))[0]?.n,
    ).toBe(MAX_KEEP_ATTEMPTS)
  })
})
