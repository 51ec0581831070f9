import { networkError } from './api-error'
import type { bffClient as BffClient } from './bff-client'

type Client = typeof BffClient
type Method = (...args: unknown[]) => Promise<unknown>

// A client that cannot be fetched (offline, a deploy in between) fails a call the way the network does, so the
// caller retries it as it would a dropped request; the next call fetches it again. Nothing is fetched while the
// browser knows it is offline: some browsers (Chromium 150 among them) keep a module that failed to load as
// failed for the page's life.
const loaded = () =>
  globalThis.navigator?.onLine === false
    ? Promise.reject(networkError())
    : import('./bff-client').then(
        (module) => module.bffClient,
        () => {
          throw networkError()
        },
      )

/**
 * The BFF client for the first screen: each call loads `bff-client` (its reply schemas, and zod with them) on
 * first use, so the composer paints and types without them. Every method already returns a promise.
 */
export const lazyBffClient = new Proxy({} as Client, {
  get: (_, method) =>
    // Not a thenable: `await lazyBffClient` must not mistake it for a promise.
    method === 'then'
      ? undefined
      : (...args: unknown[]) => loaded().then((client) => (client[method as keyof Client] as Method)(...args)),
})
