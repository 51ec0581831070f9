import { useLayoutEffect, useRef, useState } from 'react'

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
 * Measures a grid of buttons whose labels carry `data-cell-label` and returns its balanced column count; one row
 * until measured (and where the browser cannot measure).
 */
export function useBalancedColumns<T extends HTMLElement>(count: number) {
  const ref = useRef<T>(null)
  const [columns, setColumns] = useState(count)
  useLayoutEffect(() => {
    const grid = ref.current
    if (!grid || typeof ResizeObserver === 'undefined') return
    const labels = [...grid.querySelectorAll<HTMLElement>('[data-cell-label]')]
    const measure = () => {
      const button = labels[0]?.parentElement
      if (!button) return
      const style = getComputedStyle(button)
      const chrome =
        px(style.paddingLeft) + px(style.paddingRight) + px(style.borderLeftWidth) + px(style.borderRightWidth)
      const widest = Math.max(...labels.map((label) => label.getBoundingClientRect().width))
      const inner = grid.clientWidth - px(getComputedStyle(grid).paddingLeft) - px(getComputedStyle(grid).paddingRight)
      setColumns(balancedColumns(count, inner, Math.ceil(widest + chrome), px(getComputedStyle(grid).columnGap)))
    }
    measure()
    // The grid's width changes with the layout, a label's with the font once it loads.
    const observer = new ResizeObserver(measure)
    observer.observe(grid)
    labels.forEach((label) => observer.observe(label))
    return () => observer.disconnect()
  }, [count])
  return { ref, columns }
}
