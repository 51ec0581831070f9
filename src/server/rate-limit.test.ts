import { describe, expect, it } from 'vitest'
import { createMemoryRateLimiter } from './rate-limit'

describe('the memory rate limiter', () => {
  it('allows `limit` attempts per window and key, answering at once', () => {
    let now = 0
    const limiter = createMemoryRateLimiter({ limit: 2, windowMs: 1_000, now: () => now })
    expect([limiter.take('a'), limiter.take('a'), limiter.take('b')]).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: true },
    ])
    now = 400
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 })
    now = 1_000
    expect(limiter.take('a')).toEqual({ allowed: true })
  })

  it('counts no refused attempt: asking again gets the same refusal, and the window ends on time', () => {
    let now = 0
    const limiter = createMemoryRateLimiter({ limit: 1, windowMs: 3_000, now: () => now })
    limiter.take('a')
    now = 500
    const refused = limiter.take('a')
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 3 })
    expect(limiter.take('a')).toEqual(refused)
    now = 3_000
    expect(limiter.take('a')).toEqual({ allowed: true })
  })
})
