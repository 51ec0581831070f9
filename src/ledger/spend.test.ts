import { describe, expect, it } from 'vitest'
import type { Database } from './database'
import { lineageTotal } from './lineage'
import { applyRequestObject, markAccepted, recordSubmission, updateRender } from './render-store'
import { dayStartMs, spendBetween } from './spend'
import { requestObject, submission } from './test-fixtures'
import { ENGINES, useTestLedger } from './test-ledger'

const at = (day: string, hour = 12) => dayStartMs(day) + hour * 3_600_000

async function render(
  db: Database,
  fields: { day: string; model?: string; author?: string; status?: string; credits?: number; parentId?: string },
) {
  const input = { model: fields.model ?? 'grok', prompt: 'a quiet street' }
  const s = submission({ input, nowMs: at(fields.day), author: fields.author, parentId: fields.parentId })
  const recorded = await recordSubmission(db, s)
  if (fields.status) {
    const id = `req_${crypto.randomUUID().slice(0, 8)}`
    await markAccepted(db, s.idempotencyKey, { id, status: 'queued', poll_after_ms: 0 }, at(fields.day))
    const billed = fields.credits === undefined ? {} : { billableCredits: fields.credits }
    await applyRequestObject(db, id, requestObject(id, fields.status, billed), at(fields.day))
  }
  return recorded
}

describe.each(ENGINES)('spend on %s', (engine) => {
  const ledger = useTestLedger(engine)

  it('sums credits and renders by day, model and author, succeeded and failed apart, as the ledger has them', async () => {
    const db = ledger.db
    await render(db, { day: '2027-03-01', author: 'ana', status: 'succeeded', credits: 18 })
    await render(db, { day: '2027-03-01', author: 'ana', model: 'veo31', status: 'failed', credits: 80 })
    await render(db, { day: '2027-03-02', author: 'ben', status: 'succeeded', credits: 30.5 })
    await render(db, { day: '2027-03-02', status: 'processing', credits: 12 })
    await render(db, { day: '2027-03-02', author: 'ben' })
    const deleted = await render(db, { day: '2027-03-03', author: 'ben', status: 'succeeded', credits: 7 })
    await updateRender(db, deleted.id, { deleted: true })
    await render(db, { day: '2027-03-04', author: 'ana', status: 'succeeded', credits: 1000 })

    const spend = await spendBetween(db, '2027-03-01', '2027-03-03')
    expect(spend.total).toEqual({
      key: null,
      renders: 6,
      credits: 147.5,
      succeededRenders: 3,
      succeededCredits: 55.5,
      failedRenders: 1,
      failedCredits: 80,
    })
    expect(spend.byDay.map((r) => [r.key, r.renders, r.credits])).toEqual([
      ['2027-03-01', 2, 98],
      ['2027-03-02', 3, 42.5],
      ['2027-03-03', 1, 7],
    ])
    expect(spend.byModel.map((r) => [r.key, r.credits, r.failedCredits])).toEqual([
      ['grok', 67.5, 0],
      ['veo31', 80, 80],
    ])
    expect(spend.byAuthor.map((r) => [r.key, r.renders, r.credits])).toEqual([
      ['ana', 2, 98],
      ['ben', 3, 37.5],
      [null, 1, 12],
    ])
    const [ledgerSum] = await db.query<{ credits: number }>(
      `SELECT sum(billable_credits) AS credits FROM renders WHERE created_at_ms >= $1::bigint AND created_at_ms < $2::bigint`,
      [dayStartMs('2027-03-01'), dayStartMs('2027-03-04')],
    )
    for (const rows of [spend.byDay, spend.byModel, spend.byAuthor]) {
      expect(rows.reduce((sum, r) => sum + r.credits, 0)).toBe(ledgerSum!.credits)
      expect(rows.reduce((sum, r) => sum + r.renders, 0)).toBe(spend.total.renders)
    }
  })

  it('answers zeros for a range without renders', async () => {
    const spend = await spendBetween(ledger.db, '2027-01-01', '2027-01-31')
    expect(spend).toMatchObject({ total: { renders: 0, credits: 0 }, byDay: [], byModel: [], byAuthor: [] })
  })

  it('totals a render with its re-runs and variations, once each even when parent ids loop', async () => {
    const db = ledger.db
    const root = await render(db, { day: '2027-03-01', status: 'succeeded', credits: 18 })
    const rerun = await render(db, { day: '2027-03-01', status: 'failed', credits: 18, parentId: root.id })
    await render(db, { day: '2027-03-01', status: 'succeeded', credits: 20, parentId: rerun.id })
    await render(db, { day: '2027-03-01', parentId: root.id })
    await render(db, { day: '2027-03-01', status: 'succeeded', credits: 500 })
    expect(await lineageTotal(db, root.id)).toEqual({ id: root.id, renders: 4, credits: 56, unfinished: 1 })
    expect(await lineageTotal(db, rerun.id)).toMatchObject({ renders: 2, credits: 38 })
    await db.query('UPDATE renders SET parent_id = $2 WHERE id = $1', [root.id, rerun.id])
    expect(await lineageTotal(db, root.id)).toMatchObject({ renders: 4, credits: 56 })
    expect(await lineageTotal(db, 'no-such-render')).toBeUndefined()
  })
})

it('reads only real UTC days', () => {
  expect(dayStartMs('2027-03-01')).toBe(Date.UTC(2027, 2, 1))
  expect(dayStartMs('2027-02-30')).toBeNaN()
  expect(dayStartMs('2027-02-32')).toBeNaN()
  expect(dayStartMs('2027-3-1')).toBeNaN()
})
