import { expect, it } from 'vitest'
import { progressEstimate } from './progress-estimate'

it('has no bar position without history, only the time so far', () => {
  expect(progressEstimate(12_000, null)).toEqual({ text: '12 s so far' })
  expect(progressEstimate(12_000, undefined)).toEqual({ text: '12 s so far' })
  expect(progressEstimate(12_000, 0)).toEqual({ text: '12 s so far' })
})

it('says roughly how long is left, labelled as an estimate, and moves the bar by the median', () => {
  expect(progressEstimate(20_000, 40_000)).toEqual({ fraction: 0.5, text: 'about 20 s left (estimate)' })
  expect(progressEstimate(0, 41_000)).toEqual({ fraction: 0, text: 'about 45 s left (estimate)' })
  expect(progressEstimate(3_500, 8_000)).toEqual({ fraction: 3_500 / 8_000, text: 'about 5 s left (estimate)' })
  expect(progressEstimate(10_000, 190_000).text).toBe('about 3 min left (estimate)')
})

it('never fills the bar before the render ends, and says when it takes longer than usual', () => {
  expect(progressEstimate(39_500, 40_000).fraction).toBe(0.95)
  expect(progressEstimate(60_000, 40_000)).toEqual({
    fraction: 0.95,
    text: 'taking longer than usual (estimate was 40 s)',
  })
})
