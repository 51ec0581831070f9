import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { continueClipSchema } from '@/catalog/sequence-contract'
import { recordSubmission } from '@/ledger/render-store'
import { recordKeptTake } from '@/ledger/take-copies'
import { submission, succeededTake } from '@/ledger/test-fixtures'
import { useTestLedger } from '@/ledger/test-ledger'
import { openFolderStore } from '@/media/folder-store'
import type { MediaStore } from '@/media/media-store'
import { mediaPath, parseMediaName } from '@/media/media-types'
import { streamOf } from '@/media/test-samples'
import { createMemoryRateLimiter } from './rate-limit'
import { probeFile } from './sequence-export/probe'
import { makeClip } from './sequence-export/test-clips'
import { post as postWith } from './test-credits-studio'
import { simulatedBff } from './test-bff'

const TOKEN = 'studio-token-0123456789abcdef'
const auth = { authorization: `Bearer ${TOKEN}` }
const post = (body: unknown, headers: Record<string, string> = auth) => postWith(body, headers)
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code
/** The middle of frame `n` at 24 fps, in milliseconds: how the frame picker names a frame. */
const frameMs = (n: number) => Math.round(((n + 0.5) / 24) * 1000)
const FRAME_MS = 1000 / 24

describe('Continue the clip up to a frame', () => {
  const ledger = useTestLedger('pglite')
  let dir: string
  let store: MediaStore
  let clipsDir: string
  let kept: string
  let broken: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'continue-clip-'))
    store = await openFolderStore({ dir: join(dir, 'media') })
    clipsDir = join(dir, 'clips')
    const take = await makeClip(dir, 'take.mp4', { source: 'testsrc2', width: 160, height: 90, fps: 24, seconds: 12 })
    kept = (await store.put(streamOf(await readFile(take)))).name
    // An MP4's first bytes only: stored (it starts as an MP4 should) but no video in it decodes.
    broken = (await store.put(streamOf((await readFile(take)).subarray(0, 2048)))).name
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  const studio = () => simulatedBff({ accessToken: TOKEN, ledger: ledger.db, media: { store, clipsDir } }).call
  const keptTake = async (n: number, name = kept) => {
    const id = await succeededTake(ledger.db, n)
    await recordKeptTake(ledger.db, id, mediaPath(name))
    return id
  }
  const deletedTake = async (n: number) => {
    const id = await keptTake(n)
    const patch = { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' } }
    expect((await studio()(`/api/renders/${id}`, { ...patch, body: '{"deleted":true}' })).status).toBe(200)
    return id
  }
  const storedLength = async (url: string) => {
    const path = await store.localPath?.(parseMediaName(url.split('/').pop()!)!.name)
    return (await probeFile(path!)).durationMs
  }

  it('cuts the kept take up to and including the picked frame, within Wan 2.7’s 2–10 s, stored like an upload', async () => {
    const call = studio()
    const id = await keptTake(1)
    const response = await call(`/api/renders/${id}/continue-clip`, post({ atMs: frameMs(119), model: 'wan27video' }))
    expect(response.status).toBe(201)
    const clip = continueClipSchema.parse(await response.json())
    expect(clip).toMatchObject({ url: expect.stringMatching(/^\/media\/[0-9a-f]{64}\.mp4$/), startMs: 0, endMs: 5000 })
    expect(Math.abs((await storedLength(clip.url)) - 5000)).toBeLessThanOrEqual(FRAME_MS)

    // Past the longest clip: the ten seconds before the picked frame's end.
    const long = continueClipSchema.parse(
      await (await call(`/api/renders/${id}/continue-clip`, post({ atMs: frameMs(264), model: 'wan27video' }))).json(),
    )
    expect(long).toMatchObject({ startMs: 1042, endMs: 11042 })
    expect(Math.abs((await storedLength(long.url)) - 10_000)).toBeLessThanOrEqual(FRAME_MS)
    expect(await readdir(clipsDir)).toEqual([])
  })

  it('refuses plainly, behind the gate, and cuts nothing', async () => {
    const call = studio()
    const id = await keptTake(2)
    const path = `/api/renders/${id}/continue-clip`
    const ask = { atMs: frameMs(100), model: 'wan27video' }
    expect((await call(path, post(ask, {}))).status).toBe(401)
    expect((await call(path, post(ask, { ...auth, 'sec-fetch-site': 'cross-site' }))).status).toBe(403)

    const refusals: [string, unknown, number, string][] = [
      [path, { atMs: 'soon', model: 'wan27video' }, 400, 'invalid_input'],
      [path, { ...ask, model: 'grok' }, 400, 'not_a_continuation'],
      ['/api/renders/no-such-take/continue-clip', ask, 404, 'not_found'],
      [`/api/renders/${await succeededTake(ledger.db, 3)}/continue-clip`, ask, 409, 'take_not_kept'],
      [
        `/api/renders/${(await recordSubmission(ledger.db, submission())).id}/continue-clip`,
        ask,
        409,
        'take_not_finished',
      ],
      [path, { ...ask, atMs: 12_000 }, 422, 'past_the_end'],
      [`/api/renders/${await keptTake(5, broken)}/continue-clip`, ask, 422, 'take_unreadable'],
      [`/api/renders/${await deletedTake(6)}/continue-clip`, ask, 404, 'not_found'],
      [path, { ...ask, atMs: frameMs(46) }, 422, 'clip_too_short'],
    ]
    for (const [to, body, status, code] of refusals) {
      const response = await call(to, post(body))
      expect([response.status, await errorOf(response)]).toEqual([status, code])
    }
    // Frame 47 ends at 2 s: the shortest clip Wan 2.7 continues.
    expect((await call(path, post({ ...ask, atMs: frameMs(47) }))).status).toBe(201)

    // Cuts count against the per-client limit of writes.
    const limited = simulatedBff({
      accessToken: TOKEN,
      ledger: ledger.db,
      media: { store, clipsDir },
      readLimiter: createMemoryRateLimiter({ limit: 1, windowMs: 60_000 }),
    }).call
    expect((await limited(path, post({ ...ask, atMs: frameMs(47) }))).status).toBe(201)
    expect((await limited(path, post({ ...ask, atMs: frameMs(47) }))).status).toBe(429)
  })
})
