import { queryOptions } from '@tanstack/react-query'
import { ledgerClient } from '@/lib/ledger-client'

/** How often a lineage with unfinished takes is asked again, so its total follows them to their end. */
const UNFINISHED_REFRESH_MS = 5_000

/** GET /api/renders/:id/lineage-total: a render and everything made from it, asked again while any is unfinished. */
export const lineageTotalQuery = (id: string) =>
  queryOptions({
    queryKey: ['lineage-total', id],
    queryFn: ({ signal }) => ledgerClient.lineageTotal(id, signal),
    refetchInterval: (query) => (query.state.data?.unfinished ? UNFINISHED_REFRESH_MS : false),
  })
