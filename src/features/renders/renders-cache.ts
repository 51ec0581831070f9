import { queryOptions, type QueryClient } from '@tanstack/react-query'
import type { RenderRecord } from './render-record'
import { loadRenders, saveRender } from './render-store'

export const rendersQuery = queryOptions({
  queryKey: ['renders'],
  queryFn: loadRenders,
  staleTime: Infinity,
  gcTime: Infinity,
})

function currentRenders(queryClient: QueryClient): RenderRecord[] {
  return queryClient.getQueryData(rendersQuery.queryKey) ?? []
}

export async function addRender(queryClient: QueryClient, record: RenderRecord): Promise<void> {
  queryClient.setQueryData(rendersQuery.queryKey, [...currentRenders(queryClient), record])
  await saveRender(record)
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
