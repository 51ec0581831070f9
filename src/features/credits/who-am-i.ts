import { queryOptions } from '@tanstack/react-query'
import { creditsClient } from '@/lib/credits-client'

/** GET /api/me, re-asked when the display name changes (the server echoes the name it was sent). */
export const meQuery = queryOptions({ queryKey: ['me'], queryFn: creditsClient.me, staleTime: 5 * 60_000 })
