import { describe, expect, it } from 'vitest'
import { sequenceListSchema, sequenceSchema, type Shot } from '@/catalog/sequence-contract'
import { ENGINES, useTestLedger } from '@/ledger/test-ledger'
import { createMemoryRateLimiter } from './rate-limit'
import { creditsStudio, post, video } from './test-credits-studio'

const TOKEN = 'team-token-0123456789abcdef'
const signedIn = { authorization: `Bearer ${TOKEN}` }
const send = (method: string, body: unknown, headers: Record<string, string> = signedIn): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})
const shot = (id: string, take: string, inMs = 0, outMs = 6000): Shot => ({
  id,
  takeIds: [take],
  activeTakeId: take,
  inMs,
  outMs,
})
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string } }).error

describe.each(ENGINES)('sequence routes (%s)', (engine) => {
  const ledger = useTestLedger(engine)
  const studio = () => creditsStudio(ledger.db, { accessToken: TOKEN })

  it('creates, lists, edits from the current version and deletes, behind the gate', async () => {
    const { call, render } = studio()
    const [a, b] = [(await render({}, signedIn)).render_id, (await render({}, signedIn)).render_id]

    expect((await call('/api/sequences')).status).toBe(401)
    const crossSite = send('POST', { name: 'x' }, { ...signedIn, 'sec-fetch-site': 'cross-site' })
    expect((await call('/api/sequences', crossSite)).status).toBe(403)

    const created = await call('/api/sequences', send('POST', { name: '  Opening  ', shots: [shot('s1', a)] }))
    expect(created.status).toBe(201)
    const made = sequenceSchema.parse(await created.json())
    expect(made).toMatchObject({ name: 'Opening', version: 1, shots: [shot('s1', a)] })

    const shots = [shot('s2', b, 1000, 5000), shot('s1', a, 0, 6000)]
    const edited = await call(`/api/sequences/${made.id}`, send('PATCH', { version: 1, shots }))
    expect(edited.status).toBe(200)
    expect(sequenceSchema.parse(await edited.json())).toMatchObject({ version: 2, shots })

    const stale = await call(`/api/sequences/${made.id}`, send('PATCH', { version: 1, name: 'Mine' }))
    expect(stale.status).toBe(409)
    expect(await errorOf(stale)).toMatchObject({ code: 'stale_version' })

    const listed = sequenceListSchema.parse(await (await call('/api/sequences', { headers: signedIn })).json())
    expect(listed.items.map((s) => [s.id, s.version, s.name])).toEqual([[made.id, 2, 'Opening']])

    expect((await call(`/api/sequences/${made.id}`, { method: 'DELETE', headers: signedIn })).status).toBe(204)
    expect((await call(`/api/sequences/${made.id}`, { headers: signedIn })).status).toBe(404)
    expect((await call(`/api/sequences/${made.id}`, send('PATCH', { version: 2 }))).status).toBe(404)
    expect((await call('/api/sequences/no%20such', { method: 'DELETE', headers: signedIn })).status).toBe(404)
  })

  it('refuses bad shots with a clear 4xx and changes nothing', async () => {
    const { call, render } = studio()
    const done = (await render({}, signedIn)).render_id
    const unfinished = await call('/api/v1/requests', post(video(), signedIn))
    const pending = ((await unfinished.json()) as { render_id: string }).render_id
    const made = sequenceSchema.parse(
      await (await call('/api/sequences', send('POST', { name: 'Scene', shots: [shot('s1', done)] }))).json(),
    )

    const refusals: Array<[unknown, number, string]> = [
      [{ version: 1, shots: [shot('s1', 'no-such-take')] }, 400, 'unknown_take'],
      [{ version: 1, shots: [shot('s1', pending)] }, 409, 'take_not_finished'],
      [{ version: 1, shots: [shot('s1', done, 0, 6001)] }, 400, 'trim_past_end'],
      [{ version: 1, shots: [shot('s1', done, 3000, 3000)] }, 400, 'invalid_shots'],
      [{ version: 1, shots: [shot('s1', done), shot('s1', done)] }, 400, 'invalid_shots'],
      [{ version: 1, shots: [{ ...shot('s1', done), activeTakeId: 'other' }] }, 400, 'invalid_shots'],
      [{ version: 1, shots: [{ ...shot('s1', done), inMs: -1 }] }, 400, 'invalid_input'],
      [{ version: 1, shots: [{ ...shot('s1', done), extra: 1 }] }, 400, 'invalid_input'],
      [{ version: 1, name: '   ' }, 400, 'invalid_input'],
      [{ shots: [] }, 400, 'invalid_input'],
    ]
    for (const [body, status, code] of refusals) {
      const response = await call(`/api/sequences/${made.id}`, send('PATCH', body))
      expect(response.status, JSON.stringify(body)).toBe(status)
      const error = await errorOf(response)
      expect(error.code, JSON.stringify(body)).toBe(code)
      expect(error.message).toBeTruthy()
    }
    expect((await call('/api/sequences', send('POST', { name: 'New', shots: [shot('s1', pending)] }))).status).toBe(409)
    const after = sequenceSchema.parse(await (await call(`/api/sequences/${made.id}`, { headers: signedIn })).json())
    expect(after).toEqual(made)
    const listed = sequenceListSchema.parse(await (await call('/api/sequences', { headers: signedIn })).json())
    expect(listed.items).toHaveLength(1)
  })

  it('puts a render made with Use last frame after its parent’s shot once it succeeds', async () => {
    const { call, render } = studio()
    const [first, last] = [(await render({}, signedIn)).render_id, (await render({}, signedIn)).render_id]
    const made = sequenceSchema.parse(
      await (
        await call('/api/sequences', send('POST', { name: 'Chain', shots: [shot('a', first), shot('b', last)] }))
      ).json(),
    )
    const onward = (
      await render({ duration: 10 }, { ...signedIn, 'x-studio-parent-id': first, 'x-studio-relation': 'last-frame' })
    ).render_id
    const after = sequenceSchema.parse(await (await call(`/api/sequences/${made.id}`, { headers: signedIn })).json())
    expect(after.version).toBe(2)
    expect(after.shots.map((s) => s.activeTakeId)).toEqual([first, onward, last])
    expect(after.shots[1]).toMatchObject({ inMs: 0, outMs: 10_000 })
  })

  it('counts writes against the client’s limit', async () => {
    const { call } = creditsStudio(ledger.db, { readLimiter: createMemoryRateLimiter({ limit: 2, windowMs: 60_000 }) })
    expect((await call('/api/sequences', send('POST', { name: 'One' }, {}))).status).toBe(201)
    expect((await call('/api/sequences', send('POST', { name: 'Two' }, {}))).status).toBe(201)
    const limited = await call('/api/sequences', send('POST', { name: 'Three' }, {}))
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBeTruthy()
  })
})
