import type { RequestObject } from '@/catalog/api-contract'
import type { NewSubmission } from './render-store'

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
