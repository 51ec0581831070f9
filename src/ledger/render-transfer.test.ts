import { describe, expect, it } from 'vitest'
import { listRenders } from './render-list'
import { getRender, recordSubmission, updateRender } from './render-store'
import { claimDue } from './render-sweep'
import { exportRenders, importRenders, type ImportedRender } from './render-transfer'
import { submission } from './test-fixtures'
import { ENGINES, useTestLedger } from './test-ledger'

const T0 = 1_800_000_000_000

function imported(i: number, extra: Partial<ImportedRender> = {}): ImportedRender {
  return {
    id: `imp-${i}`,
    idempotencyKey: `imp-key-${i}`,
    requestId: `imp-req-${i}`,
    input: { model: 'veo31', prompt: `imported ${i}`, duration: 8 },
    status: 'succeeded',
    createdAtMs: T0 + i,
    billableCredits: 4,
    output: { video_url: `https://cdn.example/${i}.mp4` },
    ...extra,
  }
}

describe.each(ENGINES)('import and export on %s', (engine) => {
  const ledger = useTestLedger(engine)

  it('adds what is new and skips what is already here, by idempotency key', async () => {
    const existing = await recordSubmission(ledger.db, submission({ idempotencyKey: 'imp-key-1' }))
    const file = [
      imported(1),
      imported(2),
      imported(3, { favourite: true, author: 'ana', relation: 'remix', rating: 'pick' }),
    ]
    expect(await importRenders(ledger.db, file, T0 + 10)).toEqual({ added: 2, skipped: 1 })
    expect(await getRender(ledger.db, 'imp-1')).toBe(undefined)
    expect((await getRender(ledger.db, existing.id))?.status).toBe('submitting')
    expect(await getRender(ledger.db, 'imp-3')).toMatchObject({
      requestId: 'imp-req-3',
      status: 'succeeded',
      favourite: true,
      rating: 'pick',
      author: 'ana',
      relation: 'remix',
      billableCredits: 4,
      createdAtMs: T0 + 3,
      output: { video_url: 'https://cdn.example/3.mp4' },
      input: { model: 'veo31', prompt: 'imported 3', duration: 8 },
    })
    expect(await importRenders(ledger.db, file, T0 + 20)).toEqual({ added: 0, skipped: 3 })
    const [row] = await ledger.db.query<{ model: string; prompt: string; create_body: string }>(
      `SELECT model, prompt, create_body FROM renders WHERE id = 'imp-2'`,
    )
    expect(row).toEqual({
      model: 'veo31',
      prompt: 'imported 2',
      create_body: JSON.stringify({ operation: 'video.generate', input: imported(2).input }),
    })
  })

  it('skips duplicates within one file and imports a large file in chunks', async () => {
    const file = Array.from({ length: 1200 }, (_, i) => imported(i))
    expect(await importRenders(ledger.db, [...file, imported(5)], T0)).toEqual({ added: 1200, skipped: 1 })
    expect((await listRenders(ledger.db, { limit: 200 })).items[0]?.id).toBe('imp-1199')
  })

  it('follows an imported unfinished render, but never re-sends a create on its own', async () => {
    await importRenders(
      ledger.db,
      [imported(1, { status: 'processing' }), imported(2, { status: 'submitting', requestId: null })],
      T0,
    )
    const claims = await claimDue(ledger.db, { owner: 's', limit: 10, nowMs: T0, leaseMs: 1000 })
    expect(claims.map((c) => c.render.id)).toEqual(['imp-1'])
    expect((await getRender(ledger.db, 'imp-2'))?.stale).toBe(true)
  })

  it('rolls the whole import back when one render cannot be stored', async () => {
    const bad = imported(2, { relation: 'sideways' as never })
    await expect(importRenders(ledger.db, [imported(1), bad], T0)).rejects.toThrow()
    expect((await listRenders(ledger.db)).items).toEqual([])
  })

  it('exports every render that is not deleted, oldest first, and imports back to the same', async () => {
    const file = Array.from({ length: 7 }, (_, i) => imported(i))
    await importRenders(ledger.db, file, T0)
    await updateRender(ledger.db, 'imp-3', { deleted: true })
    const out = []
    for await (const render of exportRenders(ledger.db, 2)) out.push(render)
    expect(out.map((r) => r.id)).toEqual(['imp-0', 'imp-1', 'imp-2', 'imp-4', 'imp-5', 'imp-6'])
    await ledger.db.query('TRUNCATE renders CASCADE')
    expect(await importRenders(ledger.db, out, T0)).toEqual({ added: 6, skipped: 0 })
    const again = []
    for await (const render of exportRenders(ledger.db)) again.push(render)
    expect(again).toEqual(out.map((r) => ({ ...r, updatedAtMs: T0 })))
  })
})
