import { lazy, type ComponentType } from 'react'

const RETRY_MS = 5000

/**
 * A lazily loaded component whose chunk, when it fails to load (offline, a deploy in between), is fetched
 * again when the browser is back online or every few seconds, instead of crashing the studio. Meanwhile the
 * surrounding Suspense fallback stays up.
 */
// The same constraint as React.lazy's own signature, which any component satisfies.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyWithRetry<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  const attempt = (): Promise<{ default: T }> =>
    load().catch(
      () =>
        new Promise((resolve) => {
          const retry = () => {
            window.removeEventListener('online', retry)
            clearTimeout(timer)
            resolve(attempt())
          }
          const timer = setTimeout(retry, RETRY_MS)
          window.addEventListener('online', retry)
        }),
    )
  return lazy(attempt)
}
