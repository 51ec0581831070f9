import { queryOptions, type QueryClient } from '@tanstack/react-query'
import type { RenderRecord } from './render-record'
import { isStored, loadRenders, saveRender, saveRenders } from './render-store'

const RENDERS_KEY = ['renders']

/**
 * The stored renders, with what arrived while they were read: a page of the ledger can come before IndexedDB
 * has opened (a first visit creates the database), and is not held back for it. What arrived wins; a stored
 * copy adds what only this browser keeps (its poster, its poll schedule).
 */
async function loadKnownRenders({ client }: { client: QueryClient }): Promise<RenderRecord[]> {
  const stored = await loadRenders()
  const arrived = client.getQueryData<RenderRecord[]>(RENDERS_KEY)
  if (!arrived?.length) return stored
  const arrivedKeys = new Set(arrived.map((r) => r.idempotencyKey))
  // The same render is the same idempotency key, even where the ledger keeps it under another id.
  const byId = new Map(stored.filter((r) => !arrivedKeys.has(r.idempotencyKey)).map((r) => [r.localId, r]))
  const storedById = new Map(stored.map((r) => [r.localId, r]))
  for (const record of arrived) byId.set(record.localId, { ...storedById.get(record.localId), ...record })
  return [...byId.values()]
}

/**
 * Every render this page knows, by id: the mirror read from IndexedDB at start, the renders made here, and
 * every render a page of the ledger brought since. The gallery's pages say which of them to show, in what
 * order; pollers, the viewer and compare find renders here. Only the mirror's share is written to IndexedDB.
 */
export const rendersQuery = queryOptions({
  queryKey: RENDERS_KEY,
  queryFn: loadKnownRenders,
  staleTime: Infinity,
  gcTime: Infinity,
})

export function currentRenders(queryClient: QueryClient): RenderRecord[] {
  return queryClient.getQueryData(rendersQuery.queryKey) ?? []
}

export async function addRender(queryClient: QueryClient, record: RenderRecord): Promise<void> {
  // Stored renders load first, so a render added during that load is neither lost nor loaded twice.
  await queryClient.ensureQueryData(rendersQuery)
  queryClient.setQueryData(rendersQuery.queryKey, (old: RenderRecord[] | undefined) => [...(old ?? []), record])
  await saveRenders([record])
}

/** Applies a change to the latest copy of a record, so concurrent updates (a poll, a star) never clobber each other. */
export async function updateRender(
  queryClient: QueryClient,
  localId: string,
  change: (record: RenderRecord) => RenderRecord,
): Promise<RenderRecord | undefined> {
  let updated: RenderRecord | undefined
  queryClient.setQueryData(rendersQuery.queryKey, (old: RenderRecord[] | undefined) =>
    (old ?? []).map((record) => {
      if (record.localId !== localId) return record
      updated = { ...change(record), updatedAtMs: Date.now() }
      return updated
    }),
  )
  if (updated && (!updated.synced || isStored(localId))) await saveRender(updated)
  return updated
}
