import { describe, expect, it } from 'vitest'
import { lineageTotalSchema, meSchema, spendSchema } from '@/catalog/credits-contract'
import { rendersPageSchema } from '@/catalog/render-contract'
import { ENGINES, useTestLedger } from '@/ledger/test-ledger'
import { creditsStudio, post, video } from './test-credits-studio'

const ANA = 'ana-token-0123456789abcdef'
const BEN = 'ben-token-0123456789abcdef'
const SHARED = 'shared-token-0123456789abcdef'
const as = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra })

describe.each(ENGINES)('who made what, and what it cost (%s)', (engine) => {
  const ledger = useTestLedger(engine)
  const gated = () =>
    creditsStudio(ledger.db, {
      accessToken: SHARED,
      namedTokens: [
        { name: 'Ana', token: ANA },
        { name: 'Ben', token: BEN },
      ],
    })

  it('signs renders with the named token, or with the self-declared name of a shared or open studio', async () => {
    const { call, render } = gated()
    await render({}, as(ANA, { 'x-studio-author': 'Mallory' }))
    await render({}, as(BEN))
    await render({}, as(SHARED, { 'x-studio-author': encodeURIComponent('Zoë Ana') }))
    await render({}, as(SHARED))
    const page = rendersPageSchema.parse(await (await call('/api/renders', { headers: as(ANA) })).json())
    expect(page.items.map((r) => [r.author, r.authorVerified]).reverse()).toEqual([
      ['Ana', true],
      ['Ben', true],
      ['Zoë Ana', false],
      [null, false],
    ])
    const bad = await call('/api/v1/requests', post(video(), as(SHARED, { 'x-studio-author': '<script>' })))
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.code).toBe('invalid_header')
  })

  it('filters by author and by mine, and tells the browser who it is', async () => {
    const { call, render } = gated()
    await render({}, as(ANA))
    await render({}, as(BEN))
    await render({}, as(SHARED, { 'x-studio-author': 'Ana' }))
    const list = async (query: string, headers: Record<string, string>) =>
      rendersPageSchema
        .parse(await (await call(`/api/renders?${query}`, { headers })).json())
        .items.map((r) => `${r.author}:${r.authorVerified}`)
    expect(await list('author=Ana', as(BEN))).toEqual(['Ana:false', 'Ana:true'])
    expect(await list('mine=true', as(ANA))).toEqual(['Ana:true'])
    expect(await list('mine=true', as(SHARED, { 'x-studio-author': 'Ana' }))).toEqual(['Ana:false', 'Ana:true'])
    expect((await call('/api/renders?mine=true', { headers: as(SHARED) })).status).toBe(400)

    const me = async (headers: Record<string, string>) =>
      meSchema.parse(await (await call('/api/me', { headers })).json())
    expect(await me(as(ANA))).toEqual({ signIn: 'named', author: 'Ana', authorVerified: true })
    expect(await me(as(SHARED, { 'x-studio-author': 'Ana' }))).toEqual({
      signIn: 'shared',
      author: 'Ana',
      authorVerified: false,
    })
    expect((await call('/api/me')).status).toBe(401)
    expect(await meSchema.parse(await (await creditsStudio(ledger.db).call('/api/me')).json())).toMatchObject({
      signIn: 'open',
    })
  })

  it('keeps the name of a named sign-in in its session', async () => {
    const { call } = gated()
    const signIn = await call('/api/session', post({ token: BEN }))
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!
    expect(meSchema.parse(await (await call('/api/me', { headers: { cookie } })).json())).toMatchObject({
      author: 'Ben',
      authorVerified: true,
    })
  })

  it('sums spend as the ledger has it, as JSON and as a CSV download', async () => {
    const { call, render } = gated()
    await render({}, as(ANA))
    await render({ duration: 10 }, as(BEN))
    await render({ model: 'veo31', duration: 8, prompt: 'A train' }, as(ANA))
    const day = new Date().toISOString().slice(0, 10)
    const spend = spendSchema.parse(await (await call(`/api/spend?from=${day}&to=${day}`, { headers: as(ANA) })).json())
    const [sums] = await ledger.db.query<{ credits: number; renders: number }>(
      'SELECT sum(billable_credits) AS credits, count(*)::int AS renders FROM renders',
    )
    expect(spend.total).toMatchObject({ renders: 3, credits: sums!.credits, succeededRenders: 3 })
    expect(spend.byAuthor.map((r) => [r.key, r.credits])).toEqual([
      ['Ana', 18 + 80],
      ['Ben', 30],
    ])
    expect(spend.byDay).toEqual([{ ...spend.total, key: day }])

    const csv = await call(`/api/spend?from=${day}&to=${day}&format=csv`, { headers: as(ANA) })
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="cannon-studio-spend-${day}-to-${day}.csv"`,
    )
    expect((await csv.text()).split('\r\n')).toContain('author,Ana,2,98,2,98,0,0')
    for (const query of ['from=2027-02-30', 'from=2027-03-02&to=2027-03-01', 'from=2020-01-01&to=2027-01-01']) {
      expect((await call(`/api/spend?${query}`, { headers: as(ANA) })).status).toBe(400)
    }
  })

  it('totals a render with the renders made from it', async () => {
    const { call, render } = gated()
    const first = await render({}, as(ANA))
    const headers = as(ANA, { 'x-studio-parent-id': first.render_id, 'x-studio-relation': 'variation' })
    await render({ duration: 10 }, headers)
    await render({}, headers)
    const total = await call(`/api/renders/${first.render_id}/lineage-total`, { headers: as(ANA) })
    expect(lineageTotalSchema.parse(await total.json())).toEqual({
      id: first.render_id,
      renders: 3,
      credits: 18 + 30 + 18,
      unfinished: 0,
    })
    expect((await call('/api/renders/nothing-here/lineage-total', { headers: as(ANA) })).status).toBe(404)
    expect((await call(`/api/renders/${first.render_id}/lineage-total`)).status).toBe(401)
  })
})
