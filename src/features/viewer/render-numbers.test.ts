import { describe, expect, it } from 'vitest'
import { authorText, creditsText, lineageText, queueTimeText, renderTimeText } from './render-numbers'

const times = (status: string, startedAtMs?: number | null, completedAtMs?: number | null) => ({
  status,
  createdAtMs: 1_000,
  startedAtMs,
  completedAtMs,
})

describe('the render’s numbers', () => {
  it('gives the credits billed, or says they are not known yet', () => {
    expect(creditsText({ billableCredits: 1240 })).toBe('1,240 credits')
    expect(creditsText({ billableCredits: 1 })).toBe('1 credit')
    expect(creditsText({ billableCredits: 0 })).toBe('0 credits')
    expect(creditsText({ billableCredits: null })).toBe('not known yet')
    expect(creditsText({})).toBe('not known yet')
  })

  it('measures the queue time from creation to start, and the render time from start to completion', () => {
    const done = times('succeeded', 4_000, 45_000)
    expect(queueTimeText(done)).toBe('3 s')
    expect(renderTimeText(done)).toBe('41 s')
    expect(renderTimeText(times('succeeded', 4_000, 130_000))).toBe('2 min 6 s')
  })

  it('says what is still to come, and what Cannon never said', () => {
    expect(queueTimeText(times('queued'))).toBe('still waiting')
    expect(renderTimeText(times('queued'))).toBe('not started yet')
    expect(queueTimeText(times('processing', 2_000))).toBe('1 s')
    expect(renderTimeText(times('processing', 2_000))).toBe('still rendering')
    expect(queueTimeText(times('succeeded', null, 9_000))).toBe('not known')
    expect(renderTimeText(times('failed', null, 9_000))).toBe('not known')
  })

  it('names the author, self-declared when no token vouches for the name', () => {
    expect(authorText({ author: 'Ana', authorVerified: true })).toBe('Ana')
    expect(authorText({ author: 'Ana', authorVerified: false })).toBe('Ana (self-declared)')
    expect(authorText({ author: null, authorVerified: false })).toBe('not recorded')
    expect(authorText({})).toBeUndefined()
  })

  it('totals the lineage, saying how many takes it counts and whether some are unfinished', () => {
    expect(lineageText({ id: 'a', renders: 4, credits: 412, unfinished: 0 })).toBe(
      'This take and the 3 takes made from it: 412 credits',
    )
    expect(lineageText({ id: 'a', renders: 2, credits: 96, unfinished: 1 })).toBe(
      'This take and the take made from it: 96 credits (1 not finished yet, so its credits may still change)',
    )
    expect(lineageText({ id: 'a', renders: 5, credits: 300, unfinished: 2 })).toMatch(/2 not finished yet, so their/)
    expect(lineageText({ id: 'a', renders: 1, credits: 72, unfinished: 0 })).toBeUndefined()
  })
})
