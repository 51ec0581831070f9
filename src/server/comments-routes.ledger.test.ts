import { describe, expect, it } from 'vitest'
import { commentListSchema, commentSchema } from '@/catalog/review-contract'
import { renderSchema } from '@/catalog/render-contract'
import { ENGINES, useTestLedger } from '@/ledger/test-ledger'
import { createMemoryRateLimiter } from './rate-limit'
import { creditsStudio } from './test-credits-studio'

const TOKEN = 'team-token-0123456789abcdef'
const signedIn = { authorization: `Bearer ${TOKEN}` }
const send = (method: string, body: unknown, headers: Record<string, string> = signedIn): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
})
const asBen = { ...signedIn, 'x-studio-author': encodeURIComponent('Ben Ode') }
const messageOf = async (response: Response) =>
  ((await response.json()) as { error: { message: string; field?: string } }).error

describe.each(ENGINES)('comments through the BFF (%s)', (engine) => {
  const ledger = useTestLedger(engine)
  const studio = () => creditsStudio(ledger.db, { accessToken: TOKEN })

  it('pins plain-text comments to a moment of the take, behind the gate, and resolves and reopens them', async () => {
    const { call, render } = studio()
    const { render_id: id } = await render({}, signedIn)
    const comments = `/api/renders/${id}/comments`
    expect((await call(comments, send('POST', { atMs: 2500, text: 'x' }, {}))).status).toBe(401)
    expect(
      (await call(comments, send('POST', { atMs: 2500, text: 'x' }, { ...signedIn, 'sec-fetch-site': 'cross-site' })))
        .status,
    ).toBe(403)
    expect((await call(comments, { headers: {} })).status).toBe(401)

    const posted = await call(comments, send('POST', { atMs: 2500, text: '  <script>alert(1)</script> hold  ' }, asBen))
    expect(posted.status).toBe(201)
    const comment = commentSchema.parse(await posted.json())
    expect(comment).toMatchObject({ atMs: 2500, text: '<script>alert(1)</script> hold', author: 'Ben Ode' })
    expect(comment.authorVerified).toBe(false)
    await call(comments, send('POST', { atMs: 500, text: 'opening is soft' }))

    const listed = commentListSchema.parse(await (await call(comments, { headers: signedIn })).json())
    expect(listed.comments.map((c) => [c.atMs, c.author])).toEqual([
      [500, null],
      [2500, 'Ben Ode'],
    ])
    const page = await (await call('/api/renders?commented=true', { headers: signedIn })).json()
    expect((page as { items: { id: string; openComments: number }[] }).items).toMatchObject([{ id, openComments: 2 }])

    const resolved = await call(`/api/comments/${comment.id}`, send('PATCH', { resolved: true }, asBen))
    expect(commentSchema.parse(await resolved.json())).toMatchObject({ resolved: true, resolvedBy: 'Ben Ode' })
    const take = renderSchema.parse(await (await call(`/api/renders/${id}`, { headers: signedIn })).json())
    expect(take.openComments).toBe(1)
    const reopened = await call(`/api/comments/${comment.id}`, send('PATCH', { resolved: false }))
    expect(commentSchema.parse(await reopened.json()).resolved).toBe(false)
  })

  it('refuses bad moments, empty or long text, unknown takes and comments, each with a plain message', async () => {
    const { call, render } = studio()
    const { render_id: id } = await render({ duration: 6 }, signedIn)
    const post = (body: unknown) => call(`/api/renders/${id}/comments`, send('POST', body))
    const refusals: [unknown, string, RegExp][] = [
      [{ atMs: -1, text: 'x' }, 'atMs', /0 or more/],
      [{ atMs: 60_000, text: 'x' }, 'atMs', /past the take's end \(0:06\.5\)/],
      [{ atMs: 1.5, text: 'x' }, 'atMs', /int/i],
      [{ atMs: 1000, text: '   ' }, 'text', /Write something/],
      [{ atMs: 1000, text: 'a'.repeat(2001) }, 'text', /at most 2,000 characters/],
      [{ atMs: 1000 }, 'text', /string/],
    ]
    for (const [body, field, message] of refusals) {
      const response = await post(body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      const error = await messageOf(response)
      expect(error.field).toBe(field)
      expect(error.message).toMatch(message)
    }
    expect((await post('not json')).status).toBe(400)
    expect((await post({ atMs: 6000, text: 'a'.repeat(2000) })).status).toBe(201)
    expect((await call('/api/renders/nope/comments', send('POST', { atMs: 0, text: 'x' }))).status).toBe(404)
    expect((await call('/api/renders/nope/comments', { headers: signedIn })).status).toBe(404)
    expect((await call(`/api/comments/${crypto.randomUUID()}`, send('PATCH', { resolved: true }))).status).toBe(404)
    expect((await call('/api/comments/x', send('PATCH', { resolved: 'yes' }))).status).toBe(400)
    const big = await call(`/api/renders/${id}/comments`, send('POST', { atMs: 0, text: 'a'.repeat(70_000) }))
    expect(big.status).toBe(413)
  })

  it('limits how many comments one client writes', async () => {
    const { call, render } = creditsStudio(ledger.db, {
      accessToken: TOKEN,
      commentLimiter: createMemoryRateLimiter({ limit: 2, windowMs: 60_000 }),
    })
    const { render_id: id } = await render({}, signedIn)
    const post = () => call(`/api/renders/${id}/comments`, send('POST', { atMs: 0, text: 'again' }))
    expect((await post()).status).toBe(201)
    expect((await post()).status).toBe(201)
    const third = await post()
    expect(third.status).toBe(429)
    expect(third.headers.get('retry-after')).toBeTruthy()
  })
})
