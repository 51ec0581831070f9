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
