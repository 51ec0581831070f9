import type { Catalog } from '@/catalog/catalog-schema'

export interface BootData {
  mode: 'demo' | 'live'
  catalog: Catalog
}

/**
 * Embeds what the first paint needs (mode and effective catalog) in index.html as a non-executable JSON
 * block, so the composer renders without waiting for /api/health and /api/catalog. `<` is escaped so the
 * data cannot close the element. Not for a gated studio: its catalog is for signed-in people only.
 */
export function withBootData(indexHtml: string, data: BootData): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c')
  return indexHtml.replace('</head>', `<script type="application/json" id="studio-boot">${json}</script></head>`)
}
