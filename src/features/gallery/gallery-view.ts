import type { LedgerFilter } from '@/features/renders/gallery-pages'
import { statusWord, type RenderRecord, type StatusWord } from '@/features/renders/render-record'

export interface GalleryFilters {
  /** A model id, or '' for every model. */
  model: string
  /** A status word, or '' for every status. */
  status: StatusWord | ''
  favouritesOnly: boolean
  search: string
}

export const NO_FILTERS: GalleryFilters = { model: '', status: '', favouritesOnly: false, search: '' }

const LEDGER_STATUS: Record<StatusWord, string> = {
  Queued: 'queued',
  Processing: 'processing',
  Succeeded: 'succeeded',
  Failed: 'failed',
}

/** The filters as GET /api/renders takes them: the server filters and searches the ledger. */
export function ledgerFilter(filters: GalleryFilters): LedgerFilter {
  return {
    status: filters.status ? LEDGER_STATUS[filters.status] : undefined,
    model: filters.model || undefined,
    q: filters.search.trim() || undefined,
    favourite: filters.favouritesOnly || undefined,
  }
}

/**
 * The same filters over renders this browser holds (the mirror, before the server answers or while offline,
 * and renders the ledger has not listed yet), newest first: prompt search is case-insensitive, as the server's.
 */
export function localView(renders: readonly RenderRecord[], filters: GalleryFilters): RenderRecord[] {
  const needle = filters.search.trim().toLowerCase()
  return renders
    .filter(
      (r) =>
        !r.deleted &&
        (!filters.model || r.input.model === filters.model) &&
        (!filters.status || statusWord(r) === filters.status) &&
        (!filters.favouritesOnly || r.favourite) &&
        (!needle || r.input.prompt.toLowerCase().includes(needle)),
    )
    .sort((a, b) => b.createdAtMs - a.createdAtMs)
}

/** Two newest-first lists as one, newest first (the ledger's pages, and renders it has not listed yet). */
export function mergeNewestFirst(listed: RenderRecord[], local: RenderRecord[]): RenderRecord[] {
  if (local.length === 0) return listed
  const merged: RenderRecord[] = []
  let i = 0
  for (const record of listed) {
    while (i < local.length && local[i]!.createdAtMs > record.createdAtMs) merged.push(local[i++]!)
    merged.push(record)
  }
  return merged.concat(local.slice(i))
}

/** Columns that fit a width, and the arrow-key moves between items laid out that way. */
export function columnsFor(width: number, minItemWidth: number, gap: number): number {
  return Math.max(1, Math.floor((width + gap) / (minItemWidth + gap)))
}

export function movedIndex(key: string, index: number, columns: number, count: number): number | undefined {
  const step: Record<string, number> = {
    ArrowRight: 1,
    ArrowLeft: -1,
    ArrowDown: columns,
    ArrowUp: -columns,
  }
  if (key === 'Home') return 0
  if (key === 'End') return count - 1
  const delta = step[key]
  if (delta === undefined) return undefined
  return Math.min(count - 1, Math.max(0, index + delta))
}
