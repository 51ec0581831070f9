import { describe, expect, it } from 'vitest'
import type { Database } from './database'
import { applyRequestObject, markAccepted, recordSubmission } from './render-store'
import { renderTiming } from './render-times'
import { requestObject, submission } from './test-fixtures'
import { ENGINES, useTestLedger } from './test-ledger'

const T0 = 1_800_000_000_000
let made = 0

/** A render of `model` at `duration` created at T0 + `at` that ended with `status` `tookMs` later. */
async function finished(
  db: Database,
  model: string,
  duration: number | undefined,
  tookMs: number,
  status = 'succeeded',
) {
  made += 1
  const input = { model, prompt: `take ${made}`, ...(duration === undefined ? {} : { duration }) }
  const sub = submission({ input, nowMs: T0 + made * 1000 })
  await recordSubmission(db, sub)
  const requestId = `req_${made}`
  await markAccepted(db, sub.idempotencyKey, { id: requestId, status: 'queued', poll_after_ms: 1000 }, T0)
  const completedAtMs = sub.nowMs + tookMs
  await applyRequestObject(db, requestId, requestObject(requestId, status, { completedAtMs }), completedAtMs)
}

describe.each(ENGINES)('renderTiming on %s', (engine) => {
  const ledger = useTestLedger(engine)

  it('is the median create-to-finish time of succeeded renders of that model and duration only', async () => {
    for (const took of [30_000, 40_000, 90_000]) await finished(ledger.db, 'grok', 6, took)
    await finished(ledger.db, 'grok', 6, 5_000, 'failed')
    await finished(ledger.db, 'grok', 10, 200_000)
    await finished(ledger.db, 'sora2', 6, 1_000)
    expect(await renderTiming(ledger.db, 'grok', 6)).toEqual({ medianMs: 40_000, samples: 3 })
    expect(await renderTiming(ledger.db, 'grok', 10)).toEqual({ medianMs: 200_000, samples: 1 })
    expect(await renderTiming(ledger.db, 'veo31', 8)).toEqual({ medianMs: null, samples: 0 })
  })

  it('keeps renders sent without a duration apart, and reads only the latest ones', async () => {
    await finished(ledger.db, 'nanobanana', undefined, 10_000)
    await finished(ledger.db, 'nanobanana', undefined, 20_000)
    await finished(ledger.db, 'nanobanana', 4, 99_000)
    expect(await renderTiming(ledger.db, 'nanobanana', null)).toEqual({ medianMs: 15_000, samples: 2 })
    expect(await renderTiming(ledger.db, 'nanobanana', null, 1)).toEqual({ medianMs: 20_000, samples: 1 })
  })
})
