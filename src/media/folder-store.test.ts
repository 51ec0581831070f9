import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openFolderStore } from './folder-store'
import { fixture, streamOf } from './test-samples'
import { listFiles } from './test-stores'

describe('the folder store', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'folder-store-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('keeps files in folders named by the first two hex digits of their hash', async () => {
    const store = await openFolderStore({ dir })
    const stored = await store.put(streamOf(fixture('audio.aac')))
    expect(await listFiles(dir)).toEqual([join(stored.sha256.slice(0, 2), stored.name)])
  })

  it('answers the /media path when the studio has no public URL', async () => {
    const store = await openFolderStore({ dir })
    const stored = await store.put(streamOf(fixture('audio.aac')))
    expect(await store.urlFor(stored.name)).toBe(`/media/${stored.name}`)
  })

  it('answers the local path of a stored file, and none for a missing file or a name that is not a media name', async () => {
    const store = await openFolderStore({ dir })
    const stored = await store.put(streamOf(fixture('audio.aac')))
    expect(await store.localPath?.(stored.name)).toBe(join(dir, stored.sha256.slice(0, 2), stored.name))
    expect(await store.localPath?.(`${'0'.repeat(64)}.mp4`)).toBeUndefined()
    expect(await store.localPath?.('../../etc/passwd')).toBeUndefined()
  })

  it('stores the same bytes once when they arrive at the same time', async () => {
    const store = await openFolderStore({ dir })
    const results = await Promise.all([1, 2, 3].map(() => store.put(streamOf(fixture('video.mov')))))
    expect(new Set(results.map((r) => r.name)).size).toBe(1)
    expect(await listFiles(dir)).toHaveLength(1)
  })

  it('removes at open the temporary files a crashed upload left, older than a day, and keeps fresh ones', async () => {
    await mkdir(join(dir, '.tmp'), { recursive: true })
    const old = join(dir, '.tmp', 'upload-old.part')
    const fresh = join(dir, '.tmp', 'upload-fresh.part')
    await writeFile(old, 'x')
    await writeFile(fresh, 'y')
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000)
    await utimes(old, twoDaysAgo, twoDaysAgo)
    await openFolderStore({ dir })
    expect(await listFiles(dir)).toEqual([join('.tmp', 'upload-fresh.part')])
  })
})
