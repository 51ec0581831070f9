import { QueryClient } from '@tanstack/react-query'
import { expect, it } from 'vitest'
import type { RenderRecord } from './render-record'
import { saveRenders } from './render-store'
import { rendersQuery } from './renders-cache'

const record = (localId: string, idempotencyKey: string, extra: Partial<RenderRecord> = {}): RenderRecord => ({
  localId,
  idempotencyKey,
  input: { model: 'sora2', prompt: `Take ${localId}` },
  status: 'queued',
  createdAtMs: 1,
  updatedAtMs: 1,
  favourite: false,
  stale: false,
  ...extra,
})

it('keeps what a page of the ledger brought before the stored renders were read, each render once', async () => {
  // Stored: a render with its captured poster, and one the ledger keeps under another id (same idempotency key).
  await saveRenders([
    record('mine', 'key-1', { posterDataUrl: 'data:image/jpeg;base64,AA', acceptedAtMs: 5 }),
    record('old-id', 'key-2'),
    record('only-here', 'key-3'),
  ])
  const client = new QueryClient()
  client.setQueryData(rendersQuery.queryKey, [
    record('mine', 'key-1', { status: 'succeeded', synced: true }),
    record('ledger-id', 'key-2', { status: 'succeeded', synced: true }),
  ])
  const known = await client.fetchQuery({ ...rendersQuery, staleTime: 0 })
  expect(known.map((r) => r.localId).sort()).toEqual(['ledger-id', 'mine', 'only-here'])
  expect(known.find((r) => r.localId === 'mine')).toMatchObject({
    status: 'succeeded',
    synced: true,
    posterDataUrl: 'data:image/jpeg;base64,AA',
    acceptedAtMs: 5,
  })
})
