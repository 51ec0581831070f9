import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { PickRate } from '@/catalog/review-contract'
import { sharedValue, useSharedValue } from './shared-value'

const NONE: ReadonlyMap<string, PickRate> = new Map()

const wanted = sharedValue(false)

/** The Model control calls this as a person reaches for it (pointer over it, or focus): the rates are read then. */
export function wantPickRates() {
  if (!wanted.get()) wanted.set(true)
}

/**
 * Each model's team pick rate (once enough of its takes are rated), read from the scorecard once someone
 * reaches for the Model control, which is where they show; its code loads then too, so the first screen
 * neither waits nor grows.
 */
export function usePickRates(): ReadonlyMap<string, PickRate> {
  const enabled = useSharedValue(wanted)
  const { data } = useQuery({
    queryKey: ['pick-rates'],
    queryFn: async ({ signal }) => {
      const [{ reviewClient }, { pickRates }] = await Promise.all([
        import('./review-client'),
        import('@/catalog/review-contract'),
      ])
      return pickRates(await reviewClient.scorecard({}, signal))
    },
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
  })
  return useMemo(() => (data ? new Map(data) : NONE), [data])
}
