import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Rating } from '@/catalog/quality-contract'
import type { Render } from '@/catalog/render-contract'
import { ApiError } from '@/lib/bff-client'
import { ledgerClient } from '@/lib/ledger-client'
import { fromLedger } from './ledger-record'
import type { RenderRecord } from './render-record'
import { editMutationKey, upsertFromLedger } from './ledger-sync'
import { currentRenders, updateRender } from './renders-cache'

type Edit = { favourite: boolean } | { deleted: boolean } | { rating: Rating | null } | { recheck: true }

interface EditVariables {
  localId: string
  edit: Edit
  /** The render as it was, to put back if the server refuses. */
  before: RenderRecord
}

function applied(record: RenderRecord, edit: Edit): RenderRecord {
  if ('recheck' in edit) return { ...record, stale: false, watchSinceMs: Date.now() }
  if ('rating' in edit) return { ...record, rating: edit.rating ?? undefined }
  return { ...record, ...edit }
}

/** A delete (or its undo) of a render the ledger never had: it stays done here, there is nothing to tell. */
function localOnly(error: unknown, { edit, before }: EditVariables): boolean {
  return 'deleted' in edit && !before.synced && error instanceof ApiError && error.status === 404
}

function verbOf(edit: Edit): string {
  if ('favourite' in edit) return 'change the favourite'
  if ('rating' in edit) return 'change the rating'
  if ('deleted' in edit) return edit.deleted ? 'delete it' : 'bring it back'
  return 'check it again'
}

function refusal(error: unknown, variables: EditVariables): string {
  const reason =
    error instanceof ApiError && error.status === 404 && !variables.before.synced
      ? 'the studio server does not have this render yet; try again once it has been sent'
      : error instanceof Error
        ? error.message
        : 'the studio server did not answer'
  return `Could not ${verbOf(variables.edit)}: ${reason}. It is back as it was.`
}

/**
 * Favourite, rating, delete (and its undo) and "Check again", sent to the ledger: shown at once, put back as it was,
 * with the reason, when the server refuses. Each call resolves to undefined, or to that message.
 */
export function useRenderEdits() {
  const queryClient = useQueryClient()
  const mutation = useMutation({
    mutationKey: editMutationKey,
    mutationFn: ({ localId, edit }: EditVariables): Promise<Render> =>
      'recheck' in edit ? ledgerClient.recheckRender(localId) : ledgerClient.patchRender(localId, edit),
    onMutate: ({ localId, edit }) => updateRender(queryClient, localId, (r) => applied(r, edit)),
    onSuccess: (render, { localId }) =>
      upsertFromLedger(queryClient, { renders: [fromLedger(render)], settling: localId }),
    onError: async (error, variables) => {
      if (localOnly(error, variables)) return
      const { favourite, deleted, stale, watchSinceMs, rating } = variables.before
      await updateRender(queryClient, variables.localId, (r) => ({
        ...r,
        favourite,
        deleted,
        stale,
        watchSinceMs,
        rating,
      }))
    },
  })
  const { mutateAsync } = mutation

  const send = async (record: RenderRecord, edit: Edit): Promise<string | undefined> => {
    const before = currentRenders(queryClient).find((r) => r.localId === record.localId) ?? record
    const variables = { localId: record.localId, edit, before }
    try {
      await mutateAsync(variables)
      return undefined
    } catch (error) {
      return localOnly(error, variables) ? undefined : refusal(error, variables)
    }
  }

  return {
    toggleFavourite: (record: RenderRecord) => send(record, { favourite: !record.favourite }),
    /** Pick or reject; the same rating again takes it back. */
    rate: (record: RenderRecord, rating: Rating) => send(record, { rating: record.rating === rating ? null : rating }),
    /** Deletes at once; `undo` brings the render back as it was, once the delete has been answered. */
    remove: (record: RenderRecord) => {
      const deleting = send(record, { deleted: true })
      return { deleting, undo: () => deleting.then(() => send(record, { deleted: false })) }
    },
    /** Follows a stale render again; one the ledger does not have yet is watched by this browser alone. */
    checkAgain: async (record: RenderRecord) => {
      if (record.synced) return send(record, { recheck: true })
      await updateRender(queryClient, record.localId, (r) => applied(r, { recheck: true }))
      return undefined
    },
  }
}
