import { queryOptions } from '@tanstack/react-query'
import { bootData } from './boot-data'
import { bffClient } from './bff-client'

export const healthQuery = queryOptions({
  queryKey: ['health'],
  queryFn: bffClient.health,
  staleTime: Infinity,
  initialData: () => bootData().health,
})
export const catalogQuery = queryOptions({
  queryKey: ['catalog'],
  queryFn: bffClient.catalog,
  staleTime: Infinity,
  initialData: () => bootData().catalog,
})
export const creditsQuery = queryOptions({ queryKey: ['credits'], queryFn: bffClient.status, staleTime: 30_000 })
/** Refetched every minute and on focus: a refusal another creative met shows on the model here too. */
export const fidelityQuery = queryOptions({
  queryKey: ['fidelity'],
  queryFn: bffClient.fidelity,
  refetchInterval: 60_000,
})
