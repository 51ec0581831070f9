import { describe, expect, it } from 'vitest'
import { scorecardSchema } from '@/catalog/review-contract'
import { ENGINES, useTestLedger } from '@/ledger/test-ledger'
import { creditsStudio } from './test-credits-studio'

const TOKEN = 'team-token-0123456789abcdef'
const signedIn = { authorization: `Bearer ${TOKEN}` }
const patch = (body: unknown): RequestInit => ({
  method: 'PATCH',
  headers: { 'content-type': 'application/json', ...signedIn },
  body: JSON.stringify(body),
})

describe.each(ENGINES)('GET /api/models/scorecard (%s)', (engine) => {
  const ledger = useTestLedger(engine)

  it('scores the team’s renders per model and mode, behind the gate, over a range of days', async () => {
    const { call, render } = creditsStudio(ledger.db, { accessToken: TOKEN })
    const picked = await render({ duration: 6 }, signedIn)
    await render({ duration: 6 }, signedIn)
    await call(`/api/renders/${picked.render_id}`, patch({ rating: 'pick' }))
    expect((await call('/api/models/scorecard')).status).toBe(401)

    const card = scorecardSchema.parse(await (await call('/api/models/scorecard', { headers: signedIn })).json())
    expect(card.from).toBeNull()
    expect(card.models).toMatchObject([{ model: 'grok', renders: 2, succeeded: 2, picks: 1, failureRate: 0 }])
    expect(card.rows).toMatchObject([{ model: 'grok', mode: 'text', seconds: 6, renders: 2 }])
    const credits = card.models[0]!.credits
    expect(credits).toBeGreaterThan(0)
    expect(card.models[0]!.creditsPerPick).toBe(credits)
    expect(card.models[0]!.creditsPerPickedSecond).toBeCloseTo(credits / 6)

    const past = await call('/api/models/scorecard?from=2020-01-01&to=2020-01-31', { headers: signedIn })
    expect(scorecardSchema.parse(await past.json())).toMatchObject({ from: '2020-01-01', models: [], rows: [] })
    for (const query of ['from=yesterday', 'from=2026-02-30', 'from=2026-03-02&to=2026-03-01']) {
      const response = await call(`/api/models/scorecard?${query}`, { headers: signedIn })
      expect(response.status, query).toBe(400)
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/day|after/)
    }
  })
})
