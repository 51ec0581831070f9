import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openFolderStore } from './folder-store'
import { keepTake, type KeepTakeOptions } from './keep-take'
import type { MediaStore } from './media-store'
import { fixture, largeMp4 } from './test-samples'
import { listFiles } from './test-stores'

const TAKES = 'https://takes.test'
const mp4 = fixture('video-h264.mp4')

describe('keepTake', () => {
  let server: Server
  let origin: string
  let dir: string
  let store: MediaStore
  const hits = new Map<string, number>()
  const routes: Record<string, (res: ServerResponse, hit: number) => void> = {
    '/take.mp4': (res) => res.end(mp4),
    '/big.mp4': (res) => {
      res.setHeader('content-length', String(2 * 1024 * 1024))
      res.end(largeMp4(2 * 1024 * 1024 - mp4.length - 8))
    },
    '/big-chunked.mp4': (res) => {
      res.write(mp4) // no length declared: the cap stops it as the bytes arrive
      const body = largeMp4(3 * 1024 * 1024).subarray(mp4.length)
      for (let at = 0; at < body.length; at += 65536) res.write(body.subarray(at, at + 65536))
      res.end()
    },
    '/slow.mp4': (res) => {
      res.write(mp4.subarray(0, 100)) // then nothing: the time limit ends it
    },
    '/flaky.mp4': (res, hit) => {
      res.statusCode = hit === 1 ? 503 : 200
      res.end(hit === 1 ? 'busy' : mp4)
    },
    '/always-503.mp4': (res) => {
      res.statusCode = 503
      res.end('busy')
    },
    '/gone.mp4': (res) => {
      res.statusCode = 404
      res.end()
    },
    '/poster.png': (res) => res.end(fixture('image.png')),
    '/page.html': (res) => res.end('<!doctype html><script>alert(1)</script>'),
    '/moved': (res) => {
      res.statusCode = 302
      res.setHeader('location', `${TAKES}/take.mp4`)
      res.end()
    },
    '/moved-to-http': (res) => {
      res.statusCode = 302
      res.setHeader('location', 'http://takes.test/take.mp4')
      res.end()
    },
  }

  beforeAll(async () => {
    server = createServer((req, res) => {
      const hit = (hits.get(req.url!) ?? 0) + 1
      hits.set(req.url!, hit)
      const route = routes[req.url!]
      if (route) route(res, hit)
      else res.writeHead(404).end()
    })
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((done) => server.close(done))
  })
  beforeEach(async () => {
    hits.clear()
    dir = await mkdtemp(join(tmpdir(), 'keep-take-'))
    store = await openFolderStore({ dir })
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  /** The network as the studio sees it: https://takes.test is the loopback server (TLS is not what is tested). */
  const options = (more: KeepTakeOptions = {}): KeepTakeOptions => ({
    fetch: (input, init) => fetch(String(input).replace(TAKES, origin), init),
    backoffMs: 1,
    timeoutMs: 2000,
    ...more,
  })
  const stored = async () => (await listFiles(dir)).filter((f) => !f.startsWith('.tmp'))
  const temps = async () => (await listFiles(dir)).filter((f) => f.startsWith('.tmp'))

  it('keeps a take: streamed, sniffed as video and stored under its hash', async () => {
    const result = await keepTake(store, `${TAKES}/take.mp4`, options())
    expect(result).toEqual({
      ok: true,
      attempts: 1,
      media: expect.objectContaining({ kind: 'video', mime: 'video/mp4', bytes: mp4.length }),
    })
    expect(await stored()).toHaveLength(1)
  })

  it('follows a redirect to https, and never one to plain http', async () => {
    expect(await keepTake(store, `${TAKES}/moved`, options())).toMatchObject({ ok: true })
    expect(await keepTake(store, `${TAKES}/moved-to-http`, options())).toEqual({
      ok: false,
      reason: "The take's URL is not an https:// URL",
      retryable: false,
      attempts: 1,
    })
  })

  it('refuses a URL that is not https, or whose host the studio must not reach', async () => {
    expect(await keepTake(store, `${origin}/take.mp4`, options())).toMatchObject({ ok: false, retryable: false })
    expect(await keepTake(store, 'https://user:pw@takes.test/take.mp4', options())).toMatchObject({ ok: false })
    const hostCheck = async () => 'must point to a public host'
    expect(await keepTake(store, `${TAKES}/take.mp4`, options({ hostCheck }))).toMatchObject({
      ok: false,
      reason: "The take's URL must point to a public host",
    })
    expect(hits.size).toBe(0)
  })

  it('refuses a body over the cap: at once when declared, as bytes arrive when not; nothing is stored', async () => {
    const cap = { maxBytes: 1024 * 1024 }
    expect(await keepTake(store, `${TAKES}/big.mp4`, options(cap))).toEqual({
      ok: false,
      reason: 'Videos can be at most 1 MB; this one is 2 MB',
      retryable: false,
      attempts: 1,
    })
    expect(await keepTake(store, `${TAKES}/big-chunked.mp4`, options(cap))).toMatchObject({
      ok: false,
      reason: 'Videos can be at most 1 MB; this one is larger',
      retryable: false,
    })
    expect(await stored()).toEqual([])
    expect(await temps()).toEqual([])
  })

  it('gives up on a download that stalls past its time limit, retrying first; nothing is stored', async () => {
    const result = await keepTake(store, `${TAKES}/slow.mp4`, options({ timeoutMs: 150, retries: 1 }))
    expect(result).toEqual({
      ok: false,
      reason: 'The take did not download within 150 ms',
      retryable: true,
      attempts: 2,
    })
    expect(hits.get('/slow.mp4')).toBe(2)
    expect(await stored()).toEqual([])
    expect(await temps()).toEqual([])
  })

  it('retries a 5xx with backoff and then keeps the take', async () => {
    const waits: number[] = []
    const sleep = async (ms: number) => void waits.push(ms)
    const result = await keepTake(store, `${TAKES}/flaky.mp4`, options({ sleep, backoffMs: 1000 }))
    expect(result).toMatchObject({ ok: true, attempts: 2 })
    expect(waits).toHaveLength(1)
    expect(waits[0]).toBeGreaterThanOrEqual(750)
    expect(waits[0]).toBeLessThanOrEqual(1250)
  })

  it('reports a host that keeps failing as worth trying later, and a 404 as final', async () => {
    expect(await keepTake(store, `${TAKES}/always-503.mp4`, options({ retries: 2 }))).toEqual({
      ok: false,
      reason: "The take's host answered 503",
      retryable: true,
      attempts: 3,
    })
    expect(await keepTake(store, `${TAKES}/gone.mp4`, options())).toMatchObject({
      ok: false,
      retryable: false,
      attempts: 1,
    })
  })

  it('refuses a body that is not a video (an image, a web page); nothing is stored', async () => {
    expect(await keepTake(store, `${TAKES}/poster.png`, options())).toEqual({
      ok: false,
      reason: 'Only a video can go here; this file is an image',
      retryable: false,
      attempts: 1,
    })
    expect(await keepTake(store, `${TAKES}/page.html`, options())).toMatchObject({
      ok: false,
      reason: 'Web pages (HTML) are not accepted',
    })
    expect(await stored()).toEqual([])
  })
})
