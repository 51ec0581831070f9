import type { RequestObject } from '@/catalog/api-contract'
import type { Database } from './database'
import { applyRequestObject, markAccepted, recordSubmission, type NewSubmission } from './render-store'

let counter = 0

/** A submission with a unique idempotency key; `overrides` win. */
export function submission(overrides: Partial<NewSubmission> = {}): NewSubmission {
  counter += 1
  const input = overrides.input ?? { model: 'seedance2', prompt: `a lighthouse at dusk ${counter}`, duration: 5 }
  return {
    idempotencyKey: `key-${counter}-${crypto.randomUUID()}`,
    input,
    createBody: JSON.stringify({ operation: 'video.generate', input }),
    nowMs: 1_800_000_000_000,
    ...overrides,
  }
}

/** Cannon's request object for `id`. */
export function requestObject(id: string, status: string, extra: Partial<RequestObject> = {}): RequestObject {
  return { id, operation: 'video.generate', status, ...extra }
}

/** A render that Cannon accepted and finished with a take at a CDN URL (`n` makes its ids unique); its id. */
export async function succeededTake(
  db: Database,
  n: number,
  nowMs = 1_800_000_000_000,
  overrides: Partial<NewSubmission> = {},
): Promise<string> {
  const render = await recordSubmission(db, submission({ nowMs, ...overrides }))
  const requestId = `req_take${n}`
  await markAccepted(db, render.idempotencyKey, { id: requestId, status: 'queued', poll_after_ms: 1000 }, nowMs)
  const output = { video_url: `https://cdn.example.com/${n}.mp4` }
  await applyRequestObject(db, requestId, requestObject(requestId, 'succeeded', { output }), nowMs)
  return render.id
}
