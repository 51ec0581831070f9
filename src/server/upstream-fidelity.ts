import type { Catalog } from '@/catalog/catalog-schema'
import type { CatalogCheck, Fidelity } from '@/catalog/fidelity-contract'
import { checkCatalog } from './catalog-check/catalog-check'
import type { Log } from './logger'
import type { UpstreamClient } from './upstream'

export type UpstreamFidelity = Omit<Fidelity, 'refusals'>

const NEEDED_SCOPE = 'requests:write'
/** Nothing learned of Cannon, and why. */
export const uncheckedFidelity = (message: string): UpstreamFidelity => ({
  catalogCheck: { state: 'off', checkedAtMs: null, message, differences: [], unmapped: [] },
  keyScopes: { missing: [], message: null },
})

const OFF: CatalogCheck = uncheckedFidelity('Demo mode: there is no Cannon to check the catalog against.').catalogCheck

interface WatchOptions {
  mode: 'demo' | 'live'
  catalog: Catalog
  upstream: UpstreamClient
  /** Live mode: where Cannon's OpenAPI document is, and the key to read it with. */
  apiBase?: string
  apiKey?: string
  log?: Log
  fetch?: typeof fetch
  timeoutMs?: number
}

/** The scopes Cannon's /api/v1/status lists for the key; undefined when it does not say. */
async function keyScopes(upstream: UpstreamClient): Promise<string[] | undefined> {
  const reply = await upstream.send('GET', '/api/v1/status')
  const scopes = (reply.body as { apiKey?: { scopes?: unknown } } | undefined)?.apiKey?.scopes
  return reply.status === 200 && Array.isArray(scopes) ? scopes.filter((s) => typeof s === 'string') : undefined
}

/**
 * What the studio learns about Cannon once, at start, in the background (one try each, with a timeout: never a
 * retry storm, never a blocked start): whether the catalog matches Cannon's OpenAPI document, and whether the
 * key may create requests. Both are logged when something is off, and served to the browser by `current`.
 */
export function createUpstreamFidelity(options: WatchOptions) {
  const { log } = options
  let state: UpstreamFidelity = {
    catalogCheck:
      options.mode === 'live'
        ? { ...OFF, state: 'pending', message: "Checking the catalog against Cannon's OpenAPI…" }
        : OFF,
    keyScopes: { missing: [], message: null },
  }

  const checkScopes = async () => {
    try {
      const scopes = await keyScopes(options.upstream)
      if (!scopes || scopes.includes(NEEDED_SCOPE)) return
      const message = `The studio's Cannon key lacks the ${NEEDED_SCOPE} scope, so Cannon will refuse every Generate. Ask for a key with ${NEEDED_SCOPE}.`
      state = { ...state, keyScopes: { missing: [NEEDED_SCOPE], message } }
      log?.({ level: 'warn', msg: 'key_scope_missing', scope: NEEDED_SCOPE, scopes: scopes.join(' ') })
    } catch (error) {
      log?.({ level: 'warn', msg: 'key_scopes_unknown', error: String((error as Error).message) })
    }
  }

  const checkAgainstOpenApi = async () => {
    const { check } = await checkCatalog(options.catalog, {
      apiBase: options.apiBase!,
      apiKey: options.apiKey!,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
    })
    state = { ...state, catalogCheck: check }
    if (check.state === 'warning') log?.({ level: 'warn', msg: 'catalog_check_failed', reason: check.message })
    if (check.state === 'differs') {
      log?.({
        level: 'warn',
        msg: 'catalog_differs',
        summary: check.message,
        differences: check.differences.map((d) => `${d.model}: ${d.message}`),
        unmapped: check.unmapped,
      })
    }
  }

  return {
    current: (): UpstreamFidelity => state,
    /** Runs both checks once; resolves when they are done, never rejects. Demo mode checks nothing. */
    start: async () => {
      if (options.mode !== 'live') return
      await Promise.all([
        checkScopes(),
        checkAgainstOpenApi().catch((error: Error) => {
          state = {
            ...state,
            catalogCheck: {
              ...OFF,
              state: 'warning',
              checkedAtMs: Date.now(),
              message: `The catalog check failed: ${error.message}`,
            },
          }
          log?.({ level: 'warn', msg: 'catalog_check_failed', reason: error.message })
        }),
      ])
    },
  }
}
