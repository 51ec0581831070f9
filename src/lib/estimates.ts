import { keepPreviousData, queryOptions, skipToken, useQuery } from '@tanstack/react-query'
import type { Model } from '@/catalog/catalog-schema'
import type { Estimate } from '@/catalog/credits-contract'
import { priceShape, priceShapeKey } from '@/catalog/price-shape'
import { lazyBffClient } from './lazy-bff-client'
import { useDebouncedValue } from './use-debounced-value'

/*
 * What a create would cost, asked of the BFF once per price-relevant input (model, duration, resolution, which
 * media): typing a prompt asks nothing, and going back to a duration already asked answers from the cache.
 */

/** The server's own answer stays good for as long as it caches it (bills change only as renders finish). */
const ESTIMATE_STALE_MS = 30_000
/** A slider dragged across ten durations asks once, where it stops. */
const SETTLE_MS = 250

/** `input`: a create's input, or any part of it that holds the price-relevant fields. */
export function estimateQuery(model: Model, input: object) {
  const { prompt: _prompt, ...priced } = input as Record<string, unknown>
  return queryOptions({
    queryKey: ['estimate', priceShapeKey(priceShape(model, priced))],
    queryFn: () => lazyBffClient.estimate({ ...priced, model: model.id }),
    staleTime: ESTIMATE_STALE_MS,
    retry: 1,
  })
}

/**
 * The estimate of one input, following the form once it settles (the last answer stays meanwhile; a price asked
 * before answers at once from the cache); undefined until the first answer arrives.
 */
export function useEstimate(model: Model | undefined, input: object): Estimate | undefined {
  const query = model ? estimateQuery(model, input) : undefined
  const key = query?.queryKey[1] ?? 'no model'
  const settled = useDebouncedValue(key, SETTLE_MS) === key
  return useQuery({
    queryKey: ['estimate', key],
    queryFn: query && settled ? query.queryFn : skipToken,
    staleTime: ESTIMATE_STALE_MS,
    placeholderData: keepPreviousData,
  }).data
}

/** `n` renders of one estimate; null when the estimate has no number. */
export const totalCredits = (estimate: Estimate | undefined, count: number): number | null | undefined =>
  estimate === undefined ? undefined : estimate.credits === null ? null : estimate.credits * count
