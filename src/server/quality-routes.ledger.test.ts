import { describe, expect, it } from 'vitest'
import { renderSchema } from '@/catalog/render-contract'
import { recordKeptTake } from '@/ledger/take-copies'
import { ENGINES, useTestLedger } from '@/ledger/test-ledger'
import { creditsStudio } from './test-credits-studio'

const TOKEN = 'team-token-0123456789abcdef'
const signedIn = { authorization: `Bearer ${TOKEN}` }
const patch = (body: unknown, headers: Record<string, string> = signedIn): RequestInit => ({
  method: 'PATCH',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})
const black = { kind: 'black', atMs: 1000, detail: 'black for 1.5 s' }

describe.each(ENGINES)('quality reports and ratings through the BFF (%s)', (engine) => {
  const ledger = useTestLedger(engine)
  const studio = () => creditsStudio(ledger.db, { accessToken: TOKEN })

  it('keeps a kept take’s flags once per sampler version, behind the gate, and refuses what cannot be true', async () => {
    const { call, render } = studio()
    const { render_id: id } = await render({}, signedIn)
    const report = (body: unknown, headers?: Record<string, string>) =>
      call(`/api/renders/${id}/quality`, patch(body, headers))

    expect((await report({ sampler: 1, flags: [] })).status).toBe(409)
    await recordKeptTake(ledger.db, id, '/media/take.mp4')

    expect((await report({ sampler: 1, flags: [] }, {})).status).toBe(401)
    expect((await report({ sampler: 1, flags: [] }, { ...signedIn, 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    const refusals = [
      { sampler: 1, flags: [{ kind: 'smudge', detail: 'x' }] },
      { sampler: 1, flags: [{ ...black, atMs: -5 }] },
      { sampler: 1, flags: [{ ...black, atMs: 11 * 60_000 }] },
      { sampler: 1, flags: [{ kind: 'frozen', detail: 'frozen' }] },
      { sampler: 1, flags: [{ kind: 'silence', atMs: 0, detail: 'no sound' }] },
      { sampler: 1, flags: [{ kind: 'ratio', detail: 'square' }] },
      { sampler: 9, flags: [] },
      { sampler: 1, flags: [], extra: true },
      { sampler: 1, flags: Array.from({ length: 21 }, () => black) },
    ]
    for (const body of refusals) {
      const response = await report(body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(((await response.json()) as { error: { message: string } }).error.message).toBeTruthy()
    }
    expect((await call('/api/renders/nope/quality', patch({ sampler: 1, flags: [] }))).status).toBe(404)

    const duration = { kind: 'duration', detail: '4.0 s long, asked for 6 s' }
    const first = renderSchema.parse(await (await report({ sampler: 1, flags: [black, duration] })).json())
    expect(first.qualityFlags).toEqual([black, duration])
    const again = renderSchema.parse(await (await report({ sampler: 1, flags: [] })).json())
    expect(again.qualityFlags).toEqual([black, duration])

    const listed = await call('/api/renders?flagged=true', { headers: signedIn })
    expect(((await listed.json()) as { items: { id: string }[] }).items.map((r) => r.id)).toEqual([id])
  })

  it('rates a take pick or reject, clears it, and refuses other words', async () => {
    const { call, render } = studio()
    const { render_id: id } = await render({}, signedIn)
    const rate = async (rating: unknown) => call(`/api/renders/${id}`, patch({ rating }))
    expect(renderSchema.parse(await (await rate('pick')).json()).rating).toBe('pick')
    expect((await rate('great')).status).toBe(400)
    expect(renderSchema.parse(await (await call(`/api/renders/${id}`, { headers: signedIn })).json()).rating).toBe(
      'pick',
    )
    const picks = await call('/api/renders?rating=pick', { headers: signedIn })
    expect(((await picks.json()) as { items: unknown[] }).items).toHaveLength(1)
    expect(renderSchema.parse(await (await rate(null)).json()).rating).toBeNull()
    expect((await call('/api/renders?rating=great', { headers: signedIn })).status).toBe(400)
  })
})
