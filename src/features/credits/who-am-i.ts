import { queryOptions } from '@tanstack/react-query'

/** GET /api/me, re-asked when the display name changes (the server echoes the name it was sent). */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: () => import('@/lib/credits-client').then(({ creditsClient }) => creditsClient.me()),
  staleTime: 5 * 60_000,
})
