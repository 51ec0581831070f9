import { useEffect, useState, type RefObject } from 'react'

/** Whether `ref` is the page's fullscreen element, and the calls that put it there and take it out. */
export function useFullscreen(ref: RefObject<HTMLElement | null>) {
  const [isFullscreen, setFullscreen] = useState(false)
  useEffect(() => {
    const sync = () => setFullscreen(document.fullscreenElement !== null && document.fullscreenElement === ref.current)
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
