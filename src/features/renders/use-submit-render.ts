import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { VideoInput } from '@/catalog/request-schema'
import { ApiError, bffClient } from '@/lib/bff-client'
import type { RenderRecord } from './render-record'
import { addRender, updateRender } from './renders-cache'

export function newRenderRecord(input: VideoInput, extra: Partial<RenderRecord> = {}): RenderRecord {
  const now = Date.now()
  return {
    localId: crypto.randomUUID(),
    idempotencyKey: crypto.randomUUID(),
    input: { ...input },
    status: 'submitting',
    createdAtMs: now,
    updatedAtMs: now,
    favourite: false,
    ...extra,
  }
}

/**
 * Submits a render: the record is stored first (a reload loses nothing), then POSTed with its own
 * idempotency key, which every retry reuses, so a retry can never create a second render.
 */
export function useSubmitRender() {
  const queryClient = useQueryClient()
  const mutation = useMutation({
    mutationFn: (record: RenderRecord) =>
      bffClient.createRequest(
        { operation: 'video.generate', input: record.input as VideoInput },
        record.idempotencyKey,
      ),
    retry: (failureCount, error) => failureCount < 3 && error instanceof ApiError && error.transient,
    retryDelay: (attempt, error) =>
      error instanceof ApiError && error.retryAfterMs !== undefined
        ? error.retryAfterMs
        : Math.min(8000, 1000 * 2 ** attempt),
    onSuccess: async (accepted, record) => {
      await updateRender(queryClient, record.localId, (r) => ({
        ...r,
        requestId: accepted.id,
        status: accepted.status,
        pollAfterMs: accepted.poll_after_ms,
        acceptedAtMs: Date.now(),
      }))
      void queryClient.invalidateQueries({ queryKey: ['credits'] })
    },
    onError: async (error, record) => {
      await updateRender(queryClient, record.localId, (r) => ({
        ...r,
        status: 'failed',
        errorMessage: error instanceof Error ? error.message : 'The render could not be sent',
      }))
    },
  })

  return {
    submit: async (input: VideoInput, extra?: Partial<RenderRecord>) => {
      const record = newRenderRecord(input, extra)
      await addRender(queryClient, record)
      mutation.mutate(record)
      return record
    },
    isPending: mutation.isPending,
  }
}
