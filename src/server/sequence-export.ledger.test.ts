import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordKeptTake } from '@/ledger/take-copies'
import { succeededTake } from '@/ledger/test-fixtures'
import { ENGINES, useTestLedger } from '@/ledger/test-ledger'
import { openFolderStore } from '@/media/folder-store'
import type { MediaStore } from '@/media/media-store'
import { mediaPath } from '@/media/media-types'
import { streamOf } from '@/media/test-samples'
import type { SequenceShape } from './sequence-export/cut'
import { exportsDir, openSequenceExports } from './sequence-export/open-exports'
import { makeClip } from './sequence-export/test-clips'

describe.each(ENGINES)('a sequence’s exports from the ledger on %s', (engine) => {
  const ledger = useTestLedger(engine)
  let dataDir: string
  let store: MediaStore
  let kept: string

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sequence-export-ledger-'))
    store = await openFolderStore({ dir: join(dataDir, 'media') })
    const clip = await makeClip(dataDir, 'take.mp4', {
      source: 'color=c=teal',
      width: 320,
      height: 180,
      fps: 25,
      seconds: 1,
    })
    kept = (await store.put(streamOf(await readFile(clip)))).name
  })
  afterAll(() => rm(dataDir, { recursive: true, force: true }))

  it('loads the cut of the takes the ledger kept, for the person asking', async () => {
    const keptTake = await succeededTake(ledger.db, 1)
    await recordKeptTake(ledger.db, keptTake, mediaPath(kept))
    const waiting = await succeededTake(ledger.db, 2)
    const asked: (string | null)[] = []
    const sequences: Record<string, SequenceShape> = {
      ok: {
        id: 'ok',
        name: 'Pier',
        version: 1,
        shots: [{ id: 's', takeIds: [keptTake], activeTakeId: keptTake, inMs: 0, outMs: 600 }],
      },
      early: {
        id: 'early',
        name: 'Pier',
        version: 1,
        shots: [{ id: 's', takeIds: [waiting], activeTakeId: waiting, inMs: 0, outMs: 600 }],
      },
    }
    const exports = await openSequenceExports({
      dataDir,
      db: ledger.db,
      store,
      getSequence: async (id, who) => (asked.push(who.author), sequences[id]),
    })
    const who = { signIn: 'named' as const, author: 'Ana', authorVerified: true }

    const cut = await exports.loadCut('ok', who)
    expect(cut?.shots).toEqual([
      expect.objectContaining({ takeId: keptTake, outMs: 600, width: 320, fps: { num: 25, den: 1 } }),
    ])
    await expect(exports.loadCut('early', who)).rejects.toMatchObject({ code: 'take_not_kept' })
    expect(await exports.loadCut('missing', who)).toBeUndefined()
    expect(asked).toEqual(['Ana', 'Ana', 'Ana'])
    expect(await readdir(exportsDir(dataDir))).toEqual([])
    await exports.runner.close()
  })
})
