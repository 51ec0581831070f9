import { queryOptions } from '@tanstack/react-query'
import {
  sequenceListSchema,
  sequenceSchema,
  type NewSequence,
  type Sequence,
  type SequencePatch,
} from '@/catalog/sequence-contract'
import { call } from '@/lib/bff-client'
import { json } from '@/lib/ledger-client'

const sequencePath = (id: string) => `/api/sequences/${encodeURIComponent(id)}`

/** The BFF's sequence routes, parsed like every other answer. */
export const sequenceClient = {
  list: (signal?: AbortSignal): Promise<Sequence[]> =>
    call('/api/sequences', sequenceListSchema, { signal }).then((list) => list.items),
  get: (id: string, signal?: AbortSignal): Promise<Sequence> => call(sequencePath(id), sequenceSchema, { signal }),
  create: (sequence: NewSequence): Promise<Sequence> =>
    call('/api/sequences', sequenceSchema, { method: 'POST', ...json(sequence) }),
  /** A 409 (ApiError) when the sequence changed since `patch.version`. */
  patch: (id: string, patch: SequencePatch): Promise<Sequence> =>
    call(sequencePath(id), sequenceSchema, { method: 'PATCH', ...json(patch) }),
}

/** The team's sequences, the last changed first. */
export const sequencesQuery = queryOptions({
  queryKey: ['sequences'],
  queryFn: ({ signal }) => sequenceClient.list(signal),
})
