import type { Catalog } from '@/catalog/catalog-schema'
import type { CatalogCheck } from '@/catalog/fidelity-contract'
import { diffCatalog } from './catalog-diff'
import { mapCannonOpenApi, type CannonModels } from './openapi-mapper'
import { OpenApiUnreadable } from './openapi-schema'

export const OPENAPI_PATH = '/api/v1/openapi'
const DEFAULT_TIMEOUT_MS = 10_000

export interface CheckOptions {
  apiBase: string
  apiKey: string
  fetch?: typeof fetch
  timeoutMs?: number
  now?: () => number
}

/** Cannon's OpenAPI document, fetched once with the key; a plain reason when it cannot be had. */
async function fetchOpenApi(options: CheckOptions): Promise<unknown> {
  const url = new URL(OPENAPI_PATH, options.apiBase)
  let response: Response
  try {
    response = await (options.fetch ?? fetch)(url, {
      headers: { 'x-api-key': options.apiKey, accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    })
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError'
    throw new OpenApiUnreadable(timedOut ? `${url} did not answer in time` : `${url} could not be reached`)
  }
  if (!response.ok) throw new OpenApiUnreadable(`${url} answered HTTP ${response.status}`)
  try {
    return await response.json()
  } catch {
    throw new OpenApiUnreadable(`${url} did not answer JSON`)
  }
}

/**
 * Fetches Cannon's OpenAPI document and compares it with the catalog. Never throws: a document that cannot be
 * fetched or read is a warning (the studio runs on its catalog as before).
 */
export async function checkCatalog(
  catalog: Catalog,
  options: CheckOptions,
): Promise<{ check: CatalogCheck; cannon?: CannonModels }> {
  const checkedAtMs = (options.now ?? Date.now)()
  let cannon: CannonModels
  try {
    cannon = mapCannonOpenApi(await fetchOpenApi(options))
  } catch (error) {
    if (!(error instanceof OpenApiUnreadable)) throw error
    const message = `Cannon's model list could not be checked: ${error.message}. The studio uses its catalog as it is.`
    return { check: { state: 'warning', checkedAtMs, message, differences: [], unmapped: [] } }
  }
  const differences = diffCatalog(catalog, cannon)
  const models = new Set(differences.map((d) => d.model)).size
  const message = differences.length
    ? `The catalog differs from Cannon's OpenAPI for ${models} model${models === 1 ? '' : 's'} (${differences.length} difference${differences.length === 1 ? '' : 's'}).`
    : "The catalog matches Cannon's OpenAPI."
  return {
    check: {
      state: differences.length ? 'differs' : 'matches',
      checkedAtMs,
      message,
      differences,
      unmapped: cannon.unmapped,
    },
    cannon,
  }
}

/** The check as lines for a terminal: per model, then what could not be mapped. */
export function checkReport(check: CatalogCheck): string[] {
  const lines = [check.message]
  for (const model of new Set(check.differences.map((d) => d.model))) {
    const differences = check.differences.filter((d) => d.model === model)
    lines.push('', `${model}:`, ...differences.map((d) => `  - ${d.message}`))
  }
  if (check.unmapped.length) lines.push('', 'Could not map:', ...check.unmapped.map((u) => `  - ${u}`))
  return lines
}
