import { z } from 'zod/mini'
import { lineageTotalSchema, type LineageTotal } from '@/catalog/credits-contract'
import { newsSchema, type News } from '@/catalog/news-contract'
import type { QualityReport, Rating } from '@/catalog/quality-contract'
import {
  lineageTreeSchema,
  peopleSchema,
  renderTimingSchema,
  type LineageTree,
  type People,
  type RenderTiming,
} from '@/catalog/gallery-contract'
import { renderSchema, rendersPageSchema, type Render, type RendersPage } from '@/catalog/render-contract'
import { call, json } from './bff-client'

/*
 * The typed client of the BFF's ledger routes (the team's gallery), beside bff-client.ts and parsed the same
 * way. Kept apart so that it loads with the gallery rather than before the composer's first paint.
 */

/** The filters of GET /api/renders, in the server's own words (status: submitting, queued, …, stale). */
export interface RendersQuery {
  limit?: number
  cursor?: string | null
  status?: string
  model?: string
  /** Words, each to be found in the prompt or the model's name. */
  q?: string
  favourite?: boolean
  /** true: takes whose sampling found a fault. */
  flagged?: boolean
  rating?: Rating | 'unrated'
  /** true: takes with comments not resolved yet. */
  commented?: boolean
  /** One person's renders, by the name the ledger keeps. */
  author?: string
  /** Only the asker's renders (by their named token, else by the display name this browser sends). */
  mine?: boolean
}

function search(query: object): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

const renderPath = (id: string) => `/api/renders/${encodeURIComponent(id)}`
const importResultSchema = z.object({ added: z.number(), skipped: z.number() })
export type ImportResult = z.infer<typeof importResultSchema>

export const ledgerClient = {
  /** A page of the ledger, newest first. */
  listRenders: (query: RendersQuery, signal?: AbortSignal): Promise<RendersPage> =>
    call(`/api/renders${search(query)}`, rendersPageSchema, { signal }),
  /** Everyone with a name on a listed render. */
  people: (signal?: AbortSignal): Promise<People> => call('/api/people', peopleSchema, { signal }),
  /** A render and every render made from it (re-runs, variations, remixes, …): how many, and their credits. */
  /** What ended since `sinceMs`. */
  news: (sinceMs: number): Promise<News> => call(`/api/news?since=${Math.floor(sinceMs)}`, newsSchema),
  lineageTotal: (id: string, signal?: AbortSignal): Promise<LineageTotal> =>
    call(`${renderPath(id)}/lineage-total`, lineageTotalSchema, { signal }),
  /** The render's whole family: its first render and every render made from that one. */
  lineage: (id: string, signal?: AbortSignal): Promise<LineageTree> =>
    call(`${renderPath(id)}/lineage`, lineageTreeSchema, { signal }),
  /** How long this studio's latest renders of a model and duration took (the median). */
  renderTiming: (query: { model: string; duration?: number }, signal?: AbortSignal): Promise<RenderTiming> =>
    call(`/api/renders/timing${search(query)}`, renderTimingSchema, { signal }),
  /** Favourite, soft delete and its undo (`deleted: false`). */
  patchRender: (
    id: string,
    patch: { favourite?: boolean; deleted?: boolean; rating?: Rating | null },
  ): Promise<Render> => call(renderPath(id), renderSchema, { method: 'PATCH', ...json(patch) }),
  /** What this browser's sampler found in a kept take (the first report of a sampler version counts). */
  reportQuality: (id: string, report: QualityReport): Promise<Render> =>
    call(`${renderPath(id)}/quality`, renderSchema, { method: 'PATCH', ...json(report) }),
  /** "Check again" on a stale render: the studio follows it afresh. */
  recheckRender: (id: string): Promise<Render> =>
    call(`${renderPath(id)}/recheck`, renderSchema, { method: 'POST', ...json({}) }),
  /** A gallery file (as text, or as the object to send): the server adds what it does not have yet. */
  importGallery: (file: string | object): Promise<ImportResult> =>
    call('/api/renders/import', importResultSchema, { method: 'POST', ...json(file) }),
  /** Where the whole gallery downloads as a file (the server names it). */
  exportUrl: '/api/renders/export',
}
