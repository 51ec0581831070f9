import { lazy, type ComponentType } from 'react'

const RETRY_MS = 5000

/** Resolves when the browser is online: at once, or at its next `online` event. */
function online(): Promise<void> {
  if (navigator.onLine) return Promise.resolve()
  return new Promise((resolve) => window.addEventListener('online', () => resolve(), { once: true }))
}

/**
 * A lazily loaded component whose chunk, when it fails to load (offline, a deploy in between), is fetched
 * again when the browser is back online or every few seconds, instead of crashing the studio. Meanwhile the
 * surrounding Suspense fallback stays up. Nothing is fetched while the browser knows it is offline: some
 * browsers (Chromium 150 among them) keep a module that failed to load as failed for the rest of the page's life.
 */
// The same constraint as React.lazy's own signature, which any component satisfies.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyWithRetry<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  const attempt = (): Promise<{ default: T }> =>
    online()
      .then(load)
      .catch(
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
