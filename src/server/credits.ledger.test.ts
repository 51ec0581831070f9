import { describe, expect, it } from 'vitest'
import { creditsRefusalSchema, estimateSchema } from '@/catalog/credits-contract'
import { getRender } from '@/ledger/render-store'
import { daySpend } from '@/ledger/credit-cap'
import { ENGINES, useTestLedger } from '@/ledger/test-ledger'
import { creditsStudio, post, video } from './test-credits-studio'

const today = () => new Date().toISOString().slice(0, 10)

describe.each(ENGINES)('estimates and the daily cap through the BFF (%s)', (engine) => {
  const ledger = useTestLedger(engine)
  const estimate = async (call: ReturnType<typeof creditsStudio>['call'], input: Record<string, unknown>) => {
    const response = await call('/api/estimate', post(video(input)))
    expect(response.status).toBe(200)
    return estimateSchema.parse(await response.json())
  }

  it("estimates from the demo price list, then from the ledger's bills once renders like it finish", async () => {
    const { call, render } = creditsStudio(ledger.db)
    expect(await estimate(call, { duration: 10, resolution: '480p' })).toMatchObject({ credits: 18, basis: 'table' })
    await render({ duration: 10, resolution: '480p' })
    await ledger.db.query('UPDATE renders SET billable_credits = 20')
    const fresh = creditsStudio(ledger.db).call // a new process: no cached estimate
    expect(await estimate(fresh, { duration: 10, resolution: '480p', prompt: 'Another' })).toMatchObject({
      credits: 20,
      basis: 'history',
      samples: 1,
    })
    expect(await estimate(fresh, { duration: 6, resolution: '480p' })).toMatchObject({ credits: 12, basis: 'fitted' })
  })

  it("forgets a model's cached estimates when one of its renders finishes: the next answer has its bill", async () => {
    const { call, render } = creditsStudio(ledger.db, { mode: 'live' })
    expect(await estimate(call, { duration: 10, resolution: '480p' })).toMatchObject({ basis: 'unknown' })
    await render({ duration: 10, resolution: '480p' }) // the simulator bills it; its poll finishes it
    expect(await estimate(call, { duration: 10, resolution: '480p' })).toMatchObject({ basis: 'history', samples: 1 })
  })

  it('says plainly when nothing is known, and checks only what drives a price', async () => {
    const { call } = creditsStudio(ledger.db, { mode: 'live' })
    expect(await estimate(call, { prompt: '' })).toMatchObject({ credits: null, basis: 'unknown', samples: 0 })
    const bare = await call('/api/estimate', post({ input: { model: 'grok' } }))
    expect(estimateSchema.parse(await bare.json()).basis).toBe('unknown')
    const badDuration = await call('/api/estimate', post(video({ duration: 7 })))
    expect(badDuration.status).toBe(400)
    expect((await badDuration.json()).error.field).toBe('duration')
    expect((await call('/api/estimate', post(video({ model: 'nope' })))).status).toBe(400)
    expect((await call('/api/estimate', post({ operation: 'prompt.enhance.video', input: {} }))).status).toBe(400)
    const asText = await call('/api/estimate', { method: 'POST', body: JSON.stringify(video()) })
    expect(asText.status).toBe(415)
  })

  it('refuses a create past the daily cap with 402 and plain numbers, and nothing reaches Cannon', async () => {
    const { call, creates } = creditsStudio(ledger.db, { credits: { dailyCap: 36 } })
    expect((await call('/api/v1/requests', post(video()))).status).toBe(202) // 18 (demo: 6 s × 3)
    expect((await call('/api/v1/requests', post(video()))).status).toBe(202) // 36: exactly at the cap
    const refused = await call('/api/v1/requests', post(video()))
    expect(refused.status).toBe(402)
    const body = creditsRefusalSchema.parse(await refused.json())
    expect(body.error).toMatchObject({ code: 'daily_cap', credits: { spent: 0, reserved: 36, cap: 36, estimate: 18 } })
    expect(body.error.message).toBe(
      "The studio's daily cap of 36 credits would be passed: today (UTC) 0 credits are spent and 36 held by unfinished renders, and this render is estimated at 18. The cap resets at midnight UTC.",
    )
    expect(creates()).toBe(2)
    const [{ n }] = (await ledger.db.query('SELECT count(*)::int AS n FROM renders')) as [{ n: number }]
    expect(n).toBe(2)
  })

  it('checks each create against the bills known by then, not an estimate cached before them', async () => {
    const { call, render, creates } = creditsStudio(ledger.db, { mode: 'live', credits: { dailyCap: 40 } })
    expect(await estimate(call, {})).toMatchObject({ basis: 'unknown' })
    await render() // unknown: through while under the cap; billed 18
    await render() // 18 + 18 = 36 of 40
    expect((await call('/api/v1/requests', post(video()))).status).toBe(402)
    expect(creates()).toBe(2)
  })

  it('never lets creates racing for the cap pass it', async () => {
    const { call, creates } = creditsStudio(ledger.db, { credits: { dailyCap: 100 } })
    const answers = await Promise.all(Array.from({ length: 12 }, () => call('/api/v1/requests', post(video()))))
    expect(answers.filter((a) => a.status === 202)).toHaveLength(5)
    expect(answers.filter((a) => a.status === 402)).toHaveLength(7)
    expect(creates()).toBe(5)
    expect(await daySpend(ledger.db, today())).toMatchObject({ reserved: 90 })
  })

  it("passes Cannon's refusal for credits on with its balance and price, and releases the reservation", async () => {
    const { call } = creditsStudio(ledger.db, { startingCredits: 10, credits: { dailyCap: 1000 } })
    const refused = await call('/api/v1/requests', post(video(), { 'x-studio-render-id': 'render-short-of-credits' }))
    expect(refused.status).toBe(402)
    expect(creditsRefusalSchema.parse(await refused.json()).error).toEqual({
      code: 'insufficient_credits',
      message: 'This render needs 18 credits; 10 remain',
      credits: { balance: 10, asked: 18 },
    })
    expect(await getRender(ledger.db, 'render-short-of-credits')).toMatchObject({ status: 'failed' })
    expect(await daySpend(ledger.db, today())).toMatchObject({ spent: 0, reserved: 0 })
  })
})
