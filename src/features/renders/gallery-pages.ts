import { infiniteQueryOptions, queryOptions, type InfiniteData, type QueryClient } from '@tanstack/react-query'
import { ledgerClient, type RendersQuery } from '@/lib/ledger-client'
import { fromLedger } from './ledger-record'
import type { RenderRecord } from './render-record'
import { upsertFromLedger } from './ledger-sync'
import { currentRenders } from './renders-cache'

/** The gallery's filters, in the words of GET /api/renders. */
export type LedgerFilter = Omit<RendersQuery, 'limit' | 'cursor'>

/** One page of the ledger: which renders (their records are in rendersQuery), and where the next page starts. */
export interface GalleryPage {
  ids: string[]
  nextCursor: string | null
}
export type GalleryPages = InfiniteData<GalleryPage>

export const PAGE_SIZE = 60
/** How often the newest page is read again while a render on screen is unfinished, and otherwise. */
export const BUSY_REFRESH_MS = 4_000
export const IDLE_REFRESH_MS = 30_000

const isUnfiltered = (filter: LedgerFilter) => Object.values(filter).every((v) => v === undefined || v === '')

async function fetchPage(client: QueryClient, filter: LedgerFilter, cursor: string | null, signal?: AbortSignal) {
  const page = await ledgerClient.listRenders({ ...filter, limit: PAGE_SIZE, cursor }, signal)
  const renders = page.items.map(fromLedger)
  const newest = cursor === null && isUnfiltered(filter)
  upsertFromLedger(client, {
    renders,
    newestPage: newest ? { oldestListed: renders.at(-1), complete: page.next_cursor === null } : undefined,
  })
  return { ids: renders.map((r) => r.localId), nextCursor: page.next_cursor }
}

/**
 * Reads the newest page and drops it. index.html preloads that page as the page opens, and the gallery's first
 * read takes the preloaded answer, however late it comes: after this page has changed the ledger (an upload), that
 * answer is out of date, and is spent here instead.
 */
export async function spendPreloadedPage(): Promise<void> {
  await ledgerClient.listRenders({ limit: PAGE_SIZE, cursor: null }).catch(() => undefined)
}

const headKey = (filter: LedgerFilter) => ['gallery-head', filter]

/**
 * The ledger, a page at a time, newest first, filtered by the server. Loaded pages are not read again as a
 * whole: the newest page is kept fresh by galleryHeadQuery, the rest only when the filter changes.
 */
export function galleryPagesQuery(filter: LedgerFilter) {
  return infiniteQueryOptions({
    queryKey: ['gallery', filter],
    queryFn: async ({ client, pageParam, signal }) => {
      const page = await fetchPage(client, filter, pageParam, signal)
      // The newest page was just read: galleryHeadQuery counts its next read from now.
      if (pageParam === null) client.setQueryData(headKey(filter), Date.now())
      return page
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last: GalleryPage) => last.nextCursor,
    staleTime: Infinity,
    gcTime: 5 * 60_000,
  })
}

const byNewest = (known: Map<string, RenderRecord>) => (a: string, b: string) =>
  (known.get(b)?.createdAtMs ?? 0) - (known.get(a)?.createdAtMs ?? 0)

/**
 * The loaded pages with a fresh newest page in front. What the old first page held beyond the fresh one (pushed
 * down by new renders) stays, so the pages still run without a gap into the next page's cursor; what the fresh
 * page should hold and does not was deleted elsewhere, except this page's own deletes, kept (hidden) for Undo.
 */
export function withNewestPage(
  old: GalleryPages | undefined,
  head: GalleryPage,
  known: Map<string, RenderRecord>,
): GalleryPages {
  const [first, ...rest] = old?.pages ?? []
  if (!old || !first) return { pages: [head], pageParams: [null] }
  const listed = new Set(head.ids)
  const oldest = known.get(head.ids.at(-1) ?? '')
  const older = (id: string) =>
    head.nextCursor !== null && (known.get(id)?.createdAtMs ?? 0) <= (oldest?.createdAtMs ?? 0)
  const unlisted = first.ids.filter((id) => !listed.has(id))
  const deletedHere = unlisted.filter((id) => known.get(id)?.deleted && !older(id))
  const tail = unlisted.filter((id) => older(id))
  const ids = [...head.ids, ...deletedHere].sort(byNewest(known)).concat(tail)
  if (head.nextCursor === null) return { pages: [{ ids, nextCursor: null }], pageParams: [null] }
  const nextCursor = tail.length > 0 || rest.length > 0 ? first.nextCursor : head.nextCursor
  return { pages: [{ ids, nextCursor }, ...rest], pageParams: old.pageParams }
}

/**
 * Reads the newest page of `filter` again and puts it in front of the loaded pages: how renders made in other
 * browsers, and their favourites and deletes, reach this one. Enabled once the pages have loaded.
 */
export function galleryHeadQuery(filter: LedgerFilter, refreshMs: number | (() => number), enabled: boolean) {
  return queryOptions({
    queryKey: headKey(filter),
    queryFn: async ({ client, signal }) => {
      const head = await fetchPage(client, filter, null, signal)
      const known = new Map(currentRenders(client).map((r) => [r.localId, r]))
      client.setQueryData(galleryPagesQuery(filter).queryKey, (old) => withNewestPage(old, head, known))
      return Date.now()
    },
    enabled,
    staleTime: 2_000,
    refetchInterval: refreshMs,
    refetchOnWindowFocus: true,
  })
}
