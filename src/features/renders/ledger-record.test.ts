import { expect, it } from 'vitest'
import { ledgerRender } from '@/test/ledger-fixtures'
import { fromLedger, mergeFromLedger } from './ledger-record'
import { videoUrlOf } from './render-record'

it("keeps a ledger render under the ledger's id, and plays the studio's kept copy of the take", () => {
  const render = ledgerRender(1, {
    keptVideoUrl: '/media/abc.mp4',
    parentId: 'render-00002',
    relation: 'rerun',
    author: 'Ana',
    authorVerified: true,
  })
  expect(fromLedger(render)).toMatchObject({
    localId: render.id,
    requestId: 'req_1',
    output: { video_url: '/demo/lava-16x9-4s.mp4', aspect_ratio: '16:9' },
    keptVideoUrl: '/media/abc.mp4',
    parentId: 'render-00002',
    relation: 'rerun',
    author: 'Ana',
    authorVerified: true,
    synced: true,
  })
  expect(videoUrlOf(fromLedger(render))).toBe('/media/abc.mp4')
  expect(videoUrlOf(fromLedger(ledgerRender(3)))).toBe('/demo/lava-16x9-4s.mp4')
  expect(fromLedger(ledgerRender(2, { requestId: null, status: 'submitting', output: null })).requestId).toBeUndefined()
})

it('takes what the ledger says, except what only this browser knows', () => {
  const ledger = fromLedger(ledgerRender(1, { status: 'processing', favourite: true, updatedAtMs: 50 }))
  const local = {
    ...ledger,
    favourite: false,
    posterDataUrl: 'data:image/jpeg;base64,AA',
    acceptedAtMs: 7,
    updatedAtMs: 9,
  }
  expect(mergeFromLedger(local, ledger, false)).toMatchObject({
    favourite: true,
    posterDataUrl: 'data:image/jpeg;base64,AA',
    acceptedAtMs: 7,
    updatedAtMs: 50,
  })
})

it('never takes a render back to an earlier status than a poll already showed', () => {
  const local = fromLedger(ledgerRender(1, { status: 'succeeded', updatedAtMs: 9 }))
  const older = fromLedger(ledgerRender(1, { status: 'processing', output: null, updatedAtMs: 8 }))
  expect(mergeFromLedger(local, older, false)).toMatchObject({ status: 'succeeded', output: local.output })
})

it('keeps the local favourite, delete and staleness while an edit of them is on its way', () => {
  const ledger = fromLedger(ledgerRender(1, { updatedAtMs: 8 }))
  const local = { ...ledger, favourite: true, deleted: true, updatedAtMs: 9 }
  expect(mergeFromLedger(local, ledger, true)).toMatchObject({ favourite: true, deleted: true })
  expect(mergeFromLedger(local, ledger, false)).toMatchObject({ favourite: false, deleted: undefined })
})

it('keeps the very same record when the ledger has not changed it (the mirror is not written again)', () => {
  const ledger = fromLedger(ledgerRender(1))
  const local = { ...ledger }
  expect(mergeFromLedger(local, fromLedger(ledgerRender(1)), false)).toBe(local)
})

it('keeps who made it and its shoot-out group', () => {
  const render = ledgerRender(1, { author: 'Ana', authorVerified: false, groupId: 'shoot-1' })
  expect(fromLedger(render)).toMatchObject({ author: 'Ana', authorVerified: false, groupId: 'shoot-1' })
  expect(fromLedger(ledgerRender(2)).author).toBeNull() // nobody named: the viewer says "not recorded"
})

it("keeps this browser's wait for an unsent render until the ledger has a reason of its own", () => {
  const unsent = { requestId: null, status: 'submitting', output: null, completedAtMs: null }
  const ledger = fromLedger(ledgerRender(1, { ...unsent, updatedAtMs: 8 }))
  const local = { ...ledger, submitError: 'Too many renders', retryAtMs: 99, updatedAtMs: 9 }
  expect(mergeFromLedger(local, ledger, false)).toMatchObject({ submitError: 'Too many renders', retryAtMs: 99 })
  const refused = fromLedger(ledgerRender(1, { ...unsent, submitError: 'Cannon is busy', updatedAtMs: 10 }))
  expect(mergeFromLedger(local, refused, false)).toMatchObject({ submitError: 'Cannon is busy', retryAtMs: 99 })
  const accepted = fromLedger(ledgerRender(1, { status: 'queued', updatedAtMs: 11 }))
  const merged = mergeFromLedger(local, accepted, false)
  expect([merged.status, merged.submitError, merged.retryAtMs]).toEqual(['queued', undefined, undefined])
})
