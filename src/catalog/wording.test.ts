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
      64.1655, // a half that 64.1655 × 1000 would round down
      -64.1655,
      1.0005,
      8.0045,
      0.0005,
      1234.5675,
    ]
    // The same 20,000 numbers every run (a fixed-seed generator): wholes, and halves at the third decimal.
    let seed = 20_261_130
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
    for (let i = 0; i < 10_000; i++) values.push(Math.round((next() - 0.3) * 10 ** (i % 12)) / 10 ** (i % 5))
    for (let i = 0; i < 10_000; i++) values.push(Math.floor(next() * 100_000) / 100 + 0.0005 * (i % 2 ? 1 : -1))
    for (const value of values) expect(readable(value), String(value)).toBe(value.toLocaleString('en-US'))
  })

  it('leaves text as it is', () => {
    expect(readable('16:9')).toBe('16:9')
    expect(orList([4, 8, 12, 1000])).toBe('4, 8, 12 or 1,000')
  })
})
