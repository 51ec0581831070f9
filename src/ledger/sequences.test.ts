import { describe, expect, it } from 'vitest'
import type { Shot } from '@/catalog/sequence-contract'
import { openDatabase } from './database'
import { applyRequestObject, markAccepted, recordSubmission } from './render-store'
import { createSequence, deleteSequence, findTakes, getSequence, listSequences, updateSequence } from './sequences'
import { requestObject, submission, succeededTake } from './test-fixtures'
import { ENGINES, scratchPostgresUrl, useTestLedger } from './test-ledger'
import { migrate } from './migrations'

const T0 = 1_800_000_000_000
const shot = (id: string, takeIds: string[], inMs = 0, outMs = 5000): Shot => ({
  id,
  takeIds,
  activeTakeId: takeIds[0]!,
  inMs,
  outMs,
})

describe.each(ENGINES)('sequences on %s', (engine) => {
  const ledger = useTestLedger(engine)

  it('keeps shots in order with their trims and active take, one version per change', async () => {
    const [a, b, c] = [
      await succeededTake(ledger.db, 1),
      await succeededTake(ledger.db, 2),
      await succeededTake(ledger.db, 3),
    ]
    const made = await createSequence(ledger.db, {
      name: 'Opening',
      shots: [shot('s1', [a]), shot('s2', [b])],
      nowMs: T0,
    })
    expect(made).toMatchObject({ name: 'Opening', version: 1, createdAtMs: T0, updatedAtMs: T0 })

    const reordered = [shot('s2', [b]), shot('s1', [a, c], 400, 4600)]
    reordered[1]!.activeTakeId = c
    const first = await updateSequence(ledger.db, made.id, { version: 1, shots: reordered }, T0 + 1)
    expect(first.outcome).toBe('updated')
    const stored = await getSequence(ledger.db, made.id)
    expect(stored).toMatchObject({ version: 2, name: 'Opening', updatedAtMs: T0 + 1 })
    expect(stored?.shots).toEqual(reordered)

    const renamed = await updateSequence(ledger.db, made.id, { version: 2, name: 'Cold open' }, T0 + 2)
    expect(renamed).toMatchObject({ outcome: 'updated', sequence: { version: 3, name: 'Cold open', shots: reordered } })
  })

  it('refuses an edit made from an older version and leaves the sequence as it was', async () => {
    const a = await succeededTake(ledger.db, 4)
    const made = await createSequence(ledger.db, { name: 'Chase', shots: [shot('s1', [a])], nowMs: T0 })
    await updateSequence(ledger.db, made.id, { version: 1, name: 'Chase 2' }, T0 + 1)
    const stale = await updateSequence(ledger.db, made.id, { version: 1, shots: [] }, T0 + 2)
    expect(stale).toMatchObject({ outcome: 'stale', current: { version: 2, name: 'Chase 2' } })
    expect((await getSequence(ledger.db, made.id))?.shots).toHaveLength(1)
    expect(await updateSequence(ledger.db, 'nope', { version: 1 }, T0)).toEqual({ outcome: 'not_found' })
  })

  it('lists the last changed first and deletes', async () => {
    const one = await createSequence(ledger.db, { name: 'One', nowMs: T0 })
    const two = await createSequence(ledger.db, { name: 'Two', nowMs: T0 + 1 })
    await updateSequence(ledger.db, one.id, { version: 1, name: 'One again' }, T0 + 2)
    expect((await listSequences(ledger.db)).map((s) => s.name)).toEqual(['One again', 'Two'])
    expect(await deleteSequence(ledger.db, two.id)).toBe(true)
    expect(await deleteSequence(ledger.db, two.id)).toBe(false)
    expect(await getSequence(ledger.db, two.id)).toBeUndefined()
  })

  it('finds the takes the ledger has', async () => {
    const a = await succeededTake(ledger.db, 5)
    const found = await findTakes(ledger.db, [a, a, 'missing'])
    expect([...found.keys()]).toEqual([a])
    expect(found.get(a)?.status).toBe('succeeded')
  })

  it('joins re-runs and variations to their parent’s shot, and Use last frame or a continuation as the next shot, when they succeed', async () => {
    const first = await succeededTake(ledger.db, 6)
    const last = await succeededTake(ledger.db, 7)
    const made = await createSequence(ledger.db, {
      name: 'Scene',
      shots: [shot('s1', [first], 500, 4000), shot('s2', [last])],
      nowMs: T0,
    })
    const rerun = await succeededTake(ledger.db, 8, T0 + 1, { parentId: first, relation: 'rerun' })
    const variation = await succeededTake(ledger.db, 9, T0 + 2, { parentId: rerun, relation: 'variation' })
    const onward = await succeededTake(ledger.db, 10, T0 + 3, {
      parentId: first,
      relation: 'last-frame',
      input: { model: 'grok', prompt: 'the fox runs on', duration: 6 },
    })
    const unrelated = await succeededTake(ledger.db, 11, T0 + 4, { parentId: first, relation: 'remix' })
    // A Wan 2.7 continuation of the next shot's clip goes on after it.
    const continued = await succeededTake(ledger.db, 13, T0 + 5, {
      parentId: onward,
      relation: 'continue',
      input: { model: 'wan27video', prompt: 'the fox runs on', duration: 5 },
    })

    const after = await getSequence(ledger.db, made.id)
    expect(after?.version).toBe(5)
    expect(after?.updatedAtMs).toBe(T0 + 5)
    expect(after?.shots.map((s) => s.takeIds)).toEqual([[first, rerun, variation], [onward], [continued], [last]])
    expect(after?.shots[0]).toMatchObject({ id: 's1', activeTakeId: first, inMs: 500, outMs: 4000 })
    expect(after?.shots[1]).toMatchObject({ activeTakeId: onward, inMs: 0, outMs: 6000 })
    expect(after?.shots[2]).toMatchObject({ activeTakeId: continued, inMs: 0, outMs: 5000 })
    expect(after?.shots.flatMap((s) => s.takeIds)).not.toContain(unrelated)
  })

  it('joins a take once, and not at all when it fails', async () => {
    const first = await succeededTake(ledger.db, 12)
    const made = await createSequence(ledger.db, { name: 'Once', shots: [shot('s1', [first])], nowMs: T0 })
    const onward = await recordSubmission(ledger.db, submission({ parentId: first, relation: 'last-frame' }))
    await markAccepted(ledger.db, onward.idempotencyKey, { id: 'req_once', status: 'queued', poll_after_ms: 0 }, T0)
    const done = requestObject('req_once', 'succeeded', { output: { video_url: 'https://cdn.example.com/x.mp4' } })
    await applyRequestObject(ledger.db, 'req_once', done, T0 + 1)
    await applyRequestObject(ledger.db, 'req_once', done, T0 + 2)
    expect((await getSequence(ledger.db, made.id))?.shots).toHaveLength(2)

    const failing = await recordSubmission(ledger.db, submission({ parentId: first, relation: 'rerun' }))
    await markAccepted(ledger.db, failing.idempotencyKey, { id: 'req_fail', status: 'queued', poll_after_ms: 0 }, T0)
    await applyRequestObject(ledger.db, 'req_fail', requestObject('req_fail', 'failed'), T0 + 3)
    expect(await getSequence(ledger.db, made.id)).toMatchObject({ version: 2 })
  })
})

