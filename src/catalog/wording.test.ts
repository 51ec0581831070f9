import { describe, expect, it } from 'vitest'
import { orList, readable } from './wording'

describe('readable', () => {
  it('writes a number as toLocaleString("en-US") does', () => {
    const values = [
      0,
      -0,
      1,
      7,
      12,
      999,
      1000,
      1001,
      12_345,
      999_999,
      1_000_000,
      2_147_483_647,
      -1,
      -1234,
      -0.0001,
      0.5,
      1.5,
      0.1 + 0.2,
      1.23456,
      1234.5678,
      -9876.54321,
      2.0005,
      999.9996,
      1e15 + 0.25,
      Number.MAX_SAFE_INTEGER,
      1e21,
      1e-7,
      48,
      2000,
    ]
    for (let i = 0; i < 2000; i++) values.push(Math.round((Math.random() - 0.3) * 10 ** (i % 12)) / 10 ** (i % 5))
    for (const value of values) expect(readable(value), String(value)).toBe(value.toLocaleString('en-US'))
  })

  it('leaves text as it is', () => {
    expect(readable('16:9')).toBe('16:9')
    expect(orList([4, 8, 12, 1000])).toBe('4, 8, 12 or 1,000')
  })
})
