import { queryOptions } from '@tanstack/react-query'
import {
  continueClipSchema,
  exportStartedSchema,
  exportStatusSchema,
  sequenceListSchema,
  sequenceSchema,
  type ContinueClipRequest,
  type NewSequence,
  type Sequence,
  type SequencePatch,
} from '@/catalog/sequence-contract'
import { call } from '@/lib/bff-client'
import { json } from '@/lib/bff-client'

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
  /** Starts an MP4 of the whole cut on the server; its job id. */
  startExport: (id: string) =>
    call(`${sequencePath(id)}/exports`, exportStartedSchema, { method: 'POST', ...json({ format: 'mp4' }) }),
  exportStatus: (id: string, jobId: string) =>
    call(`${sequencePath(id)}/exports/${encodeURIComponent(jobId)}`, exportStatusSchema),
  cancelExport: (id: string, jobId: string) =>
    call(`${sequencePath(id)}/exports/${encodeURIComponent(jobId)}`, exportStatusSchema, { method: 'DELETE' }),
  exportFileUrl: (id: string, jobId: string) => `${sequencePath(id)}/exports/${encodeURIComponent(jobId)}/file`,
  editorFileUrl: (id: string, ext: 'otio' | 'xml') => `${sequencePath(id)}/export.${ext}`,
  /** The take's kept copy cut on the server up to the picked frame, stored for a model to continue. */
  continueClip: (takeId: string, request: ContinueClipRequest) =>
    call(`/api/renders/${encodeURIComponent(takeId)}/continue-clip`, continueClipSchema, {
      method: 'POST',
      ...json(request),
    }),
}

/** The team's sequences, the last changed first. */
export const sequencesQuery = queryOptions({
  queryKey: ['sequences'],
  queryFn: ({ signal }) => sequenceClient.list(signal),
})
