import { useSyncExternalStore } from 'react'

const supported = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function'

/** Whether the page matches `query` now; true where it cannot be asked. */
export function matchesMedia(query: string): boolean {
  return !supported() || window.matchMedia(query).matches
}

/** Whether the page matches `query`, following changes (a rotated phone). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      if (!supported()) return () => {}
      const list = window.matchMedia(query)
      list.addEventListener('change', changed)
      return () => list.removeEventListener('change', changed)
    },
    () => matchesMedia(query),
  )
}
