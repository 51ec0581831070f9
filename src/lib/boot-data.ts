import { catalogSchema, type Catalog } from '@/catalog/catalog-schema'
import type { Health } from './bff-client'

interface Boot {
  health?: Health
  catalog?: Catalog
}

let boot: Boot | undefined

/**
 * What the server embedded in index.html (`<script type="application/json" id="studio-boot">`): the mode and
 * the effective catalog, so the composer paints without waiting for the network. Parsed like a BFF reply;
 * absent or unreadable, the queries fetch as usual.
 */
export function bootData(): Boot {
  if (boot) return boot
  boot = {}
  const text = typeof document === 'undefined' ? null : document.getElementById('studio-boot')?.textContent
  if (!text) return boot
  try {
    const raw = JSON.parse(text) as { mode?: unknown; catalog?: unknown }
    const catalog = catalogSchema.safeParse(raw.catalog)
    if (catalog.success) boot.catalog = catalog.data
    if (raw.mode === 'demo' || raw.mode === 'live') boot.health = { ok: true, mode: raw.mode }
  } catch {
    // not JSON: fetch instead
  }
  return boot
}
