import { queryOptions, type Query, type QueryClient } from '@tanstack/react-query'
import type { ImportResult } from '@/lib/ledger-client'
import type { RenderRecord } from './render-record'
import { persistMirror } from './ledger-sync'
import { rendersQuery } from './renders-cache'

/** Records per request: a version 1 browser may hold thousands. */
const CHUNK = 1000

/**
 * Renders this browser has and the ledger never listed: made by version 1 (or here before the ledger existed,
 * or accepted here with the page closed before the ledger listed them). One still being submitted is not among
 * them: it is sent again, and its create puts it in the ledger.
 */
function localOnlyRenders(records: readonly RenderRecord[]): RenderRecord[] {
  return records.filter((r) => !r.synced && !r.deleted && r.status !== 'submitting')
}

/** A record in the version 1 file's words (what version 1 exported), without what only this browser needs. */
function asVersion1(record: RenderRecord) {
  const { posterDataUrl: _poster, synced: _synced, deleted: _deleted, relation: _relation, ...rest } = record
  return rest
}

const galleryReads = { predicate: ({ queryKey: [key] }: Query) => key === 'gallery' || key === 'gallery-head' }

/**
 * Uploads the local-only renders to the ledger once, as a version 1 gallery file (the server skips any it has,
 * by idempotency key), then marks them as listed, which is how this browser remembers the upload: the next
 * start finds nothing to send. They stay on screen throughout: the gallery's pages are read again first.
 */
async function uploadLocalOnlyRenders(client: QueryClient): Promise<ImportResult> {
  // Every stored render, not only those a page of the ledger brought before IndexedDB answered.
  const records = localOnlyRenders(await client.fetchQuery({ ...rendersQuery, staleTime: 0 }))
  const total = { added: 0, skipped: 0 }
  if (records.length > 0) {
    // Most starts have nothing to send: the ledger's client (and its reply schemas) loads only for an upload.
    const { ledgerClient } = await import('@/lib/ledger-client')
    for (let start = 0; start < records.length; start += CHUNK) {
      const renders = records.slice(start, start + CHUNK).map(asVersion1)
      const result = await ledgerClient.importGallery({
        kind: 'cannon-studio-gallery',
        version: 1,
        exportedAtMs: Date.now(),
        renders,
      })
      total.added += result.added
      total.skipped += result.skipped
    }
    await (await import('./gallery-pages')).spendPreloadedPage()
    // A read of the gallery still on its way began before the upload: its answer would leave out, or drop once
    // they are marked as listed, the renders just sent. Such reads are cancelled, and every page read again.
    await client.cancelQueries(galleryReads)
    await client.invalidateQueries(galleryReads)
    const sent = new Set(records.map((r) => r.localId))
    client.setQueryData(rendersQuery.queryKey, (old: RenderRecord[] | undefined) =>
      (old ?? []).map((r) => (sent.has(r.localId) && !r.synced ? { ...r, synced: true } : r)),
    )
  }
  // Also the first write of the mirror on a first visit, where the ledger's page came before IndexedDB opened.
  await persistMirror(client)
  return total
}

export const version1UploadQuery = queryOptions({
  queryKey: ['version1-upload'],
  queryFn: ({ client }) => uploadLocalOnlyRenders(client),
  staleTime: Infinity,
  gcTime: Infinity,
})
