import { queryOptions } from '@tanstack/react-query'
import { ledgerClient } from '@/lib/ledger-client'

/** How long renders of a model and duration take here: learned from the ledger, so it changes slowly. */
export const renderTimingQuery = (model: string, duration: number | undefined) =>
  queryOptions({
    queryKey: ['render-timing', model, duration ?? null],
    queryFn: ({ signal }) => ledgerClient.renderTiming({ model, duration }, signal),
    staleTime: 60_000,
    retry: false,
  })

/** Everyone with a name on a render, for the person filter. */
export const peopleQuery = queryOptions({
  queryKey: ['people'],
  queryFn: ({ signal }) => ledgerClient.people(signal),
  staleTime: 60_000,
  retry: false,
})
