import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Render } from '@/catalog/render-contract'
import { openFolderStore } from '@/media/folder-store'
import type { MediaStore } from '@/media/media-store'
import { mediaPath } from '@/media/media-types'
import { streamOf } from '@/media/test-samples'
import { CutProblem, type SequenceShape } from './cut'
import { resolveCut } from './resolve-cut'
import { ledgerRender } from '@/test/ledger-fixtures'
import { makeClip } from './test-clips'

describe('resolving a sequence into its cut', () => {
  let dir: string
  let store: MediaStore
  let kept: string
  const renders = new Map<string, Render>()
  const getTake = async (id: string) => renders.get(id)

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'resolve-cut-'))
    store = await openFolderStore({ dir: join(dir, 'media') })
    const clip = await makeClip(dir, 'take.mp4', {
      source: 'color=c=red',
      width: 320,
      height: 180,
      fps: 25,
      seconds: 1,
      toneHz: 440,
    })
    kept = (await store.put(streamOf(await readFile(clip)))).name
    renders.set('t1', ledgerRender(1, { id: 't1', keptVideoUrl: mediaPath(kept) }))
    renders.set('t2', ledgerRender(2, { id: 't2', status: 'processing', output: null }))
    renders.set('t3', ledgerRender(3, { id: 't3' }))
    renders.set('t4', ledgerRender(4, { id: 't4', keptVideoUrl: mediaPath(kept), deleted: true }))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  const sequence = (activeTakeId: string, inMs = 100, outMs = 900): SequenceShape => ({
    id: 'seq-1',
    name: 'Harbour',
    version: 2,
    shots: [{ id: 's1', takeIds: [activeTakeId], activeTakeId, inMs, outMs }],
  })
  const tempDir = () => join(dir, 'exports')

  it('probes the kept take itself and names it as its download is named', async () => {
    const cut = await resolveCut(sequence('t1'), { getTake, store, tempDir: tempDir() })
    expect(cut).toMatchObject({ sequenceId: 'seq-1', name: 'Harbour', version: 2 })
    expect(cut.shots).toEqual([
      expect.objectContaining({
        takeId: 't1',
        name: 'take-1-of-a-lighthouse-sora2-1.mp4',
        model: 'sora2',
        inMs: 100,
        outMs: 900,
        file: await store.localPath?.(kept),
        url: mediaPath(kept),
        width: 320,
        height: 180,
        fps: { num: 25, den: 1 },
        hasAudio: true,
      }),
    ])
    expect(cut.shots[0]!.durationMs).toBeGreaterThanOrEqual(1000)
  })

  it('downloads a take from a store without local files, and removes the download on release', async () => {
    const { localPath: _, ...remote } = store
    const cut = await resolveCut(sequence('t1'), { getTake, store: remote, tempDir: tempDir() })
    expect(cut.shots[0]!.file.startsWith(tempDir())).toBe(true)
    expect(await readdir(tempDir())).toHaveLength(1)
    await cut.release()
    expect(await readdir(tempDir())).toHaveLength(0)
  })

  it.each([
    ['an unknown take', sequence('nope'), 422, 'unknown_take'],
    ['a take not finished', sequence('t2'), 409, 'take_not_finished'],
    ['a take not kept yet', sequence('t3'), 409, 'take_not_kept'],
    ['a take deleted from the gallery', sequence('t4'), 409, 'take_deleted'],
    ['an out point past the take’s end', sequence('t1', 0, 1500), 422, 'trim_out_of_range'],
    ['an in point after the out point', sequence('t1', 800, 400), 422, 'trim_out_of_range'],
    ['no shots', { ...sequence('t1'), shots: [] }, 422, 'empty_sequence'],
  ])('refuses %s with a clear message', async (_, shape, status, code) => {
    const { localPath: _local, ...remote } = store
    const error = await resolveCut(shape, { getTake, store: remote, tempDir: tempDir() }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CutProblem)
    expect(error).toMatchObject({ status, code })
    expect((error as Error).message.length).toBeGreaterThan(20)
    expect(await readdir(tempDir()).catch(() => [])).toHaveLength(0)
  })

  it('names the shot and the take’s length when a trim does not fit', async () => {
    const later: SequenceShape = {
      ...sequence('t1'),
      shots: [...sequence('t1').shots, { id: 's2', takeIds: ['t1'], activeTakeId: 't1', inMs: 0, outMs: 4000 }],
    }
    await expect(resolveCut(later, { getTake, store, tempDir: tempDir() })).rejects.toThrow(
      /^Shot 2: in 0 s and out 4 s must lie within its take of 1\.\d+ s$/,
    )
  })
})
