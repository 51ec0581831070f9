import type { QueryClient } from '@tanstack/react-query'
import type { VideoInput } from '@/catalog/request-schema'
import { estimateQuery } from '@/lib/estimates'
import { catalogQuery } from '@/lib/queries'
import { askToSpend } from './spend-question'

/**
 * The estimated credits of a batch of creates: null when any of them has no estimate (an unknown model or
 * price, or the estimate could not be fetched), since a partial sum would understate the spend.
 */
export async function estimateBatch(queryClient: QueryClient, inputs: VideoInput[]): Promise<number | null> {
  const catalog = queryClient.getQueryData(catalogQuery.queryKey)
  let total = 0
  for (const input of inputs) {
    const model = catalog?.models.find((m) => m.id === input.model)
    if (!model) return null
    const estimate = await queryClient.fetchQuery(estimateQuery(model, input)).catch(() => undefined)
    if (estimate?.credits == null) return null
    total += estimate.credits
  }
  return total
}

/** Asks first when the batch is estimated over this browser's threshold; true when it may go. */
export async function maySpend(queryClient: QueryClient, inputs: VideoInput[], what: string): Promise<boolean> {
  return askToSpend(await estimateBatch(queryClient, inputs), what)
}
