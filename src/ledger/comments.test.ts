import { describe, expect, it } from 'vitest'
import { addComment, listComments, setCommentResolved } from './comments'
import { listRenders } from './render-list'
import { getRender, updateRender } from './render-store'
import { succeededTake } from './test-fixtures'
import { ENGINES, useTestLedger } from './test-ledger'

const T0 = 1_800_000_000_000
const ana = { author: 'Ana', authorVerified: true }
const ben = { author: 'Ben', authorVerified: false }

describe.each(ENGINES)('comments on %s', (engine) => {
  const ledger = useTestLedger(engine)

  it('keeps comments by their moment, counts the open ones on the render, and resolves and reopens them', async () => {
    const id = await succeededTake(ledger.db, 301, T0)
    const late = await addComment(ledger.db, id, { atMs: 4000, text: 'the ending drags', ...ana }, T0 + 1)
    const early = await addComment(ledger.db, id, { atMs: 2500, text: '<b>not bold</b> & plain', ...ben }, T0 + 2)
    expect(early).toMatchObject({ renderId: id, atMs: 2500, author: 'Ben', resolved: false, resolvedBy: null })
    expect((await listComments(ledger.db, id)).map((c) => c.text)).toEqual([
      '<b>not bold</b> & plain',
      'the ending drags',
    ])
    expect(await getRender(ledger.db, id)).toMatchObject({ openComments: 2, updatedAtMs: T0 + 2 })

    const resolved = await setCommentResolved(ledger.db, late!.id, true, ben, T0 + 3)
    expect(resolved).toMatchObject({ resolved: true, resolvedBy: 'Ben', resolvedAtMs: T0 + 3 })
    // Resolving again keeps who resolved it first.
    expect(await setCommentResolved(ledger.db, late!.id, true, ana, T0 + 4)).toMatchObject({ resolvedBy: 'Ben' })
    expect(await getRender(ledger.db, id)).toMatchObject({ openComments: 1, updatedAtMs: T0 + 4 })
    expect(await setCommentResolved(ledger.db, late!.id, false, ana, T0 + 5)).toMatchObject({
      resolved: false,
      resolvedBy: null,
      resolvedAtMs: null,
    })
    expect((await getRender(ledger.db, id))?.openComments).toBe(2)
    expect(await setCommentResolved(ledger.db, 'no-such-comment', true, ana)).toBeUndefined()
  })

  it('refuses comments on a missing or deleted render, and counts concurrent ones right', async () => {
    expect(await addComment(ledger.db, 'missing', { atMs: 0, text: 'x', ...ana })).toBeUndefined()
    const id = await succeededTake(ledger.db, 302, T0)
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => addComment(ledger.db, id, { atMs: i * 100, text: `note ${i}`, ...ana })),
    )
    expect((await getRender(ledger.db, id))?.openComments).toBe(8)
    await updateRender(ledger.db, id, { deleted: true })
    expect(await addComment(ledger.db, id, { atMs: 0, text: 'x', ...ana })).toBeUndefined()
  })

  it('lists the takes with open comments, and the others', async () => {
    const [open, resolvedOnly, none] = [
      await succeededTake(ledger.db, 303, T0 + 10),
      await succeededTake(ledger.db, 304, T0 + 20),
      await succeededTake(ledger.db, 305, T0 + 30),
    ]
    await addComment(ledger.db, open, { atMs: 100, text: 'tighter here', ...ana })
    const done = await addComment(ledger.db, resolvedOnly, { atMs: 100, text: 'fixed', ...ana })
    await setCommentResolved(ledger.db, done!.id, true, ana)
    const ids = async (commented: boolean) => (await listRenders(ledger.db, { commented })).items.map((r) => r.id)
    expect(await ids(true)).toEqual([open])
    expect(await ids(false)).toEqual([none, resolvedOnly])
    expect((await listRenders(ledger.db, {})).items.find((r) => r.id === open)?.openComments).toBe(1)
  })
})
