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

/** The renders the gallery shows: filtered, searched in prompts (case-insensitive), newest first. */
export function galleryView(renders: RenderRecord[], filters: GalleryFilters): RenderRecord[] {
  const needle = filters.search.trim().toLowerCase()
  return renders
    .filter(
      (r) =>
        (!filters.model || r.input.model === filters.model) &&
        (!filters.status || statusWord(r) === filters.status) &&
        (!filters.favouritesOnly || r.favourite) &&
        (!needle || r.input.prompt.toLowerCase().includes(needle)),
    )
    .sort((a, b) => b.createdAtMs - a.createdAtMs)
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
