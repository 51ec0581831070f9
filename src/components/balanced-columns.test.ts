import { describe, expect, it } from 'vitest'
import { balancedColumns } from './balanced-columns'

describe('balancedColumns', () => {
  it('keeps every cell in one row when they fit', () => {
    expect(balancedColumns(4, 380, 80, 4)).toBe(4)
    expect(balancedColumns(7, 380, 50, 2)).toBe(7)
  })

  it('fills the fewest rows that fit evenly, never leaving one cell alone on a row', () => {
    // Wan 2.7's four modes at 380 px: three fit, so two rows of two rather than three and one.
    expect(balancedColumns(4, 380, 120, 4)).toBe(2)
    expect(balancedColumns(7, 300, 50, 4)).toBe(4)
    expect(balancedColumns(5, 300, 70, 4)).toBe(3)
  })

  it('stacks cells wider than the space', () => {
    expect(balancedColumns(3, 100, 160, 4)).toBe(1)
  })
})
