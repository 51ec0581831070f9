import { describe, expect, it } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { PRICE_MEDIA_FIELDS, priceShape } from '@/catalog/price-shape'
import type { Database } from './database'
import { priceHistory } from './price-history'
import { applyRequestObject, markAccepted, recordSubmission } from './render-store'
import { PRICE_MEDIA_FIELDS_V4 } from './schema/004-credits'
import { requestObject, submission } from './test-fixtures'
import { ENGINES, useTestLedger } from './test-ledger'

const T0 = 1_800_000_000_000
const model = (id: string) => catalogV1.models.find((m) => m.id === id)!

/** A render of `input` that ended `status` with `credits` on its bill. */
async function billed(db: Database, input: Record<string, unknown>, credits: number, status = 'succeeded', at = T0) {
  const s = submission({ input: { prompt: 'a harbour at dawn', ...input } as never, nowMs: at })
  await recordSubmission(db, s)
  const id = `req_${crypto.randomUUID().slice(0, 8)}`
  await markAccepted(db, s.idempotencyKey, { id, status: 'queued', poll_after_ms: 1000 }, at)
  await applyRequestObject(db, id, requestObject(id, status, { billableCredits: credits }), at + 1)
}

it('keeps the media fields of price-shape.ts and of migration 004 the same', () => {
  expect([...PRICE_MEDIA_FIELDS]).toEqual(PRICE_MEDIA_FIELDS_V4)
})

describe.each(ENGINES)('priceHistory on %s', (engine) => {
  const ledger = useTestLedger(engine)
  const grok = (input: Record<string, unknown> = {}) => priceShape(model('grok'), { model: 'grok', ...input })

  it('takes the median, least and most of succeeded renders exactly like it, never failed ones', async () => {
    for (const credits of [40, 42, 44]) await billed(ledger.db, { model: 'grok', duration: 6 }, credits)
    await billed(ledger.db, { model: 'grok', duration: 6 }, 999, 'failed')
    await billed(ledger.db, { model: 'grok', duration: 10 }, 70)
    await billed(ledger.db, { model: 'grok', duration: 6, image_url: 'https://a.example/f.jpg' }, 60)
    const history = await priceHistory(ledger.db, grok({ duration: 6 }))
    expect(history.exact).toEqual({ samples: 3, median: 42, min: 40, max: 44 })
  })

  it("matches an input that left out the duration or resolution with the model's defaults", async () => {
    await billed(ledger.db, { model: 'grok' }, 18)
    expect((await priceHistory(ledger.db, grok({ duration: 6, resolution: '720p' }))).exact.samples).toBe(1)
    expect((await priceHistory(ledger.db, grok({ duration: 10 }))).exact.samples).toBe(0)
    expect((await priceHistory(ledger.db, grok({ resolution: '480p' }))).exact.samples).toBe(0)
  })

  it('fits credits per second over the model at that resolution, whatever the duration or inputs', async () => {
    await billed(ledger.db, { model: 'grok', duration: 6 }, 18)
    await billed(ledger.db, { model: 'grok', duration: 10, image_url: 'https://a.example/f.jpg' }, 30)
    await billed(ledger.db, { model: 'grok', duration: 10, resolution: '480p' }, 50)
    await billed(ledger.db, { model: 'seedance2', duration: 10 }, 90)
    const history = await priceHistory(ledger.db, grok({ duration: 8 }))
    expect(history.exact.samples).toBe(0)
    expect(history.fitted).toEqual({ samples: 2, perSecond: 3 })
  })

  it('speaks only of the latest renders, prices change', async () => {
    for (let i = 0; i < 4; i++) await billed(ledger.db, { model: 'grok', duration: 6 }, 30, 'succeeded', T0 + i)
    for (let i = 0; i < 3; i++) await billed(ledger.db, { model: 'grok', duration: 6 }, 36, 'succeeded', T0 + 10 + i)
    const history = await priceHistory(ledger.db, grok({ duration: 6 }), 3)
    expect(history.exact).toMatchObject({ samples: 3, median: 36 })
  })

  it('knows nothing of a model never rendered', async () => {
    const history = await priceHistory(ledger.db, grok())
    expect(history).toEqual({
      exact: { samples: 0, median: null, min: null, max: null },
      fitted: { samples: 0, perSecond: null },
    })
  })
})
