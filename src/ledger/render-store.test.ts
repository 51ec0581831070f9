import { describe, expect, it } from 'vitest'
import { renderSchema } from '@/catalog/render-contract'
import {
  applyRequestObject,
  getCreateBody,
  getRender,
  getRenderByRequestId,
  getRenderByWebhookToken,
  markAccepted,
  markSubmitError,
  recordSubmission,
  updateRender,
} from './render-store'
import { requestObject, submission } from './test-fixtures'
import { ENGINES, useTestLedger } from './test-ledger'

const T0 = 1_800_000_000_000

describe.each(ENGINES)('render store on %s', (engine) => {
  const ledger = useTestLedger(engine)

  it('records a submission as submitting, due for a re-send after a minute', async () => {
    const s = submission({ author: 'ana', relation: 'variation', parentId: 'p1', groupId: 'g1', webhookToken: 'w1' })
    const render = await recordSubmission(ledger.db, s)
    expect(renderSchema.parse(render)).toEqual(render)
    expect(render).toMatchObject({
      requestId: null,
      status: 'submitting',
      operation: 'video.generate',
      input: s.input,
      idempotencyKey: s.idempotencyKey,
      author: 'ana',
      relation: 'variation',
      parentId: 'p1',
      groupId: 'g1',
      createdAtMs: T0,
      updatedAtMs: T0,
      favourite: false,
      stale: false,
      deleted: false,
      output: null,
      billableCredits: null,
    })
    expect(render.id).toMatch(/^[0-9a-f-]{36}$/)
    const [row] = await ledger.db.query<Record<string, unknown>>(
      'SELECT next_poll_at_ms, watch_since_ms, model, prompt, create_body FROM renders WHERE id = $1',
      [render.id],
    )
    expect(row).toEqual({
      next_poll_at_ms: T0 + 60_000,
      watch_since_ms: T0,
      model: 'seedance2',
      prompt: s.input.prompt,
      create_body: s.createBody,
    })
    expect(await getRenderByWebhookToken(ledger.db, 'w1')).toEqual(render)
    expect(await getRender(ledger.db, render.id)).toEqual(render)
    expect(await getCreateBody(ledger.db, render.id)).toBe(s.createBody)
    expect(await getCreateBody(ledger.db, 'missing')).toBe(undefined)
  })

  it('returns the original render for a repeated idempotency key, never a second row', async () => {
    const first = await recordSubmission(ledger.db, submission({ idempotencyKey: 'same' }))
    const again = await recordSubmission(ledger.db, submission({ idempotencyKey: 'same', author: 'other' }))
    expect(again).toEqual(first)
    const [count] = await ledger.db.query<{ n: number }>('SELECT count(*) AS n FROM renders')
    expect(count?.n).toBe(1)
  })

  it('marks a render accepted with its request id and next poll time', async () => {
    const s = submission()
    await recordSubmission(ledger.db, s)
    const accepted = await markSubmitError(ledger.db, s.idempotencyKey, 'upstream 503', T0 + 5000, T0 + 100)
    expect(accepted?.submitError).toBe('upstream 503')
    const render = await markAccepted(
      ledger.db,
      s.idempotencyKey,
      { id: 'req-1', status: 'queued', poll_after_ms: 1500 },
      T0 + 1000,
    )
    expect(render).toMatchObject({ requestId: 'req-1', status: 'queued', pollAfterMs: 1500, submitError: null })
    const [row] = await ledger.db.query<Record<string, unknown>>(
      'SELECT accepted_at_ms, next_poll_at_ms, lease_owner FROM renders WHERE request_id = $1',
      ['req-1'],
    )
    expect(row).toEqual({ accepted_at_ms: T0 + 1000, next_poll_at_ms: T0 + 2500, lease_owner: null })
    expect(await getRenderByRequestId(ledger.db, 'req-1')).toEqual(render)
    expect(await markAccepted(ledger.db, 'unknown', { id: 'x', status: 'queued', poll_after_ms: 1 }, T0)).toBe(
      undefined,
    )
  })

  it('does not let a repeated 202 move a render back', async () => {
    const s = submission()
    await recordSubmission(ledger.db, s)
    await markAccepted(ledger.db, s.idempotencyKey, { id: 'req-2', status: 'queued', poll_after_ms: 1000 }, T0)
    await applyRequestObject(ledger.db, 'req-2', requestObject('req-2', 'processing'), T0 + 2000)
    const again = await markAccepted(
      ledger.db,
      s.idempotencyKey,
      { id: 'req-2', status: 'queued', poll_after_ms: 1000 },
      T0 + 3000,
    )
    expect(again?.status).toBe('processing')
  })

  it('gives up on a create refused for good: the render fails with the reason', async () => {
    const s = submission()
    await recordSubmission(ledger.db, s)
    const render = await markSubmitError(ledger.db, s.idempotencyKey, 'duration: not allowed', null, T0 + 10)
    expect(render).toMatchObject({ status: 'failed', errorMessage: 'duration: not allowed', completedAtMs: T0 + 10 })
    // An accepted render is no longer a submission: a late submit error does not touch it.
    const t = submission()
    await recordSubmission(ledger.db, t)
    await markAccepted(ledger.db, t.idempotencyKey, { id: 'req-3', status: 'queued', poll_after_ms: 1 }, T0)
    expect(await markSubmitError(ledger.db, t.idempotencyKey, 'late', T0 + 99)).toBe(undefined)
  })

  it("applies Cannon's request objects until the render finishes, then never again", async () => {
    const s = submission()
    await recordSubmission(ledger.db, s)
    await markAccepted(ledger.db, s.idempotencyKey, { id: 'req-4', status: 'queued', poll_after_ms: 3000 }, T0)
    await ledger.db.query(`UPDATE renders SET poll_error = 'timeout', poll_failures = 2 WHERE request_id = 'req-4'`)
    const running = await applyRequestObject(
      ledger.db,
      'req-4',
      requestObject('req-4', 'processing', { startedAtMs: T0 + 500 }),
      T0 + 4000,
    )
    expect(running).toMatchObject({
      status: 'processing',
      startedAtMs: T0 + 500,
      pollError: null,
      updatedAtMs: T0 + 4000,
    })
    const due = async () =>
      (
        await ledger.db.query<{ next_poll_at_ms: number | null; poll_failures: number }>(
          `SELECT next_poll_at_ms, poll_failures FROM renders WHERE request_id = 'req-4'`,
        )
      )[0]
    expect(await due()).toEqual({ next_poll_at_ms: T0 + 7000, poll_failures: 0 })
    const output = { video_url: 'https://cdn.example/v.mp4', duration: 5, aspect_ratio: '16:9' }
    const done = await applyRequestObject(
      ledger.db,
      'req-4',
      requestObject('req-4', 'succeeded', { billableCredits: 12.5, completedAtMs: T0 + 9000, output }),
      T0 + 9100,
    )
    expect(done).toMatchObject({ status: 'succeeded', billableCredits: 12.5, completedAtMs: T0 + 9000, output })
    expect(await due()).toEqual({ next_poll_at_ms: null, poll_failures: 0 })
    // A late answer to an older poll does not undo the end.
    const late = await applyRequestObject(ledger.db, 'req-4', requestObject('req-4', 'processing'), T0 + 9200)
    expect(late).toEqual(done)
    expect(await applyRequestObject(ledger.db, 'nobody', requestObject('nobody', 'queued'), T0)).toBe(undefined)
  })

  it('keeps a failure message and an unknown status as Cannon wrote them', async () => {
    const s = submission()
    await recordSubmission(ledger.db, s)
    await markAccepted(ledger.db, s.idempotencyKey, { id: 'req-5', status: 'queued', poll_after_ms: 1000 }, T0)
    const odd = await applyRequestObject(ledger.db, 'req-5', requestObject('req-5', 'moderating'), T0 + 1)
    expect(odd?.status).toBe('moderating')
    const failed = await applyRequestObject(
      ledger.db,
      'req-5',
      requestObject('req-5', 'failed', { errorMessage: 'content policy', completedAtMs: T0 + 2 }),
      T0 + 3,
    )
    expect(failed).toMatchObject({ status: 'failed', errorMessage: 'content policy', completedAtMs: T0 + 2 })
  })

  it('favourites, soft-deletes and restores a render', async () => {
    const render = await recordSubmission(ledger.db, submission())
    expect(await updateRender(ledger.db, render.id, { favourite: true }, T0 + 1)).toMatchObject({
      favourite: true,
      deleted: false,
      updatedAtMs: T0 + 1,
    })
    expect(await updateRender(ledger.db, render.id, { deleted: true }, T0 + 2)).toMatchObject({
      favourite: true,
      deleted: true,
    })
    // Still found by id (so that undo can find it), gone from lists (see render-list tests).
    expect((await getRender(ledger.db, render.id))?.deleted).toBe(true)
    expect(await updateRender(ledger.db, render.id, { deleted: false }, T0 + 3)).toMatchObject({ deleted: false })
    expect(await updateRender(ledger.db, 'missing', { favourite: true })).toBe(undefined)
  })
})
