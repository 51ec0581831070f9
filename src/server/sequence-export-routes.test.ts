import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CutProblem, type CutShot, type LoadCut } from './sequence-export/cut'
import { openExportRunner, type ExportRunner } from './sequence-export/export-jobs'
import { probeFile } from './sequence-export/probe'
import { handMadeCut, makeClip } from './sequence-export/test-clips'
import { simulatedBff } from './test-bff'

const TOKEN = 'studio-token-0123456789abcdef'
const auth = { authorization: `Bearer ${TOKEN}` }
const post = (body: unknown, headers: Record<string, string> = auth): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

describe('the sequence export routes', () => {
  let dir: string
  let shot: CutShot
  let runner: ExportRunner
  const asked: { id: string; author: string | null }[] = []

  const loadCut: LoadCut = async (id, who) => {
    asked.push({ id, author: who.author })
    if (id === 'stale-trim') throw new CutProblem(422, 'trim_out_of_range', 'Shot 1: out 9 s is past its take of 1 s')
    return id === 'seq-1' ? handMadeCut([shot, { ...shot, takeId: 'take-b', inMs: 250 }], 'Harbour at dawn') : undefined
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'export-routes-'))
    const file = await makeClip(dir, 'take.mp4', {
      source: 'color=c=navy',
      width: 320,
      height: 180,
      fps: 25,
      seconds: 0.5,
    })
    shot = {
      takeId: 'take-a',
      name: 'harbour-seedance2-a.mp4',
      model: 'seedance2',
      inMs: 0,
      outMs: 500,
      file,
      url: '/media/a.mp4',
      ...(await probeFile(file)),
    }
    runner = await openExportRunner({ dir: join(dir, 'exports') })
  })
  afterAll(async () => {
    await runner.close()
    await rm(dir, { recursive: true, force: true })
  })

  const studio = (exportRunner = runner) =>
    simulatedBff({ accessToken: TOKEN, sequenceExports: { loadCut, runner: exportRunner } }).call

  it('sit behind the access guard', async () => {
    const call = studio()
    expect((await call('/api/sequences/seq-1/exports', post({ format: 'mp4' }, {}))).status).toBe(401)
    expect((await call('/api/sequences/seq-1/export.otio')).status).toBe(401)
    expect(asked).toEqual([])
  })

  it('export an MP4: started, followed to the end, downloaded once under the sequence’s name', async () => {
    const call = studio()
    const started = await call('/api/sequences/seq-1/exports', post({ format: 'mp4' }))
    expect(started.status).toBe(202)
    const { jobId } = (await started.json()) as { jobId: string }
    let status: { state: string; progress: number } = { state: 'queued', progress: 0 }
    for (let i = 0; i < 100 && !['done', 'failed'].includes(status.state); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      status = await (await call(`/api/sequences/seq-1/exports/${jobId}`, { headers: auth })).json()
    }
    expect(status).toEqual({ state: 'done', progress: 1 })

    const file = await call(`/api/sequences/seq-1/exports/${jobId}/file`, { headers: auth })
    expect(file.status).toBe(200)
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="harbour-at-dawn.mp4"')
    const bytes = new Uint8Array(await file.arrayBuffer())
    expect(new TextDecoder().decode(bytes.subarray(4, 8))).toBe('ftyp')
    expect(Number(file.headers.get('content-length'))).toBe(bytes.length)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(await readdir(join(dir, 'exports'))).toEqual([])
    const again = await call(`/api/sequences/seq-1/exports/${jobId}/file`, { headers: auth })
    expect([again.status, (await again.json()).error.code]).toEqual([410, 'export_downloaded'])
    // Another sequence's id does not reach this export.
    expect((await call(`/api/sequences/seq-2/exports/${jobId}`, { headers: auth })).status).toBe(404)
  })

  it('cancel an export in progress and refuse its file; refuse a sixth at once, loading nothing', async () => {
    const stuck = await openExportRunner({
      dir: join(dir, 'stuck'),
      encode: (_cut, _output, { signal }) => new Promise((_, reject) => signal?.addEventListener('abort', reject)),
    })
    const call = studio(stuck)
    const start = () => call('/api/sequences/seq-1/exports', post({ format: 'mp4' }))
    const { jobId } = (await (await start()).json()) as { jobId: string }
    const early = await call(`/api/sequences/seq-1/exports/${jobId}/file`, { headers: auth })
    expect([early.status, (await early.json()).error.code]).toEqual([409, 'export_not_ready'])

    for (let i = 0; i < 4; i++) expect((await start()).status).toBe(202)
    const loads = asked.length
    const refused = await start()
    expect([refused.status, refused.headers.get('retry-after'), (await refused.json()).error.code]).toEqual([
      429,
      '60',
      'exports_busy',
    ])
    expect(asked.length).toBe(loads)

    const cancelled = await call(`/api/sequences/seq-1/exports/${jobId}`, { method: 'DELETE', headers: auth })
    expect(await cancelled.json()).toEqual({ state: 'cancelled', progress: 0 })
    expect((await call(`/api/sequences/seq-1/exports/${jobId}`, { headers: auth })).status).toBe(200)
    await stuck.close()
  })

  it('answer bad requests with a clear JSON error and start nothing', async () => {
    const call = studio()
    const cases: [string, RequestInit, number, string][] = [
      ['/api/sequences/seq-1/exports', post({ format: 'gif' }), 400, 'invalid_input'],
      ['/api/sequences/nope/exports', post({ format: 'mp4' }), 404, 'not_found'],
      ['/api/sequences/stale-trim/exports', post({ format: 'mp4' }), 422, 'trim_out_of_range'],
      ['/api/sequences/stale-trim/export.xml', { headers: auth }, 422, 'trim_out_of_range'],
      ['/api/sequences/seq-1/exports/no-such-job', { headers: auth }, 404, 'not_found'],
    ]
    for (const [path, init, status, code] of cases) {
      const response = await call(path, init)
      expect([path, response.status, (await response.json()).error.code]).toEqual([path, status, code])
    }
  })

  it('download the cut for editors as .otio and .xml, naming each take with its in and out points', async () => {
    const call = studio()
    const otio = await call('/api/sequences/seq-1/export.otio', { headers: auth })
    expect(otio.headers.get('content-disposition')).toBe('attachment; filename="harbour-at-dawn.otio"')
    const timeline = await otio.json()
    const clips = timeline.tracks.children[0].children
    expect(
      clips.map((c: { metadata: { cannon_studio: { take_id: string } } }) => c.metadata.cannon_studio.take_id),
    ).toEqual(['take-a', 'take-b'])
    expect(clips[1].source_range.start_time.value).toBe(6)
    expect(clips[0].media_references.DEFAULT_MEDIA.target_url).toBe('http://studio.test/media/a.mp4')

    const xml = await call('/api/sequences/seq-1/export.xml', { headers: auth })
    expect(xml.headers.get('content-type')).toMatch(/^application\/xml/)
    const doc = new XMLParser().parse(await xml.text())
    const items = doc.xmeml.sequence.media.video.track.clipitem
    expect(items.map((item: { in: number; out: number }) => [item.in, item.out])).toEqual([
      [0, 13],
      [6, 13],
    ])
  })
})
