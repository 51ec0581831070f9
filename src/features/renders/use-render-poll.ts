import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { isTerminal } from '@/catalog/api-contract'
import { bffClient } from '@/lib/bff-client'
import { firstPollWait, nextPollDelay } from './poll-schedule'
import type { RenderRecord } from './render-record'
import { updateRender } from './renders-cache'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function renderPollQuery(requestId: string, acceptedAtMs: number, pollAfterMs: number) {
  return queryOptions({
    queryKey: ['request', requestId, acceptedAtMs, pollAfterMs],
    queryFn: async () => {
      await sleep(firstPollWait(acceptedAtMs, pollAfterMs, Date.now()))
      return bffClient.getRequest(requestId)
    },
    refetchInterval: (query) =>
      query.state.data && isTerminal(query.state.data.status)
        ? false
        : nextPollDelay(pollAfterMs, query.state.dataUpdateCount),
    refetchIntervalInBackground: true,
    retry: 3,
  })
}

/** Follows one accepted render to its end, writing every answer into the render record. */
export function useRenderPoll(record: RenderRecord & { requestId: string }) {
  const queryClient = useQueryClient()
  const { data } = useQuery(
    renderPollQuery(record.requestId, record.acceptedAtMs ?? record.createdAtMs, record.pollAfterMs ?? 2000),
  )
  useEffect(() => {
    if (!data) return
    void updateRender(queryClient, record.localId, (r) => ({
      ...r,
      status: data.status,
      billableCredits: data.billableCredits ?? r.billableCredits,
      startedAtMs: data.startedAtMs ?? r.startedAtMs,
      completedAtMs: data.completedAtMs ?? r.completedAtMs,
      output: data.output ?? r.output,
      errorMessage: data.errorMessage ?? r.errorMessage,
    }))
  }, [data, queryClient, record.localId])
}
