import { describe, expect, it } from 'vitest'
import { rendersPageSchema, renderSchema, type Render } from './render-contract'

const render: Render = {
  id: '6f1c2d4e-0000-4000-8000-000000000001',
  requestId: 'req_1',
  status: 'succeeded',
  operation: 'video.generate',
  billableCredits: 12,
  createdAtMs: 1_800_000_000_000,
  startedAtMs: 1_800_000_001_000,
  completedAtMs: 1_800_000_060_000,
  errorMessage: null,
  output: { video_url: 'https://cdn.example/v.mp4', duration: 5 },
  input: { model: 'seedance2', prompt: 'a lighthouse at dusk', duration: 5 },
  idempotencyKey: 'key-1',
  author: 'ana',
  authorVerified: true,
  parentId: null,
  relation: 'variation',
  groupId: null,
  favourite: false,
  stale: false,
  keptVideoUrl: '/media/abc.mp4',
  deleted: false,
  submitError: null,
  pollError: null,
  pollAfterMs: 2000,
  updatedAtMs: 1_800_000_060_000,
}

describe('the render contract', () => {
  it('parses a page of renders as the BFF answers it, keeping the input as sent', () => {
    const page = rendersPageSchema.parse({ items: [render], next_cursor: 'abc' })
    expect(page.items[0]).toEqual(render)
    expect(page.items[0]?.input.duration).toBe(5)
    expect(rendersPageSchema.parse({ items: [], next_cursor: null }).next_cursor).toBeNull()
  })

  it('refuses a render with an unknown relation or without a prompt', () => {
    expect(renderSchema.safeParse({ ...render, relation: 'sideways' }).success).toBe(false)
    expect(renderSchema.safeParse({ ...render, input: { model: 'seedance2' } }).success).toBe(false)
    expect(renderSchema.safeParse({ ...render, deleted: undefined }).success).toBe(false)
  })
})
