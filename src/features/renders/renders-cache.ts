import { queryOptions, type QueryClient } from '@tanstack/react-query'
import type { RenderRecord } from './render-record'
import { deleteRender, loadRenders, saveRender, saveRenders } from './render-store'

export const rendersQuery = queryOptions({
  queryKey: ['renders'],
  queryFn: loadRenders,
  staleTime: Infinity,
  gcTime: Infinity,
})

export function currentRenders(queryClient: QueryClient): RenderRecord[] {
  return queryClient.getQueryData(rendersQuery.queryKey) ?? []
}

export async function addRender(queryClient: QueryClient, record: RenderRecord): Promise<void> {
  await addRenders(queryClient, [record])
}

export async function addRenders(queryClient: QueryClient, records: RenderRecord[]): Promise<void> {
  // Stored renders load first, so a render added during that load is neither lost nor loaded twice.
  await queryClient.ensureQueryData(rendersQuery)
  queryClient.setQueryData(rendersQuery.queryKey, (old: RenderRecord[] | undefined) => [...(old ?? []), ...records])
  await saveRenders(records)
}

export async function removeRender(queryClient: QueryClient, localId: string): Promise<RenderRecord | undefined> {
  const removed = currentRenders(queryClient).find((r) => r.localId === localId)
  queryClient.setQueryData(rendersQuery.queryKey, (old: RenderRecord[] | undefined) =>
    (old ?? []).filter((r) => r.localId !== localId),
  )
  await deleteRender(localId)
  return removed
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
  if (updated) await saveRender(updated)
  return updated
}
