import { describe, expect, it, vi } from 'vitest'
import type { Database } from '@/ledger/database'
import { simulatedBff } from './test-bff'

/** A ledger whose Postgres went away after the studio started. */
function unreachable(): Database {
  const refused = () =>
    Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))
  return { kind: 'postgres', query: refused, transaction: refused, close: async () => {} }
}

describe('a ledger that cannot be reached', () => {
  it('answers 503 with Retry-After and a plain message, never a stack, and forwards no create', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const { call, forwarded } = simulatedBff({ ledger: unreachable() })
    const list = await call('/api/renders')
    expect(list.status).toBe(503)
    expect(list.headers.get('retry-after')).toBe('5')
    expect(await list.json()).toEqual({
      error: {
        code: 'ledger_unavailable',
        message: "The studio's record of renders cannot be reached; try again shortly",
      },
    })
    const create = await call('/api/v1/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ operation: 'video.generate', input: { model: 'grok', prompt: 'A fox', duration: 6 } }),
    })
    expect(create.status).toBe(503)
    expect(forwarded()).toBe(0)
  })
})
