import { z } from 'zod/mini'

/*
 * GET /api/fidelity: how the studio's catalog meets the real Cannon. The background check of the catalog
 * against Cannon's OpenAPI, what the key's scopes allow, and the models Cannon refused since their last success.
 */

export const catalogDifferenceSchema = z.object({
  /** The model id, or "catalog" for what concerns no one model. */
  model: z.string(),
  kind: z.enum(['unknown-model', 'missing-model', 'unknown-field', 'missing-field', 'values', 'range', 'required']),
  message: z.string(),
})
export type CatalogDifference = z.infer<typeof catalogDifferenceSchema>

export const catalogCheckSchema = z.object({
  /** off: demo mode; pending: still running; warning: Cannon's document could not be read or mapped. */
  state: z.enum(['off', 'pending', 'matches', 'differs', 'warning']),
  checkedAtMs: z.nullable(z.number()),
  message: z.string(),
  differences: z.array(catalogDifferenceSchema),
  /** What in Cannon's document the check could not map, in plain words. */
  unmapped: z.array(z.string()),
})
export type CatalogCheck = z.infer<typeof catalogCheckSchema>

export const modelRefusalSchema = z.object({
  model: z.string(),
  message: z.string(),
  field: z.nullable(z.string()),
  atMs: z.number(),
})
export type ModelRefusal = z.infer<typeof modelRefusalSchema>

export const fidelitySchema = z.object({
  catalogCheck: catalogCheckSchema,
  /** Scopes the key lacks that the studio needs (from Cannon's /api/v1/status), with what that means. */
  keyScopes: z.object({ missing: z.array(z.string()), message: z.nullable(z.string()) }),
  refusals: z.array(modelRefusalSchema),
})
export type Fidelity = z.infer<typeof fidelitySchema>
