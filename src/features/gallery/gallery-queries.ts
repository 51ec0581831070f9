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

/** Who this browser is: a named token's holder, or the display name it sends (then "self-declared"). */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: ({ signal }) => ledgerClient.me(signal),
  staleTime: 60_000,
  retry: false,
})

/** A render's lineage: it and every render made from it, with their credits. */
export const lineageTotalQuery = (id: string) =>
  queryOptions({
    queryKey: ['lineage-total', id],
    queryFn: ({ signal }) => ledgerClient.lineageTotal(id, signal),
    staleTime: 10_000,
    retry: false,
  })
