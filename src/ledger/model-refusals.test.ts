import { describe, expect, it } from 'vitest'
import { activeModelRefusals, recordModelRefusal } from './model-refusals'
import { applyRequestObject, markAccepted, recordSubmission } from './render-store'
import { requestObject, submission } from './test-fixtures'
import { ENGINES, useTestLedger } from './test-ledger'

const T0 = 1_800_000_000_000

describe.each(ENGINES)('model refusals on %s', (engine) => {
  const ledger = useTestLedger(engine)

  /** A render of `model` that ended `status` at `atMs`. */
  async function finished(model: string, status: string, atMs: number) {
    const s = submission({ input: { model, prompt: 'a harbour at dawn' } as never, nowMs: atMs - 10 })
    await recordSubmission(ledger.db, s)
    const id = `req_${crypto.randomUUID().slice(0, 8)}`
    await markAccepted(ledger.db, s.idempotencyKey, { id, status: 'queued', poll_after_ms: 1000 }, atMs - 5)
    await applyRequestObject(ledger.db, id, requestObject(id, status, { completedAtMs: atMs }), atMs)
  }

  it("keeps each model's latest refusal until a render of it succeeds after it", async () => {
    await recordModelRefusal(ledger.db, { model: 'sora2', field: 'model', message: 'unknown model', atMs: T0 })
    await recordModelRefusal(ledger.db, { model: 'sora2', field: 'duration', message: 'no 20 s', atMs: T0 + 1000 })
    await recordModelRefusal(ledger.db, { model: 'grok', field: null, message: 'model grok is off', atMs: T0 })
    await finished('sora2', 'succeeded', T0 - 1) // before the refusal: it does not clear it
    await finished('grok', 'failed', T0 + 50) // failed: it does not clear it either
    expect(await activeModelRefusals(ledger.db)).toEqual([
      { model: 'grok', field: null, message: 'model grok is off', atMs: T0 },
      { model: 'sora2', field: 'duration', message: 'no 20 s', atMs: T0 + 1000 },
    ])
    await finished('sora2', 'succeeded', T0 + 2000)
    expect((await activeModelRefusals(ledger.db)).map((r) => r.model)).toEqual(['grok'])
  })
})
