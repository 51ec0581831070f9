import { QueryClient } from '@tanstack/react-query'
import { ApiError } from './bff-client'

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < 3 && (!(error instanceof ApiError) || error.transient),
        refetchOnWindowFocus: false,
      },
    },
  })
}
