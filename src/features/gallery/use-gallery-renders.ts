import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import {
  BUSY_REFRESH_MS,
  galleryHeadQuery,
  galleryPagesQuery,
  IDLE_REFRESH_MS,
  type GalleryPages,
} from '@/features/renders/gallery-pages'
import { isAwaitingCopy, isUnfinished, type RenderRecord } from '@/features/renders/render-record'
import { rendersQuery } from '@/features/renders/renders-cache'
import { ledgerFilter, localView, mergeNewestFirst, type GalleryFilters, type LocalViewContext } from './gallery-view'
import { useDebouncedValue } from '@/lib/use-debounced-value'

const SEARCH_DEBOUNCE_MS = 300

/**
 * What the gallery shows: the ledger's pages for these filters, with this browser's renders the ledger has not
 * listed yet merged in by date. Until the first page arrives (and while offline with none), the renders this
 * browser holds, filtered here, stand in for it: the mirror paints at once, the server's page then replaces it.
 */
function shownRenders(
  known: readonly RenderRecord[],
  pages: GalleryPages | undefined,
  filters: GalleryFilters,
  context: LocalViewContext,
): RenderRecord[] {
  if (!pages) return localView(known, filters, context)
  const byId = new Map(known.map((r) => [r.localId, r]))
  const listed: RenderRecord[] = []
  const seen = new Set<string>()
  for (const page of pages.pages) {
    for (const id of page.ids) {
      const record = byId.get(id)
      if (seen.has(id) || !record) continue
      seen.add(id)
      if (!record.deleted) listed.push(record)
    }
  }
  const unlisted = localView(
    known.filter((r) => !r.synced && !seen.has(r.localId)),
    filters,
    context,
  )
  return mergeNewestFirst(listed, unlisted)
}

const NO_CONTEXT: LocalViewContext = { modelName: (id) => id }

/** `context` says what the filters need to know here: model names (for search) and this browser's name. */
export function useGalleryRenders(filters: GalleryFilters, context: LocalViewContext = NO_CONTEXT) {
  const search = useDebouncedValue(filters.search, SEARCH_DEBOUNCE_MS)
  const { model, status, favouritesOnly, flaggedOnly, commentedOnly, rating, who } = filters
  const settled = useMemo(
    () => ({ model, status, favouritesOnly, flaggedOnly, commentedOnly, rating, search, who }),
    [model, status, favouritesOnly, flaggedOnly, commentedOnly, rating, search, who],
  )
  const filter = ledgerFilter(settled)
  const { data: known = [] } = useQuery(rendersQuery)
  const pages = useInfiniteQuery(galleryPagesQuery(filter))
  const { modelName, myName } = context
  const renders = useMemo(
    () => shownRenders(known, pages.data, settled, { modelName, myName }),
    [known, pages.data, settled, modelName, myName],
  )
  // Busy while a render on screen is unfinished, or a take just finished and its kept copy is on the way.
  const refreshMs = useCallback(() => {
    const busy = renders.some((r) => (isUnfinished(r) && !r.stale) || isAwaitingCopy(r, Date.now()))
    return busy ? BUSY_REFRESH_MS : IDLE_REFRESH_MS
  }, [renders])
  useQuery(galleryHeadQuery(filter, refreshMs, pages.isSuccess))

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage, refetch } = pages
  const loaded = pages.data !== undefined
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage({ cancelRefetch: false })
  }, [hasNextPage, isFetchingNextPage, fetchNextPage])

  return {
    renders,
    /** Every render of these filters is loaded (the ledger has no older page). */
    complete: pages.isSuccess && !hasNextPage,
    /** The ledger answered for these filters (else `renders` is what this browser holds). */
    fromLedger: loaded,
    loadError: !loaded || isFetchNextPageError ? pages.error : null,
    isLoading: !loaded && pages.isFetching,
    isFetchingNextPage,
    /** Loads the next page, when there is one and none is on its way. */
    loadMore,
    /** After a failure: the first page again, or the next one. */
    retry: () => (loaded ? loadMore() : void refetch()),
  }
}
