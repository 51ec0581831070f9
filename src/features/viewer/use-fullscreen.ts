import { useEffect, useState, type RefObject } from 'react'

/**
 * Whether `ref` is the page's fullscreen element, and the calls that put it there and take it out. Focus follows
 * it in and out (the browser drops focus that is outside the fullscreen element), so the player's keys keep
 * working; `ref` must be focusable (tabIndex -1).
 */
export function useFullscreen(ref: RefObject<HTMLElement | null>) {
  const [isFullscreen, setFullscreen] = useState(false)
  useEffect(() => {
    const sync = () => {
      const element = ref.current
      const entered = element !== null && document.fullscreenElement === element
      setFullscreen(entered)
      if (entered ? !element.contains(document.activeElement) : document.activeElement === document.body)
        element?.focus()
    }
    document.addEventListener('fullscreenchange', sync)
    return () => document.removeEventListener('fullscreenchange', sync)
  }, [ref])
  const leave = () => {
    if (!isFullscreen) return false
    void document.exitFullscreen().catch(() => undefined)
    return true
  }
  return {
    isFullscreen,
    leave,
    toggle: () => {
      if (!leave()) void ref.current?.requestFullscreen().catch(() => undefined)
    },
  }
}
