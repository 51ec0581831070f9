import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react'

/** The part of the list worth drawing, in the list's own coordinates: what is in view, plus a margin. */
export interface Viewport {
  top: number
  bottom: number
}

/** Drawn beyond the view on each side, so a quick scroll does not outrun the drawing. */
const OVERSCAN_PX = 600
/** The viewport moves in steps of this much, so scrolling re-renders the grid every so often, not every frame. */
const STEP_PX = 200

/** The nearest ancestor that scrolls its content (the gallery's own column), or none: the window scrolls. */
function scrollParentOf(element: HTMLElement): HTMLElement | undefined {
  for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node)
    if (overflowY === 'auto' || overflowY === 'scroll' || overflowY === 'overlay') return node
  }
  return undefined
}

/** Where the list is cut off: its scrolling ancestor's box within the window, or the window. */
function clipOf(scroller: HTMLElement | undefined): { top: number; bottom: number } {
  if (!scroller) return { top: 0, bottom: window.innerHeight }
  const rect = scroller.getBoundingClientRect()
  return { top: Math.max(0, rect.top), bottom: Math.min(window.innerHeight, rect.bottom) }
}

/**
 * Which part of a long list is near the view, whether the window scrolls it or an ancestor does; and a way to
 * scroll a part of the list into view (for the keyboard).
 */
export function useScrollViewport(ref: RefObject<HTMLElement | null>) {
  const [viewport, setViewport] = useState<Viewport>(() => ({ top: 0, bottom: OVERSCAN_PX * 2 }))
  const scroller = useRef<HTMLElement | undefined>(undefined)
  // Bumped when the layout changes which element scrolls the list (a breakpoint): everything is set up again.
  const [layoutChanges, setLayoutChanges] = useState(0)

  useLayoutEffect(() => {
    const list = ref.current
    if (!list) return
    const parent = scrollParentOf(list)
    scroller.current = parent
    let frame = 0
    const measure = () => {
      frame = 0
      const listTop = list.getBoundingClientRect().top
      const clip = clipOf(parent)
      // While the list is still below the view, its first screenful is drawn: it is ready when scrolled to.
      const top = Math.max(0, Math.floor((clip.top - listTop - OVERSCAN_PX) / STEP_PX) * STEP_PX)
      const height = clip.bottom - clip.top + 2 * OVERSCAN_PX
      const bottom = Math.max(top + height, Math.ceil((clip.bottom - listTop + OVERSCAN_PX) / STEP_PX) * STEP_PX)
      setViewport((old) => (old.top === top && old.bottom === bottom ? old : { top, bottom }))
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure)
    }
    const resized = () => {
      if (scrollParentOf(list) === parent) schedule()
      else setLayoutChanges((n) => n + 1)
    }
    // Any scroll (captured: element scrolls do not bubble) may move the list: the window's, its column's, or
    // one of a column it was not in when this was set up (the layout changed), which is then set up anew.
    const scrolled = (event: Event) => {
      const target = event.target
      if (target instanceof HTMLElement && target !== parent && target.contains(list)) resized()
      else schedule()
    }
    measure()
    document.addEventListener('scroll', scrolled, { capture: true, passive: true })
    window.addEventListener('resize', resized)
    // Whatever moves the list within its scroller (a filter row wrapping, a notice above) moves the view too,
    // and a new layout may give it another scroller.
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(resized)
    observer?.observe(document.body)
    observer?.observe(list)
    return () => {
      cancelAnimationFrame(frame)
      document.removeEventListener('scroll', scrolled, { capture: true })
      window.removeEventListener('resize', resized)
      observer?.disconnect()
    }
  }, [ref, layoutChanges])

  /** Scrolls just enough to show [y, y + height] of the list. */
  const reveal = useCallback(
    (y: number, height: number) => {
      const list = ref.current
      if (!list) return
      const listTop = list.getBoundingClientRect().top
      const clip = clipOf(scroller.current)
      const margin = 16
      const above = listTop + y - margin - clip.top
      const below = listTop + y + height + margin - clip.bottom
      const delta = above < 0 ? above : below > 0 ? Math.min(below, above) : 0
      if (delta !== 0) (scroller.current ?? window).scrollBy({ top: delta })
    },
    [ref],
  )

  return { viewport, reveal }
}
