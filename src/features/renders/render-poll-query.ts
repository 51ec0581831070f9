import { queryOptions } from '@tanstack/react-query'
import { isTerminal, type RequestObject } from '@/catalog/api-contract'
import { ApiError, bffClient } from '@/lib/bff-client'
import { DEFAULT_POLL_AFTER_MS, firstPollWait, pollDelay, STALE_AFTER_MS } from './poll-schedule'
import type { AcceptedRender, RenderRecord } from './render-record'
import { updateRender } from './renders-cache'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const tabHidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden'
/** The ledger decides when a render it has goes stale (its sweeper watches it); this browser, for the rest. */
const staleNow = (record: RenderRecord, staleAtMs: number) => (record.synced ? record.stale : Date.now() >= staleAtMs)

function applyAnswer(record: RenderRecord, answer: RequestObject, staleAtMs: number): RenderRecord {
  return {
    ...record,
    status: answer.status,
    billableCredits: answer.billableCredits ?? record.billableCredits,
    startedAtMs: answer.startedAtMs ?? record.startedAtMs,
    completedAtMs: answer.completedAtMs ?? record.completedAtMs,
    output: answer.output ?? record.output,
    errorMessage: answer.errorMessage ?? record.errorMessage,
    pollError: undefined,
    stale: !isTerminal(answer.status) && staleNow(record, staleAtMs),
  }
}

function applyFailure(record: RenderRecord, error: unknown, staleAtMs: number): RenderRecord {
  if (error instanceof ApiError && error.status === 404) {
    return {
      ...record,
      status: 'failed',
      errorMessage: `Cannon no longer knows this request (${error.message}). Re-run it to try again.`,
      pollError: undefined,
    }
  }
  const message = error instanceof Error ? error.message : 'The render could not be checked'
  return { ...record, pollError: message, stale: staleNow(record, staleAtMs) }
}

/**
 * Follows one accepted render: the first poll waits out poll_after_ms counted from acceptance (so a
 * reload does not restart the clock), then backs off with jitter. Failures never end the render: they
 * are recorded as a poll error ("Reconnecting") and the next poll follows the same schedule, or
 * Cannon's Retry-After. Every answer is written into the render record.
 */
export function renderPollQuery(record: AcceptedRender) {
  const { requestId, localId } = record
  const acceptedAtMs = record.acceptedAtMs ?? record.createdAtMs
  const pollAfterMs = record.pollAfterMs ?? DEFAULT_POLL_AFTER_MS
  const staleAtMs = (record.watchSinceMs ?? acceptedAtMs) + STALE_AFTER_MS
  return queryOptions({
    queryKey: ['render-poll', requestId, localId, acceptedAtMs, pollAfterMs, staleAtMs],
    queryFn: async ({ client }) => {
      await sleep(firstPollWait(acceptedAtMs, pollAfterMs, Date.now()))
      try {
        const answer = await bffClient.getRequest(requestId)
        await updateRender(client, localId, (r) => applyAnswer(r, answer, staleAtMs))
        // A finished render has its bill: the balance and what the next renders would cost are asked afresh.
        if (isTerminal(answer.status)) {
          void client.invalidateQueries({ queryKey: ['credits'] })
          void client.invalidateQueries({ queryKey: ['estimate'] })
        }
        return answer
      } catch (error) {
        await updateRender(client, localId, (r) => applyFailure(r, error, staleAtMs))
        throw error
      }
    },
    // Failures are paced by refetchInterval below, so that Retry-After and the backoff apply to them too.
    retry: false,
    refetchInterval: (query) => {
      const { data, error, status, dataUpdateCount, errorUpdateCount } = query.state
      if (data && isTerminal(data.status)) return false
      return pollDelay({
        pollAfterMs,
        pollsSoFar: dataUpdateCount + errorUpdateCount,
        retryAfterMs: status === 'error' && error instanceof ApiError ? error.retryAfterMs : undefined,
        hidden: tabHidden(),
      })
    },
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: true,
    gcTime: 60_000,
  })
}
