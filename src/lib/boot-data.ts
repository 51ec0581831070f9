import type { Catalog } from '@/catalog/catalog-schema'
import type { Health } from './bff-client'

interface Boot {
  health?: Health
  catalog?: Catalog
}

let boot: Boot | undefined

/**
 * What the server embedded in index.html (`<script type="application/json" id="studio-boot">`): the mode and
 * the effective catalog, so the composer paints without waiting for the network. The catalog is the one the server
 * checked when it loaded it, written into the page by that server, so it is taken as it is (checking it again would
 * put the catalog's schema, and zod, on the first screen); absent or unreadable, the queries fetch as usual.
 */
export function bootData(): Boot {
  if (boot) return boot
  boot = {}
  const text = typeof document === 'undefined' ? null : document.getElementById('studio-boot')?.textContent
  if (!text) return boot
  try {
    const raw = JSON.parse(text) as { mode?: unknown; catalog?: unknown }
    if (isCatalog(raw.catalog)) boot.catalog = raw.catalog
    if (raw.mode === 'demo' || raw.mode === 'live') boot.health = { ok: true, mode: raw.mode }
  } catch {
    // not JSON: fetch instead
  }
  return boot
}

const isCatalog = (value: unknown): value is Catalog =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as Catalog).models) &&
  (value as Catalog).models.length > 0
