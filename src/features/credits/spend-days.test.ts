import { describe, expect, it } from 'vitest'
import { dailyCredits, lastDays, thisMonth } from './spend-days'

const row = (key: string, credits: number) => ({
  key,
  credits,
  renders: 1,
  succeededRenders: 1,
  succeededCredits: credits,
  failedRenders: 0,
  failedCredits: 0,
})

describe('spend days', () => {
  const now = Date.parse('2026-11-30T22:15:00Z')

  it('names UTC day ranges, both ends included', () => {
    expect(lastDays(7, now)).toEqual({ from: '2026-11-24', to: '2026-11-30' })
    expect(lastDays(1, now)).toEqual({ from: '2026-11-30', to: '2026-11-30' })
    expect(thisMonth(now)).toEqual({ from: '2026-11-01', to: '2026-11-30' })
  })

  it('gives every day of the range, 0 where nothing was rendered', () => {
    const days = dailyCredits({ from: '2026-11-28', to: '2026-12-01' }, [row('2026-11-29', 48), row('2026-12-01', 7)])
    expect(days).toEqual([
      { day: '2026-11-28', credits: 0 },
      { day: '2026-11-29', credits: 48 },
      { day: '2026-11-30', credits: 0 },
      { day: '2026-12-01', credits: 7 },
    ])
  })
})
