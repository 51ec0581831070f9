import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { ApiError } from './api-error'
import { catalogQuery } from './queries'

export function createQueryClient() {
  // A 401 anywhere means the session ended (Sign out elsewhere, idle or absolute expiry): asking for the
  // catalog again brings up the sign-in screen, and whatever was being composed stays in its draft.
  const onError = (error: Error) => {
    if (!(error instanceof ApiError) || error.status !== 401) return
    const catalogError = client.getQueryState(catalogQuery.queryKey)?.error
    if (catalogError instanceof ApiError && catalogError.status === 401) return // the sign-in screen is up
    void client.invalidateQueries({ queryKey: catalogQuery.queryKey })
  }
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < 3 && (!(error instanceof ApiError) || error.transient),
        refetchOnWindowFocus: false,
      },
    },
  })
  return client
}
