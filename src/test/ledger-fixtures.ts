import type { Render } from '@/catalog/render-contract'

const T0 = Date.UTC(2026, 10, 1)

/** A finished render as the ledger lists it: number `i` is `i` minutes older than number 0. */
export function ledgerRender(i: number, extra: Partial<Render> = {}): Render {
  const createdAtMs = T0 - i * 60_000
  return {
    id: `render-${String(i).padStart(5, '0')}`,
    requestId: `req_${i}`,
    status: 'succeeded',
    operation: 'video.generate',
    billableCredits: 12,
    createdAtMs,
    startedAtMs: createdAtMs + 1000,
    completedAtMs: createdAtMs + 5000,
    errorMessage: null,
    output: { video_url: '/demo/lava-16x9-4s.mp4', aspect_ratio: '16:9' },
    input: { model: i % 2 ? 'sora2' : 'veo31', prompt: `Take ${i} of a lighthouse` },
    idempotencyKey: `key-${i}`,
    author: null,
    authorVerified: false,
    parentId: null,
    relation: null,
    groupId: null,
    favourite: false,
    stale: false,
    keptVideoUrl: null,
    deleted: false,
    submitError: null,
    pollError: null,
    pollAfterMs: 1000,
    updatedAtMs: createdAtMs + 5000,
    ...extra,
  }
}
