import { expect, it } from 'vitest'
import { columnsFor, masonry, movedIndex, ratioOf, visibleRange } from './gallery-layout'

const tile = (ratio: number) => ({ ratio, extraHeight: 100 })

it('reads aspect ratios, within bounds, and takes 16:9 when there is none', () => {
  expect(ratioOf('16:9')).toBeCloseTo(16 / 9)
  expect(ratioOf('9:16')).toBeCloseTo(9 / 16)
  expect(ratioOf('1:4')).toBeCloseTo(9 / 21)
  expect(ratioOf(undefined)).toBeCloseTo(16 / 9)
  expect(ratioOf('auto')).toBeCloseTo(16 / 9)
  expect(ratioOf('0:1')).toBeCloseTo(16 / 9)
})

it('fits as many columns as the width allows, at least one', () => {
  expect(columnsFor(1000, 240, 16)).toBe(3)
  expect(columnsFor(100, 240, 16)).toBe(1)
})

it('places each tile, as tall as its media at its own ratio plus its facts, in the shortest column', () => {
  // Two columns of 100 px: a 1:1 tile (100 + 100), a 9:16 tile (178 + 100); the first column is then shorter
  // (210 < 288) and takes a 2:1 tile, after which the second one is (288 < 370).
  const layout = masonry([tile(1), tile(9 / 16), tile(2), tile(1)], 210, 90, 10)
  expect(layout.columns).toBe(2)
  expect(layout.boxes.map((b) => [b.column, b.x, b.y, b.mediaHeight, b.height])).toEqual([
    [0, 0, 0, 100, 200],
    [1, 110, 0, 178, 278],
    [0, 0, 210, 50, 150],
    [1, 110, 288, 100, 200],
  ])
  expect(layout.height).toBe(488)
  expect(layout.tallest).toBe(278)
})

it('finds the tiles that overlap a window of the list, even a tall one that started above it', () => {
  const layout = masonry([tile(1), tile(9 / 16), tile(2), tile(1)], 210, 90, 10)
  expect(visibleRange(layout, 0, 100)).toEqual({ start: 0, end: 2 })
  expect(visibleRange(layout, 202, 205)).toEqual({ start: 1, end: 2 }) // only the tall tile reaches down there
  expect(visibleRange(layout, 380, 900)).toEqual({ start: 3, end: 4 })
  expect(visibleRange(masonry([], 210, 90, 10), 0, 500)).toEqual({ start: 0, end: 0 })
})

it('moves across in order, and up and down within a column, within bounds', () => {
  const { boxes } = masonry([tile(1), tile(9 / 16), tile(2), tile(1), tile(1)], 210, 90, 10)
  // Columns: 0 → tiles 0, 2, 4; 1 → tiles 1, 3.
  expect(boxes.map((b) => b.column)).toEqual([0, 1, 0, 1, 0])
  expect(movedIndex('ArrowRight', 0, boxes)).toBe(1)
  expect(movedIndex('ArrowRight', 4, boxes)).toBe(4)
  expect(movedIndex('ArrowLeft', 0, boxes)).toBe(0)
  expect(movedIndex('ArrowDown', 0, boxes)).toBe(2)
  expect(movedIndex('ArrowDown', 1, boxes)).toBe(3)
  expect(movedIndex('ArrowUp', 4, boxes)).toBe(2)
  expect(movedIndex('ArrowDown', 4, boxes)).toBe(4)
  expect(movedIndex('End', 0, boxes)).toBe(4)
  expect(movedIndex('Home', 3, boxes)).toBe(0)
  expect(movedIndex('x', 0, boxes)).toBeUndefined()
})
