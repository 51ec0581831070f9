import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { isTerminal } from '@/catalog/api-contract'
import { fromLedger } from '@/features/renders/ledger-record'
import { upsertFromLedger } from '@/features/renders/ledger-sync'
import { ledgerClient } from '@/lib/ledger-client'

/** How often a family with unfinished renders is asked again, so its nodes and totals follow them. */
const UNFINISHED_REFRESH_MS = 5_000

/** GET /api/renders/:id/lineage, asked again while any of the family is unfinished. */
export const lineageQuery = (id: string) =>
  queryOptions({
    queryKey: ['lineage', id],
    queryFn: ({ signal }) => ledgerClient.lineage(id, signal),
    refetchInterval: (query) =>
      query.state.data?.renders.some((r) => !isTerminal(r.status)) ? UNFINISHED_REFRESH_MS : false,
  })

/**
 * The family of a render. Its renders join the ones this page knows, so that any node can be opened, compared or
 * re-run like a gallery take, even one the gallery has not paged to.
 */
export function useLineage(id: string) {
  const queryClient = useQueryClient()
  const query = useQuery(lineageQuery(id))
  const { data } = query
  useEffect(() => {
    if (data) upsertFromLedger(queryClient, { renders: data.renders.map(fromLedger) })
  }, [data, queryClient])
  return query
}
