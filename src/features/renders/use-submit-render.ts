import { onlineManager, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { VideoInput } from '@/catalog/request-schema'
import { ApiError } from '@/lib/api-error'
import { lazyBffClient } from '@/lib/lazy-bff-client'
import { reportCreateRefusal } from '@/lib/create-refusals'
import type { RenderRecord } from './render-record'
import { addRender, updateRender } from './renders-cache'
import { OFFLINE_REASON, sendWithRetries } from './send-with-retries'

const submitMutationKey = ['submit-render']

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
    stale: false,
    ...extra,
  }
}

function isSending(queryClient: QueryClient, localId: string): boolean {
  return queryClient
    .getMutationCache()
    .findAll({ mutationKey: submitMutationKey, status: 'pending' })
    .some((mutation) => (mutation.state.variables as RenderRecord | undefined)?.localId === localId)
}

/**
 * Submits renders: the record is stored first (a reload loses nothing), then POSTed with its own
 * idempotency key, which every retry and every later resend reuses, so one submission is one render. The
 * record's id goes along, so that the ledger keeps the render under the same id as this browser.
 * A refusal (4xx) fails the record with Cannon's reason. While a transient failure is waited out (a 429's
 * Retry-After, no connection) the record says why and when it is tried again (it shows as Waiting); one that
 * outlasts the retries stays "submitting" with the reason shown, to be sent again by hand or on the next load.
 */
export function useSubmitRender() {
  const queryClient = useQueryClient()
  const mutation = useMutation({
    mutationKey: submitMutationKey,
    mutationFn: (record: RenderRecord) =>
      sendWithRetries(
        () =>
          lazyBffClient.createRequest(
            { operation: 'video.generate', input: record.input as VideoInput },
            record.idempotencyKey,
            {
              renderId: record.localId,
              parentId: record.parentId,
              relation: record.relation,
              groupId: record.groupId,
            },
          ),
        (reason, retryAtMs) =>
          updateRender(queryClient, record.localId, (r) => ({ ...r, submitError: reason, retryAtMs })),
      ),
    // Offline, the mutation waits for the connection before its first try: the render says so meanwhile.
    onMutate: async (record) => {
      if (!onlineManager.isOnline()) {
        await updateRender(queryClient, record.localId, (r) => ({ ...r, submitError: OFFLINE_REASON }))
      }
    },
    onSuccess: async (accepted, record) => {
      const now = Date.now()
      await updateRender(queryClient, record.localId, (r) => ({
        ...r,
        requestId: accepted.id,
        status: accepted.status,
        pollAfterMs: accepted.poll_after_ms,
        acceptedAtMs: now,
        watchSinceMs: now,
        submitError: undefined,
        retryAtMs: undefined,
      }))
      void queryClient.invalidateQueries({ queryKey: ['credits'] })
    },
    onError: async (error, record) => {
      const message = error instanceof Error ? error.message : 'The render could not be sent'
      const transient = !(error instanceof ApiError) || error.transient
      if (error instanceof ApiError && error.code === 'upstream_rejected') {
        reportCreateRefusal({ input: record.input, field: error.field, message })
        void queryClient.invalidateQueries({ queryKey: ['fidelity'] })
      }
      await updateRender(queryClient, record.localId, (r) =>
        transient
          ? { ...r, submitError: message, retryAtMs: undefined }
          : { ...r, status: 'failed', errorMessage: message, submitError: undefined, retryAtMs: undefined },
      )
    },
  })
  const { mutate } = mutation

  const send = (record: RenderRecord) => {
    if (!isSending(queryClient, record.localId)) mutate(record)
  }

  return {
    /** `extra.localId` names the record ahead (a shoot-out's first render names its group). */
    submit: async (
      input: VideoInput,
      extra?: Pick<RenderRecord, 'parentId' | 'relation'> & Partial<Pick<RenderRecord, 'groupId' | 'localId'>>,
    ) => {
      const record = newRenderRecord(input, extra)
      await addRender(queryClient, record)
      send(record)
      return record
    },
    /** Sends a stored, not yet accepted record again, with its own idempotency key. */
    send,
    isPending: mutation.isPending,
  }
}
