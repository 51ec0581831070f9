import { queryOptions } from '@tanstack/react-query'
import { isTerminal } from '@/catalog/api-contract'
import type { EnhanceInput } from '@/catalog/request-schema'
import { bffClient } from './bff-client'

const POLL_INTERVAL_MS = 1000

/**
 * Sends prompt.enhance.video (camelCase input, cannon-api.md §6) through the BFF and resolves with its
 * request id once Cannon's poll_after_ms has passed, so the first poll is not wasted.
 */
export async function startEnhance(input: EnhanceInput): Promise<string> {
  const accepted = await bffClient.createRequest({ operation: 'prompt.enhance.video', input }, crypto.randomUUID())
  await new Promise((resolve) => setTimeout(resolve, accepted.poll_after_ms))
  return accepted.id
}

/** Follows one enhance request until it succeeds or fails. */
export const enhanceRequestQuery = (id: string) =>
  queryOptions({
    queryKey: ['enhance', id],
    queryFn: () => bffClient.getRequest(id),
    staleTime: Infinity,
    refetchInterval: (query) => (query.state.data && isTerminal(query.state.data.status) ? false : POLL_INTERVAL_MS),
  })
