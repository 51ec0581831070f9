import { queryOptions } from '@tanstack/react-query'
import { bffClient } from './bff-client'

export const healthQuery = queryOptions({ queryKey: ['health'], queryFn: bffClient.health, staleTime: Infinity })
export const catalogQuery = queryOptions({ queryKey: ['catalog'], queryFn: bffClient.catalog, staleTime: Infinity })
export const creditsQuery = queryOptions({ queryKey: ['credits'], queryFn: bffClient.status, staleTime: 30_000 })