describe('sequences edited from two studios on one Postgres', () => {
  it('lets exactly one of two edits made from one version land', async () => {
    const url = await scratchPostgresUrl()
    const [a, b] = [await openDatabase({ url, dataDir: '' }), await openDatabase({ url, dataDir: '' })]
    try {
      await migrate(a)
      const made = await createSequence(a, { name: 'Race', nowMs: T0 })
      for (let round = 1; round <= 10; round += 1) {
        const results = await Promise.all([
          updateSequence(a, made.id, { version: round, name: `a${round}` }, T0 + round),
          updateSequence(b, made.id, { version: round, name: `b${round}` }, T0 + round),
        ])
        const outcomes = results.map((r) => r.outcome).sort()
        expect(outcomes).toEqual(['stale', 'updated'])
        const winner = results.find((r) => r.outcome === 'updated')
        expect((await getSequence(a, made.id))?.name).toBe(winner?.outcome === 'updated' && winner.sequence.name)
      }
      expect((await getSequence(b, made.id))?.version).toBe(11)
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })

  it('never lets an edit made before a take joined overwrite it', async () => {
    const url = await scratchPostgresUrl()
    const [a, b] = [await openDatabase({ url, dataDir: '' }), await openDatabase({ url, dataDir: '' })]
    try {
      await migrate(a)
      for (let round = 0; round < 5; round += 1) {
        const first = await succeededTake(a, 100 + round)
        const made = await createSequence(a, { name: `Race ${round}`, shots: [shot('s1', [first])], nowMs: T0 })
        const onward = await recordSubmission(a, submission({ parentId: first, relation: 'last-frame' }))
        const requestId = `req_race${round}`
        await markAccepted(a, onward.idempotencyKey, { id: requestId, status: 'queued', poll_after_ms: 0 }, T0)
        const done = requestObject(requestId, 'succeeded', { output: { video_url: 'https://cdn.example.com/r.mp4' } })
        const [edit] = await Promise.all([
          updateSequence(b, made.id, { version: 1, shots: [shot('s1', [first], 100, 4000)] }, T0 + 1),
          applyRequestObject(a, requestId, done, T0 + 1),
        ])
        const after = await getSequence(a, made.id)
        expect(after?.shots.map((s) => s.activeTakeId)).toEqual([first, onward.id])
        expect(after?.shots[0]?.inMs).toBe(edit.outcome === 'updated' ? 100 : 0)
        expect(after?.version).toBe(edit.outcome === 'updated' ? 3 : 2)
      }
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })
})
