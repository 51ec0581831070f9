/*
 * The gallery's masonry: columns of one width, each tile as tall as its media at its own aspect ratio plus the
 * card's facts below, placed in the shortest column. Pure arithmetic, so that 10,000 tiles lay out in a few
 * milliseconds and the grid can draw only those near the viewport.
 */

export interface TileShape {
  /** Width over height of the media (16:9 → 1.78). */
  ratio: number
  /** Height above the media (a group's stacked edges) and below it (the card's facts), in px. */
  extraHeight: number
}

export interface TileBox {
  x: number
  y: number
  width: number
  height: number
  mediaHeight: number
  column: number
}

export interface MasonryLayout {
  columns: number
  columnWidth: number
  boxes: TileBox[]
  height: number
  /** The tallest tile: how far above the viewport a tile may start and still show. */
  tallest: number
}

/** The narrowest and widest media the grid draws at its own ratio (a 1:4 strip would fill the screen). */
const MIN_RATIO = 9 / 21
const MAX_RATIO = 21 / 9

export function columnsFor(width: number, minColumnWidth: number, gap: number): number {
  return Math.max(1, Math.floor((width + gap) / (minColumnWidth + gap)))
}

/** "16:9" → 1.78; anything else (absent, "auto", "0:1") → 16:9, the ratio most takes have. */
export function ratioOf(aspectRatio: unknown): number {
  const match = typeof aspectRatio === 'string' ? /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(aspectRatio) : null
  const ratio = match ? Number(match[1]) / Number(match[2]) : NaN
  return Number.isFinite(ratio) && ratio > 0 ? Math.min(MAX_RATIO, Math.max(MIN_RATIO, ratio)) : 16 / 9
}

export function masonry(
  tiles: readonly TileShape[],
  width: number,
  minColumnWidth: number,
  gap: number,
): MasonryLayout {
  const columns = columnsFor(width, minColumnWidth, gap)
  const columnWidth = Math.max(1, (width - gap * (columns - 1)) / columns)
  const ends = new Array<number>(columns).fill(0)
  let tallest = 0
  const boxes = tiles.map((tile) => {
    let column = 0
    for (let c = 1; c < columns; c++) if (ends[c]! < ends[column]!) column = c
    const mediaHeight = Math.round(columnWidth / tile.ratio)
    const height = mediaHeight + tile.extraHeight
    const box = { x: column * (columnWidth + gap), y: ends[column]!, width: columnWidth, height, mediaHeight, column }
    ends[column] = box.y + height + gap
    tallest = Math.max(tallest, height)
    return box
  })
  return { columns, columnWidth, boxes, height: Math.max(0, Math.max(...ends) - gap), tallest }
}

/** First index whose box starts at or after `y` (tiles start in order: each goes where the columns are lowest). */
function firstStartingAt(boxes: readonly TileBox[], y: number): number {
  let low = 0
  let high = boxes.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (boxes[mid]!.y < y) low = mid + 1
    else high = mid
  }
  return low
}

/** The tiles that overlap [top, bottom] (in the grid's own coordinates), as a range [start, end). */
export function visibleRange(layout: MasonryLayout, top: number, bottom: number): { start: number; end: number } {
  const { boxes } = layout
  let start = firstStartingAt(boxes, top - layout.tallest)
  while (start < boxes.length && boxes[start]!.y + boxes[start]!.height < top) start++
  return { start, end: Math.max(start, firstStartingAt(boxes, bottom)) }
}

/**
 * Where an arrow key moves focus: left and right go to the previous and next tile in order (newest first),
 * up and down to the tile above or below in the same column; Home and End to the first and last.
 */
export function movedIndex(key: string, index: number, boxes: readonly TileBox[]): number | undefined {
  const count = boxes.length
  if (count === 0) return undefined
  if (key === 'Home') return 0
  if (key === 'End') return count - 1
  if (key === 'ArrowRight') return Math.min(count - 1, index + 1)
  if (key === 'ArrowLeft') return Math.max(0, index - 1)
  if (key !== 'ArrowDown' && key !== 'ArrowUp') return undefined
  const column = boxes[index]?.column
  const step = key === 'ArrowDown' ? 1 : -1
  for (let i = index + step; i >= 0 && i < count; i += step) if (boxes[i]!.column === column) return i
  return index
}
