import { describe, expect, it } from 'vitest'
import { lineageTreeSchema } from '@/catalog/gallery-contract'
import { ENGINES, useTestLedger } from '@/ledger/test-ledger'
import { creditsStudio, post, video } from './test-credits-studio'

const ANA = 'ana-token-0123456789abcdef'
const as = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${ANA}`, ...extra })

describe.each(ENGINES)('GET /api/renders/:id/lineage (%s)', (engine) => {
  const ledger = useTestLedger(engine)

  it('answers the whole family of any member, with each render’s relation, group and bill, behind the gate', async () => {
    const { call, render } = creditsStudio(ledger.db, { namedTokens: [{ name: 'Ana', token: ANA }] })
    const first = await render({}, as())
    const shootout = { 'x-studio-parent-id': first.render_id, 'x-studio-relation': 'shootout' }
    const other = await render(
      { model: 'veo31', duration: 8 },
      as({ ...shootout, 'x-studio-group-id': first.render_id }),
    )
    const rerun = await render({}, as({ 'x-studio-parent-id': other.render_id, 'x-studio-relation': 'rerun' }))

    const tree = lineageTreeSchema.parse(
      await (await call(`/api/renders/${rerun.render_id}/lineage`, { headers: as() })).json(),
    )
    expect(tree.rootId).toBe(first.render_id)
    expect(tree.truncated).toBe(false)
    expect(tree.renders.map((r) => [r.id, r.parentId, r.relation, r.groupId])).toEqual([
      [first.render_id, null, null, null],
      [other.render_id, first.render_id, 'shootout', first.render_id],
      [rerun.render_id, other.render_id, 'rerun', null],
    ])
    expect(tree.renders.every((r) => r.status === 'succeeded' && typeof r.billableCredits === 'number')).toBe(true)

    expect((await call('/api/renders/nothing-here/lineage', { headers: as() })).status).toBe(404)
    expect((await call('/api/renders/not%20an%20id/lineage', { headers: as() })).status).toBe(404)
    expect((await call(`/api/renders/${first.render_id}/lineage`)).status).toBe(401)
  }, 20_000)

  it('refuses a group id that is not an id, before anything reaches Cannon', async () => {
    const { call, creates } = creditsStudio(ledger.db, { namedTokens: [{ name: 'Ana', token: ANA }] })
    const headers = as({ 'x-idempotency-key': 'group-1', 'x-studio-group-id': 'a b' })
    const response = await call('/api/v1/requests', post(video(), headers))
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_header' } })
    expect(creates()).toBe(0)
  }, 20_000)
})
