import { describe, expect, it } from 'vitest'
import { peopleSchema, renderTimingSchema } from '@/catalog/gallery-contract'
import { rendersPageSchema } from '@/catalog/render-contract'
import { ENGINES, useTestLedger } from '@/ledger/test-ledger'
import { modelsMatching } from './renders-routes'
import { creditsStudio } from './test-credits-studio'

const ANA = 'ana-token-0123456789abcdef'
const BEN = 'ben-token-0123456789abcdef'
const as = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra })

describe.each(ENGINES)('what the gallery reads besides its pages (%s)', (engine) => {
  const ledger = useTestLedger(engine)
  const gated = () =>
    creditsStudio(ledger.db, {
      namedTokens: [
        { name: 'Ana', token: ANA },
        { name: 'Ben', token: BEN },
      ],
    })

  it('searches by words in any order, in the prompt and in the model’s display name', async () => {
    const { call, render } = gated()
    await render({ prompt: 'Night market in Tokyo' }, as(ANA))
    await render({ model: 'sora2', prompt: 'Tokyo at night, from a train', duration: 4 }, as(ANA))
    await render({ prompt: 'A harbour at dawn' }, as(ANA))
    const prompts = async (q: string) =>
      rendersPageSchema
        .parse(await (await call(`/api/renders?q=${encodeURIComponent(q)}`, { headers: as(ANA) })).json())
        .items.map((r) => r.input.prompt)
        .sort()
    expect(await prompts('tokyo night')).toEqual(['Night market in Tokyo', 'Tokyo at night, from a train'])
    expect(await prompts('grok')).toEqual(['A harbour at dawn', 'Night market in Tokyo'])
    expect(await prompts('night SORA')).toEqual(['Tokyo at night, from a train'])
    expect(await prompts('sora 2 tokyo')).toEqual(['Tokyo at night, from a train'])
  })

  it('lists the people behind the renders, behind the studio’s gate', async () => {
    const { call, render } = gated()
    await render({}, as(ANA))
    await render({}, as(BEN))
    await render({}, as(BEN))
    expect((await call('/api/people')).status).toBe(401)
    expect(peopleSchema.parse(await (await call('/api/people', { headers: as(ANA) })).json())).toEqual({
      people: [
        { name: 'Ana', renders: 1, verified: true, selfDeclared: false },
        { name: 'Ben', renders: 2, verified: true, selfDeclared: false },
      ],
    })
  })

  it('says how long renders of a model and duration took, and refuses a timing query without a model', async () => {
    const { call, render } = gated()
    await render({ duration: 6 }, as(ANA))
    const timing = async (query: string) => call(`/api/renders/timing?${query}`, { headers: as(ANA) })
    const known = renderTimingSchema.parse(await (await timing('model=grok&duration=6')).json())
    expect(known.samples).toBe(1)
    expect(known.medianMs).toBeGreaterThanOrEqual(0)
    expect(renderTimingSchema.parse(await (await timing('model=grok&duration=10')).json())).toEqual({
      medianMs: null,
      samples: 0,
    })
    expect((await timing('duration=6')).status).toBe(400)
  })
})

describe('modelsMatching', () => {
  it('maps a word to the models whose id or name contains it', () => {
    const catalog = {
      models: [
        { id: 'seedance2', name: 'Seedance 2.0' },
        { id: 'seedance2fast', name: 'Seedance 2.0 Fast' },
        { id: 'veo31', name: 'Veo 3.1' },
      ],
    } as Parameters<typeof modelsMatching>[0]
    const matching = modelsMatching(catalog)
    expect(matching('2.0')).toEqual(['seedance2', 'seedance2fast'])
    expect(matching('FAST')).toEqual(['seedance2fast'])
    expect(matching('veo31')).toEqual(['veo31'])
    expect(matching('grok')).toEqual([])
    expect(modelsMatching(undefined)('veo')).toEqual([])
  })
})
