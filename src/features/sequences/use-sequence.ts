import { queryOptions, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { renderSchema } from '@/catalog/render-contract'
import type { Sequence, Shot } from '@/catalog/sequence-contract'
import { ApiError, call } from '@/lib/bff-client'
import { fromLedger } from '@/features/renders/ledger-record'
import type { RenderRecord } from '@/features/renders/render-record'
import { rendersQuery } from '@/features/renders/renders-cache'
import { sequenceClient, sequencesQuery } from './sequence-client'

export const STALE_NOTICE = 'Someone else changed this sequence; showing their version'

export const sequenceQuery = (id: string) =>
  queryOptions({
    queryKey: [...sequencesQuery.queryKey, id],
    queryFn: ({ signal }) => sequenceClient.get(id, signal),
  })

const takeQuery = (id: string) =>
  queryOptions({
    queryKey: ['take', id],
    queryFn: ({ signal }) => call(`/api/renders/${encodeURIComponent(id)}`, renderSchema, { signal }).then(fromLedger),
    staleTime: 30_000,
  })

export interface SequenceEdit {
  name?: string
  shots?: Shot[]
}

/**
 * One sequence, kept in step with the server: every edit shows at once and is saved as a PATCH from the
 * version it was made on, one after another. An edit refused because someone else saved first (409) is rolled
 * back and their version shown, with a notice: never an overwrite.
 */
export function useSequence(id: string) {
  const queryClient = useQueryClient()
  const query = sequenceQuery(id)
  const sequence = useQuery(query)
  const [notice, setNotice] = useState<string>()

  const save = useMutation({
    scope: { id: `sequence-${id}` },
    mutationFn: ({ edit }: { edit: SequenceEdit; before: Sequence | undefined }) => {
      // Read when this save runs (saves queue up): the version the previous save ended on.
      const version = queryClient.getQueryData(query.queryKey)?.version ?? 0
      return sequenceClient.patch(id, { version, ...edit })
    },

    onSuccess: (saved) => {
      // What shows may already hold the next edit, still queued: only the version moves on.
      queryClient.setQueryData(query.queryKey, (shown) => (shown ? { ...shown, version: saved.version } : saved))
      void queryClient.invalidateQueries({ queryKey: sequencesQuery.queryKey, exact: true })
    },
    onError: (error, { before }) => {
      if (before) queryClient.setQueryData(query.queryKey, before)
      if (error instanceof ApiError && error.status === 409) {
        setNotice(STALE_NOTICE)
        void queryClient.invalidateQueries({ queryKey: query.queryKey })
      } else setNotice(`Not saved: ${error.message}`)
    },
  })

  return {
    sequence,
    /**
     * Shows the edit at once, before it is sent (the next edit, a key pressed straight after, builds on it), and
     * queues its save. A refetch under way is called off first: its older answer would hide the edit.
     */
    save: (edit: SequenceEdit) => {
      setNotice(undefined)
      void queryClient.cancelQueries({ queryKey: query.queryKey })
      const before = queryClient.getQueryData(query.queryKey)
      if (before)
        queryClient.setQueryData(query.queryKey, {
          ...before,
          name: edit.name ?? before.name,
          shots: edit.shots ?? before.shots,
        })
      save.mutate({ edit, before })
    },
    notice,
    /** The sequence as shown now, edits not yet saved included. */
    latest: () => queryClient.getQueryData(query.queryKey),
  }
}

/** The records of the given takes: this browser's copy where it has one (with its captured poster), else the ledger's. */
export function useTakes(ids: readonly string[]): Map<string, RenderRecord> {
  const { data: local = [] } = useQuery(rendersQuery)
  const unique = [...new Set(ids)]
  const known = (takeId: string) => local.find((r) => r.localId === takeId)
  const fetched = useQueries({
    queries: unique.map((takeId) => ({ ...takeQuery(takeId), enabled: !known(takeId) })),
  })
  const takes = new Map<string, RenderRecord>()
  unique.forEach((takeId, i) => {
    const record = known(takeId) ?? fetched[i]?.data
    if (record) takes.set(takeId, record)
  })
  return takes
}
