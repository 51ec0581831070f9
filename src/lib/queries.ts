import { queryOptions } from '@tanstack/react-query'
import { bootData } from './boot-data'
import { lazyBffClient } from './lazy-bff-client'

export const healthQuery = queryOptions({
  queryKey: ['health'],
  queryFn: lazyBffClient.health,
  staleTime: Infinity,
  initialData: () => bootData().health,
})
export const catalogQuery = queryOptions({
  queryKey: ['catalog'],
  queryFn: lazyBffClient.catalog,
  staleTime: Infinity,
  initialData: () => bootData().catalog,
})
export const creditsQuery = queryOptions({ queryKey: ['credits'], queryFn: lazyBffClient.status, staleTime: 30_000 })
/** Refetched every minute and on focus: a refusal another creative met shows on the model here too. */
export const fidelityQuery = queryOptions({
  queryKey: ['fidelity'],
  queryFn: lazyBffClient.fidelity,
  refetchInterval: 60_000,
})
