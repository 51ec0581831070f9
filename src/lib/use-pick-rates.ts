import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import type { PickRate } from '@/catalog/review-contract'

const NONE: ReadonlyMap<string, PickRate> = new Map()

/**
 * Each model's team pick rate (once enough of its takes are rated), read from the scorecard when the browser
 * is first idle after the page painted; its code loads then too, so the first screen neither waits nor grows.
 */
export function usePickRates(): ReadonlyMap<string, PickRate> {
  const [idle, setIdle] = useState(false)
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(() => setIdle(true), 1000)
      return () => clearTimeout(timer)
    }
    const handle = requestIdleCallback(() => setIdle(true), { timeout: 5000 })
    return () => cancelIdleCallback(handle)
  }, [])
  const { data } = useQuery({
    queryKey: ['pick-rates'],
    queryFn: async ({ signal }) => {
      const [{ reviewClient }, { pickRates }] = await Promise.all([
        import('./review-client'),
        import('@/catalog/review-contract'),
      ])
      return pickRates(await reviewClient.scorecard({}, signal))
    },
    enabled: idle,
    staleTime: 5 * 60_000,
    retry: false,
  })
  return useMemo(() => (data ? new Map(data) : NONE), [data])
}
