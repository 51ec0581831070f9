import type { bffClient as BffClient } from './bff-client'

type Client = typeof BffClient

const loaded = () => import('./bff-client').then((module) => module.bffClient)

/**
 * The BFF client for the first screen: each call loads `bff-client` (its reply schemas, and zod with them) on
 * first use, so the composer paints and types without them. Every method already returns a promise.
 */
export const lazyBffClient = new Proxy({} as Client, {
  get:
    (_, method: keyof Client) =>
    (...args: unknown[]) =>
      loaded().then((client) => (client[method] as (...args: unknown[]) => Promise<unknown>)(...args)),
})
