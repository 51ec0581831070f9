import { describe, expect, it } from 'vitest'
import { newsSchema } from '@/catalog/news-contract'
import { ENGINES, useTestLedger } from '@/ledger/test-ledger'
import { creditsStudio } from './test-credits-studio'

const TOKEN = 'team-token-0123456789abcdef'
const signedIn = { authorization: `Bearer ${TOKEN}` }

describe.each(ENGINES)('what is new since a person last looked (%s)', (engine) => {
  const ledger = useTestLedger(engine)

  it('counts the renders that ended since then, newest first, leaving out deleted ones and older ones', async () => {
    const { call, render } = creditsStudio(ledger.db, { accessToken: TOKEN })
    const news = async (since: number, headers: Record<string, string> = signedIn) => {
      const response = await call(`/api/news?since=${since}`, { headers })
      return { status: response.status, body: (await response.json()) as unknown }
    }
    await render({ prompt: 'Before you looked' }, signedIn)
    const { render_id: deleted } = await render({ prompt: 'Deleted since' }, signedIn)
    for (const prompt of ['First new', 'Second new', 'Third new']) await render({ prompt }, signedIn)
    await call(`/api/renders/${deleted}`, {
      method: 'PATCH',
      headers: { ...signedIn, 'content-type': 'application/json' },
      body: JSON.stringify({ deleted: true }),
    })

    // The renders above end within seconds of now: all after a minute ago, none after ten minutes from now.
    const before = Date.now() - 60_000
    const all = newsSchema.parse((await news(before)).body)
    expect(all.finished).toBe(4)
    // Newest first (two renders may end in the same millisecond, so the order is checked by time).
    expect(all.latest.map((r) => r.prompt).sort()).toEqual([
      'Before you looked',
      'First new',
      'Second new',
      'Third new',
    ])
    const times = all.latest.map((r) => r.completedAtMs)
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(newsSchema.parse((await news(Date.now() + 600_000)).body)).toMatchObject({
      finished: 0,
      failed: 0,
      latest: [],
    })

    expect((await news(before, {})).status).toBe(401)
    for (const bad of ['-1', 'yesterday', '1.5', ''])
      expect((await call(`/api/news?since=${bad}`, { headers: signedIn })).status, bad).toBe(400)
  })

  it("tells of others' comments since then, not the asker's own nor those on deleted takes", async () => {
    const { call, render } = creditsStudio(ledger.db, { accessToken: TOKEN })
    const as = (name: string) => ({ ...signedIn, 'x-studio-author': encodeURIComponent(name) })
    const { render_id: kept } = await render({ prompt: 'A kept take' }, signedIn)
    const { render_id: gone } = await render({ prompt: 'A take deleted later' }, signedIn)
    const comment = (id: string, name: string, text: string) =>
      call(`/api/renders/${id}/comments`, {
        method: 'POST',
        headers: { ...as(name), 'content-type': 'application/json' },
        body: JSON.stringify({ atMs: 1500, text }),
      })
    const before = Date.now() - 1
    expect((await comment(kept, 'Ben', 'The sky is too flat')).status).toBe(201)
    expect((await comment(kept, 'Ada', 'Agreed')).status).toBe(201)
    expect((await comment(gone, 'Ben', 'Never mind this one')).status).toBe(201)
    await call(`/api/renders/${gone}`, {
      method: 'PATCH',
      headers: { ...signedIn, 'content-type': 'application/json' },
      body: JSON.stringify({ deleted: true }),
    })

    const newsFor = async (headers: Record<string, string>) =>
      newsSchema.parse(await (await call(`/api/news?since=${before}`, { headers })).json())
    const forAda = await newsFor(as('Ada'))
    expect(forAda.comments).toBe(1)
    expect(forAda.latestComments).toEqual([
      expect.objectContaining({
        renderId: kept,
        prompt: 'A kept take',
        author: 'Ben',
        text: 'The sky is too flat',
        atMs: 1500,
      }),
    ])
    const forNobody = await newsFor(signedIn)
    // Two comments may be written in the same millisecond: compared as a set.
    expect(forNobody.latestComments.map((c) => c.text).sort()).toEqual(['Agreed', 'The sky is too flat'])
    expect((await newsFor(as('Ben'))).latestComments.map((c) => c.author)).toEqual(['Ada'])
  })
})
