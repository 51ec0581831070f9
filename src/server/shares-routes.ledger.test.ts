import { describe, expect, it } from 'vitest'
import { ENGINES, useTestLedger } from '@/ledger/test-ledger'
import { post, creditsStudio } from './test-credits-studio'

const TOKEN = 'team-token-0123456789abcdef'
const signedIn = { authorization: `Bearer ${TOKEN}` }
const DAY_MS = 86_400_000
const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})
type Made = { share: { id: string; expiresAtMs: number; views: number }; url: string }

describe.each(ENGINES)('share links through the BFF (%s)', (engine) => {
  const ledger = useTestLedger(engine)

  function studio() {
    const clock = { aheadMs: 0 }
    const audit: Record<string, unknown>[] = []
    const made = creditsStudio(ledger.db, {
      accessToken: TOKEN,
      now: () => Date.now() + clock.aheadMs,
      log: (e) => audit.push(e),
    })
    /** A finished take: polled again once the studio's clock is past the render's poll_after_ms. */
    const render = async (input: Record<string, unknown>, headers: Record<string, string>) => {
      const accepted = await made.render(input, headers)
      clock.aheadMs += 5_000
      await made.call(`/api/v1/requests/${accepted.id}`, { headers })
      return accepted
    }
    const share = async (body: unknown) => {
      const response = await made.call('/api/shares', post(body, signedIn))
      return { status: response.status, body: (await response.json()) as Made & { error?: { message: string } } }
    }
    /** The path of a link's review API, from the whole link. */
    const api = (url: string, rest = '') => `/api/s/${url.split('/s/')[1]}${rest}`
    return { ...made, render, clock, audit, share, api }
  }

  it('makes a link only for the team, lists it without its secret, and opens it with no session', async () => {
    const { call, render, share, api } = studio()
    const { render_id: id } = await render({ prompt: 'A lantern over a lake' }, signedIn)
    expect((await call('/api/shares', post({ kind: 'render', ids: [id] }))).status).toBe(401)
    const crossSite = post({ kind: 'render', ids: [id] }, { ...signedIn, 'sec-fetch-site': 'cross-site' })
    expect((await call('/api/shares', crossSite)).status).toBe(403)

    const made = await share({ kind: 'render', ids: [id] })
    expect(made.status).toBe(201)
    expect(made.body.url).toMatch(/^http:\/\/studio\.test\/s\/[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/)
    const secret = made.body.url.split('.').at(-1)!
    expect(made.body.share.expiresAtMs - Date.now()).toBeGreaterThan(7 * DAY_MS - 60_000)
    const listed = await (await call('/api/shares', { headers: signedIn })).text()
    expect(listed).toContain(made.body.share.id)
    expect(listed).not.toContain(secret)

    const opened = await call(api(made.body.url))
    expect(opened.status).toBe(200)
    const review = (await opened.json()) as { kind: string; takes: { id: string; prompt: string; videoUrl: string }[] }
    expect(review.kind).toBe('render')
    expect(review.takes).toHaveLength(1)
    expect(review.takes[0]).toMatchObject({ id, prompt: 'A lantern over a lake', modelName: 'Grok' })
    expect(review.takes[0]!.videoUrl).toBeTruthy()
    const { items } = (await (await call('/api/shares', { headers: signedIn })).json()) as { items: Made['share'][] }
    expect(items[0]!.views).toBe(1)
  })

  it('reaches only what it shares: no gallery, no other take, no create, no upload', async () => {
    const { call, render, share, api } = studio()
    const { render_id: shared } = await render({ prompt: 'Shared' }, signedIn)
    const { render_id: other } = await render({ prompt: 'Not shared' }, signedIn)
    const { body } = await share({ kind: 'render', ids: [shared] })
    const token = body.url.split('/s/')[1]!

    // What a viewer of the link can do: rate the shared take, for the link; the team's own rating stays theirs.
    const rated = await call(api(body.url, `/renders/${shared}`), json('PATCH', { rating: 'pick' }))
    expect(rated.status).toBe(200)
    const team = (await (await call(`/api/renders/${shared}`, { headers: signedIn })).json()) as { rating: unknown }
    expect(team.rating ?? null).toBeNull()
    const seen = (await (await call(api(body.url))).json()) as { takes: { rating: string }[] }
    expect(seen.takes[0]!.rating).toBe('pick')
    const { items } = (await (await call('/api/shares', { headers: signedIn })).json()) as {
      items: { picks: number; rejects: number }[]
    }
    expect(items[0]).toMatchObject({ picks: 1, rejects: 0 })

    // A reviewer comments at a moment of the shared take, under a typed name; the team reads it as theirs.
    const say = (id: string, comment: unknown) => call(api(body.url, `/renders/${id}/comments`), json('POST', comment))
    expect((await say(shared, { atMs: 2500, text: 'Rise sooner', name: 'Mira' })).status).toBe(201)
    expect((await say(other, { atMs: 2500, text: 'Not mine to see', name: 'Mira' })).status).toBe(404)
    for (const bad of [
      { atMs: 2500, text: 'x', name: '' },
      { atMs: 2500, text: 'x', name: '<b>' },
      { atMs: 60_000, text: 'x', name: 'Mira' },
      { atMs: 10, text: ' ', name: 'Mira' },
    ])
      expect((await say(shared, bad)).status, JSON.stringify(bad)).toBe(400)
    const teamComments = (await (await call(`/api/renders/${shared}/comments`, { headers: signedIn })).json()) as {
      comments: { atMs: number; author: string; text: string }[]
    }
    expect(teamComments.comments).toEqual([
      expect.objectContaining({ atMs: 2500, author: 'Mira (review link)', text: 'Rise sooner' }),
    ])
    const afterComment = (await (await call('/api/shares', { headers: signedIn })).json()) as {
      items: { commenters: string[] }[]
    }
    expect(afterComment.items[0]!.commenters).toEqual(['Mira'])

    // And nothing else, with the link or without it.
    expect((await call(api(body.url, `/renders/${other}`), json('PATCH', { rating: 'reject' }))).status).toBe(404)
    expect((await call(api(body.url, `/renders/${shared}`), json('PATCH', { rating: 'great' }))).status).toBe(400)
    for (const path of ['/renders', `/renders/${other}`, '/media', '/v1/requests'])
      expect((await call(api(body.url, path))).status, path).toBe(404)
    // Dot segments are resolved before routing: this is /api/renders, which the gate refuses.
    expect((await call(api(body.url, '/../../renders'))).status).toBe(401)
    const withLink = { referer: `http://studio.test/s/${token}` }
    expect((await call('/api/renders', { headers: withLink })).status).toBe(401)
    expect((await call(`/api/renders/${other}`, { headers: withLink })).status).toBe(401)
    expect((await call('/api/v1/requests', post({ operation: 'video.generate', input: {} }, withLink))).status).toBe(
      401,
    )
    expect((await call('/api/media', { method: 'POST', headers: withLink, body: 'x' })).status).toBe(401)
    expect((await call(`/api/s/${token}`, json('POST', {}))).status).toBe(404)
  })

  it('refuses what cannot be shared, with a plain reason', async () => {
    const { call, render, share } = studio()
    const { render_id: a } = await render({}, signedIn)
    const { render_id: b } = await render({}, signedIn)
    const refusals: [unknown, number][] = [
      [{ kind: 'render', ids: [a, b] }, 400],
      [{ kind: 'compare', ids: [a] }, 400],
      [{ kind: 'compare', ids: [a, a] }, 400],
      [{ kind: 'group', ids: [a, 'missing'] }, 404],
      [{ kind: 'render', ids: [a], expiresInDays: 0 }, 400],
      [{ kind: 'render', ids: [a], expiresInDays: 91 }, 400],
      [{ kind: 'board', ids: [a] }, 400],
      [{ kind: 'render', ids: ['../x'] }, 400],
    ]
    for (const [body, status] of refusals) {
      const made = await share(body)
      expect(made.status, JSON.stringify(body)).toBe(status)
      expect(made.body.error?.message).toBeTruthy()
    }
    const unfinished = await call(
      '/api/v1/requests',
      post({ operation: 'video.generate', input: { model: 'grok', prompt: 'x', duration: 6 } }, signedIn),
    )
    const { render_id: pending } = (await unfinished.json()) as { render_id: string }
    expect((await share({ kind: 'render', ids: [pending] })).body.error?.message).toBe(
      'Only finished takes can be shared',
    )
    expect((await share({ kind: 'compare', ids: [a, b], expiresInDays: 30 })).status).toBe(201)
  })

  it('ends with a revoke, an expiry or a deleted take, and says which', async () => {
    const { call, render, share, api, clock } = studio()
    const takes = [await render({}, signedIn), await render({}, signedIn), await render({}, signedIn)]
    const [revoked, expiring, deleted] = await Promise.all(
      takes.map(
        async ({ render_id }, i) => (await share({ kind: 'render', ids: [render_id], expiresInDays: i + 1 })).body,
      ),
    )
    expect((await call(`/api/shares/${revoked!.share.id}`, { method: 'DELETE', headers: signedIn })).status).toBe(200)
    expect((await call('/api/shares/0000000000000000', { method: 'DELETE', headers: signedIn })).status).toBe(404)
    const gone = async (url: string) => {
      const response = await call(api(url))
      return {
        status: response.status,
        ...((await response.json()) as { error: { code: string; message: string } }).error,
      }
    }
    expect(await gone(revoked!.url)).toMatchObject({ status: 410, code: 'revoked', message: /turned off/ })

    expect((await call(api(expiring!.url))).status).toBe(200)
    clock.aheadMs += 2 * DAY_MS + 1
    expect(await gone(expiring!.url)).toMatchObject({ status: 410, code: 'expired', message: /expired on/ })

    await call(`/api/renders/${takes[2]!.render_id}`, {
      ...json('PATCH', { deleted: true }),
      headers: { ...signedIn, 'content-type': 'application/json' },
    })
    expect(await gone(deleted!.url)).toMatchObject({ status: 410, code: 'deleted' })
  })

  it("shares a sequence as its cut is when the link opens: its shots' takes and nothing else", async () => {
    const { call, render, share, api } = studio()
    const [a, b, c, outside] = [
      await render({ prompt: 'Shot one' }, signedIn),
      await render({ prompt: 'Shot two' }, signedIn),
      await render({ prompt: 'Shot two, again' }, signedIn),
      await render({ prompt: 'Not in the sequence' }, signedIn),
    ].map((accepted) => accepted.render_id)
    const shot = (id: string, takeIds: string[], inMs: number, outMs: number) => ({
      id,
      takeIds,
      activeTakeId: takeIds[0]!,
      inMs,
      outMs,
    })
    const created = await call(
      '/api/sequences',
      post(
        { name: 'The lake at night', shots: [shot('s1', [a!], 500, 3000), shot('s2', [b!, c!], 0, 2000)] },
        signedIn,
      ),
    )
    const sequence = (await created.json()) as { id: string; version: number; shots: unknown[] }
    expect((await share({ kind: 'sequence', ids: ['no-such-sequence'] })).status).toBe(404)
    const empty = (await (await call('/api/sequences', post({ name: 'Empty' }, signedIn))).json()) as { id: string }
    expect((await share({ kind: 'sequence', ids: [empty.id] })).body.error?.message).toMatch(/no finished take/)

    const made = await share({ kind: 'sequence', ids: [sequence.id] })
    expect(made.status).toBe(201)
    const open = async () => (await call(api(made.body.url))).json() as Promise<Record<string, unknown>>
    expect(await open()).toMatchObject({
      kind: 'sequence',
      title: 'The lake at night',
      shots: [
        { takeId: a, inMs: 500, outMs: 3000 },
        { takeId: b, inMs: 0, outMs: 2000 },
      ],
      takes: [{ id: a, prompt: 'Shot one' }, { id: b }],
    })
    const rate = (id: string) => call(api(made.body.url, `/renders/${id}`), json('PATCH', { rating: 'pick' }))
    expect((await rate(b!)).status).toBe(200)
    expect((await rate(c!)).status).toBe(404) // a take of the shot, but not the one that plays
    expect((await rate(outside!)).status).toBe(404)

    // The team switches shot 2 to its other take: the link shows the cut as it is now.
    const edited = await call(`/api/sequences/${sequence.id}`, {
      ...json('PATCH', {
        version: sequence.version,
        shots: [shot('s1', [a!], 500, 3000), { ...shot('s2', [b!, c!], 0, 2000), activeTakeId: c }],
      }),
      headers: { ...signedIn, 'content-type': 'application/json' },
    })
    expect(edited.status).toBe(200)
    expect(((await open()) as { takes: { id: string }[] }).takes.map((t) => t.id)).toEqual([a, c])
    // A deleted take drops out of the shared cut; a deleted sequence closes the link.
    await call(`/api/renders/${c}`, {
      ...json('PATCH', { deleted: true }),
      headers: { ...signedIn, 'content-type': 'application/json' },
    })
    expect(((await open()) as { shots: unknown[] }).shots).toHaveLength(1)
    await call(`/api/sequences/${sequence.id}`, { method: 'DELETE', headers: signedIn })
    const closed = await call(api(made.body.url))
    expect(closed.status).toBe(410)
    expect(await closed.text()).toContain('The sequence this link shared has been deleted')
  })

  it('slows down guessing: after 10 wrong links a minute, 429 with Retry-After; logs never hold a secret', async () => {
    const { call, render, share, api, audit } = studio()
    const { render_id: id } = await render({}, signedIn)
    const { body } = await share({ kind: 'render', ids: [id] })
    const [linkId, secret] = body.url.split('/s/')[1]!.split('.') as [string, string]
    const wrong = `${secret.slice(0, -2)}${secret.endsWith('AA') ? 'BB' : 'AA'}`
    const guesses = [`/api/s/${linkId}.${wrong}`, '/api/s/0123456789abcdef.' + 'x'.repeat(43), '/api/s/not-a-token']
    for (let i = 0; i < 9; i++) expect((await call(guesses[i % 3]!)).status).toBe(404)
    const locked = await call(guesses[0]!)
    expect(locked.status).toBe(404) // the tenth failure locks the client out from the next try
    const next = await call(guesses[1]!)
    expect(next.status).toBe(429)
    expect(Number(next.headers.get('retry-after'))).toBeGreaterThan(0)
    // The right link still opens from that address: only wrong ones are held back.
    expect((await call(api(body.url))).status).toBe(200)
    const denied = audit.filter((e) => e.msg === 'share_denied')
    expect(denied).toHaveLength(10)
    expect(JSON.stringify(audit)).not.toContain(wrong)
    expect(JSON.stringify(audit)).not.toContain(secret)
  })
})
