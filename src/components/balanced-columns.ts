import { useLayoutEffect, useRef } from 'react'

/**
 * How many equal columns `count` cells of at least `cell` px take in `width` px: all in one row when they fit,
 * else as few rows as fit, filled evenly (4 → 2 + 2, 7 → 4 + 3), so no row ends with a lone straggler.
 */
export function balancedColumns(count: number, width: number, cell: number, gap: number): number {
  const fit = Math.max(1, Math.floor((width + gap) / (cell + gap)))
  if (fit >= count) return count
  return Math.ceil(count / Math.ceil(count / fit))
}

const px = (value: string) => Number.parseFloat(value) || 0

/**
 * Lays out a grid of buttons whose labels carry `data-cell-label` in balanced columns, measured; one row until
 * measured (and where the browser cannot measure). The columns are written to the grid itself rather than kept
 * in React's state, where each change would render the form again.
 */
export function useBalancedColumns<T extends HTMLElement>(count: number) {
  const ref = useRef<T>(null)
  useLayoutEffect(() => {
    const grid = ref.current
    if (!grid) return
    const setColumns = (columns: number) => {
      grid.style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`
    }
    setColumns(count)
    if (typeof ResizeObserver === 'undefined') return
    const labels = [...grid.querySelectorAll<HTMLElement>('[data-cell-label]')]
    const measure = () => {
      const button = labels[0]?.parentElement
      if (!button) return
      const style = getComputedStyle(button)
      const chrome =
        px(style.paddingLeft) + px(style.paddingRight) + px(style.borderLeftWidth) + px(style.borderRightWidth)
      const widest = Math.max(...labels.map((label) => label.getBoundingClientRect().width))
      const gridStyle = getComputedStyle(grid)
      const inner = grid.clientWidth - px(gridStyle.paddingLeft) - px(gridStyle.paddingRight)
      setColumns(balancedColumns(count, inner, Math.ceil(widest + chrome), px(gridStyle.columnGap)))
    }
    // Measured in the next frame, before it paints: measuring here would lay the whole page out inside the task
    // of the commit (on the studio's first screen, its longest), where the frame lays it out anyway.
    const frame = requestAnimationFrame(measure)
    // The grid's width changes with the layout, a label's with the font once it loads.
    const observer = new ResizeObserver(measure)
    observer.observe(grid)
    labels.forEach((label) => observer.observe(label))
    return () => {
      cancelAnimationFrame(frame)
      observer.disconnect()
    }
  }, [count])
  return ref
}
