import type { Rating } from '@/catalog/quality-contract'
import type { LedgerFilter } from '@/features/renders/gallery-pages'
import { statusWord, type RenderRecord, type StatusWord } from '@/features/renders/render-record'

export interface GalleryFilters {
  /** A model id, or '' for every model. */
  model: string
  /** A status word, or '' for every status. */
  status: StatusWord | ''
  favouritesOnly: boolean
  /** Only takes the quality check flagged. */
  flaggedOnly: boolean
  /** Only takes with comments not resolved yet. */
  commentedOnly: boolean
  /** A rating, 'unrated', or '' for any. */
  rating: Rating | 'unrated' | ''
  search: string
  /** Whose renders: '' everyone's, 'mine', or `person:<name>`. */
  who: string
}

export const NO_FILTERS: GalleryFilters = {
  model: '',
  status: '',
  favouritesOnly: false,
  flaggedOnly: false,
  commentedOnly: false,
  rating: '',
  search: '',
  who: '',
}

/** Whether any filter is set (an empty gallery then says so, rather than that there are no renders). */
export const isFiltered = (filters: GalleryFilters) =>
  !!(
    filters.model ||
    filters.status ||
    filters.favouritesOnly ||
    filters.flaggedOnly ||
    filters.commentedOnly ||
    filters.rating
  ) || !!(filters.search.trim() || filters.who)

export const personFilter = (name: string) => `person:${name}`
const personOf = (who: string) => (who.startsWith('person:') ? who.slice('person:'.length) : undefined)

const LEDGER_STATUS: Record<StatusWord, string> = {
  Waiting: 'submitting',
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
    flagged: filters.flaggedOnly || undefined,
    commented: filters.commentedOnly || undefined,
    rating: filters.rating || undefined,
    author: personOf(filters.who),
    mine: filters.who === 'mine' || undefined,
  }
}

/** A search as the words it must match, lower-cased, in any order. */
export function searchWords(search: string): string[] {
  return [...new Set(search.toLowerCase().split(/\s+/).filter(Boolean))]
}

/** Every word is in the prompt, the model's id or the model's name (case-insensitive), as the server matches. */
export function matchesSearch(record: RenderRecord, words: readonly string[], modelName: string): boolean {
  if (words.length === 0) return true
  const prompt = record.input.prompt.toLowerCase()
  const model = `${record.input.model} ${modelName}`.toLowerCase()
  return words.every((word) => prompt.includes(word) || model.includes(word))
}

export interface LocalViewContext {
  modelName: (id: string) => string
  /** This browser's name, when it has one: its renders the ledger has not listed yet are "mine". */
  myName?: string
}

function isWhose(record: RenderRecord, who: string, myName: string | undefined): boolean {
  if (!who) return true
  const mine = who === 'mine' || personOf(who) === myName
  // A render the ledger has not listed yet carries no author: it was made in this browser.
  if (!record.synced && mine) return true
  return who === 'mine' ? record.author !== undefined && record.author === myName : record.author === personOf(who)
}

/**
 * The same filters over renders this browser holds (the mirror, before the server answers or while offline,
 * and renders the ledger has not listed yet), newest first.
 */
export function localView(
  renders: readonly RenderRecord[],
  filters: GalleryFilters,
  context: LocalViewContext,
): RenderRecord[] {
  const words = searchWords(filters.search)
  return renders
    .filter(
      (r) =>
        !r.deleted &&
        (!filters.model || r.input.model === filters.model) &&
        (!filters.status || statusWord(r) === filters.status) &&
        (!filters.favouritesOnly || r.favourite) &&
        (!filters.flaggedOnly || (r.qualityFlags?.length ?? 0) > 0) &&
        (!filters.commentedOnly || (r.openComments ?? 0) > 0) &&
        (!filters.rating || (r.rating ?? 'unrated') === filters.rating) &&
        isWhose(r, filters.who, context.myName) &&
        matchesSearch(r, words, context.modelName(r.input.model)),
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
