import { describe, expect, it } from 'vitest'
import { recordSubmission, updateRender } from './render-store'
import {
  addShareCommenter,
  findShare,
  insertShare,
  listShares,
  recordShareView,
  revokeShare,
  sharedTakes,
} from './shares'
import { submission } from './test-fixtures'
import { ENGINES, useTestLedger } from './test-ledger'

const T0 = 1_800_000_000_000

describe.each(ENGINES)('share links on %s', (engine) => {
  const ledger = useTestLedger(engine, { own: true })

  const share = (id: string, ids: string[], createdAtMs = T0) =>
    insertShare(ledger.db, {
      id,
      secretHash: `hash-of-${id}`,
      kind: ids.length > 1 ? 'compare' : 'render',
      ids,
      title: 'A lantern over a lake',
      createdBy: 'Ada',
      createdAtMs,
      expiresAtMs: createdAtMs + 7 * 86_400_000,
    })

  it('keeps a link with the hash of its secret, lists links newest first, and counts views and commenters', async () => {
    const first = await share('s1', ['a'])
    expect(first).toMatchObject({ id: 's1', kind: 'render', ids: ['a'], views: 0, revokedAtMs: null, commenters: [] })
    await share('s2', ['a', 'b'], T0 + 1000)
    expect((await listShares(ledger.db)).map((s) => s.id)).toEqual(['s2', 's1'])
    expect((await findShare(ledger.db, 's1'))?.secretHash).toBe('hash-of-s1')
    expect(await findShare(ledger.db, 'nope')).toBeUndefined()

    await recordShareView(ledger.db, 's1', T0 + 5)
    await recordShareView(ledger.db, 's1', T0 + 9)
    await addShareCommenter(ledger.db, 's1', 'Mira')
    await addShareCommenter(ledger.db, 's1', 'Mira')
    await addShareCommenter(ledger.db, 's1', 'Jon')
    expect((await findShare(ledger.db, 's1'))?.share).toMatchObject({
      views: 2,
      lastViewedAtMs: T0 + 9,
      commenters: ['Mira', 'Jon'],
    })
  })

  it('revokes once: a second revoke keeps the first time, an unknown link is undefined', async () => {
    await share('s3', ['a'])
    expect((await revokeShare(ledger.db, 's3', T0 + 10))?.revokedAtMs).toBe(T0 + 10)
    expect((await revokeShare(ledger.db, 's3', T0 + 99))?.revokedAtMs).toBe(T0 + 10)
    expect(await revokeShare(ledger.db, 'unknown', T0)).toBeUndefined()
  })

  it('reads the shared takes in the link’s order and leaves out deleted ones', async () => {
    const made = []
    for (const prompt of ['one', 'two', 'three']) {
      made.push(await recordSubmission(ledger.db, submission({ input: { model: 'grok', prompt } as never, nowMs: T0 })))
    }
    const [one, two, three] = made.map((r) => r.id) as [string, string, string]
    expect((await sharedTakes(ledger.db, [three, one, 'missing'])).map((r) => r.input.prompt)).toEqual(['three', 'one'])
    await updateRender(ledger.db, two, { deleted: true }, T0 + 1)
    expect((await sharedTakes(ledger.db, [one, two])).map((r) => r.input.prompt)).toEqual(['one'])
  })
})
