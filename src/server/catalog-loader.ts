import { readFile } from 'node:fs/promises'
import { catalogSchema, type Catalog } from '@/catalog/catalog-schema'
import { catalogV1 } from '@/catalog/models-v1'
import { ConfigError } from './config'

/** The built-in catalog, or STUDIO_CATALOG_FILE validated against the catalog schema. */
export async function loadCatalog(file: string | undefined): Promise<Catalog> {
  if (!file) return catalogV1
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new ConfigError(`STUDIO_CATALOG_FILE (${file}) could not be read as JSON: ${(error as Error).message}`)
  }
  const parsed = catalogSchema.safeParse(raw)
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map((i) => `- ${i.path.join('.') || 'catalog'}: ${i.message}`)
    throw new ConfigError(`STUDIO_CATALOG_FILE (${file}) is not a valid catalog:\n${lines.join('\n')}`)
  }
  return parsed.data
}
