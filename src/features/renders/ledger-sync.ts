import type { QueryClient } from '@tanstack/react-query'
import { mergeFromLedger } from './ledger-record'
import { mirrorSelection } from './mirror'
import type { RenderRecord } from './render-record'
import { replaceStoredRenders } from './render-store'
import { currentRenders, rendersQuery } from './renders-cache'

/*
 * What the ledger says, taken into the renders this page knows (rendersQuery), and the mirror written from them.
 * Loaded with the gallery, not before the first paint.
 */

/** Edits (favourite, delete, check again) on their way to the server: a page read meanwhile does not undo them. */
export const editMutationKey = ['edit-render']

/** Ids with an edit on its way to the server; `settling`, whose reply is being taken in, is not counted. */
function editingIds(queryClient: QueryClient, settling: string | undefined): Set<string> {
  const pending = queryClient.getMutationCache().findAll({ mutationKey: editMutationKey, status: 'pending' })
  const ids = pending.map((m) => (m.state.variables as { localId?: string } | undefined)?.localId ?? '')
  const settled = settling === undefined ? -1 : ids.indexOf(settling)
  return new Set(ids.filter((_, i) => i !== settled))
}

export interface LedgerUpsert {
  /** Renders a page of the ledger listed, as records. */
  renders: RenderRecord[]
  /**
   * Set when the page was the unfiltered newest page: every render from the ledger newer than `oldestListed`
   * (every one, when the page is `complete`) that it does not list was deleted elsewhere, and is dropped.
   */
  newestPage?: { oldestListed: RenderRecord | undefined; complete: boolean }
  /** Edits in flight keep their local values, except the one whose reply this is. */
  settling?: string
}

// Renders made in the same millisecond as the page's oldest may sit on the next page: they are left alone.
const newerThan = (r: RenderRecord, bound: RenderRecord) => r.createdAtMs > bound.createdAtMs

/** Takes what the ledger says into the renders this page knows; the same render is matched by id or key. */
export function upsertFromLedger(queryClient: QueryClient, upsert: LedgerUpsert): void {
  // The stored renders are merged in when they arrive, if they come later (see rendersQuery).
  void queryClient.prefetchQuery(rendersQuery)
  const editing = editingIds(queryClient, upsert.settling)
  queryClient.setQueryData(rendersQuery.queryKey, (old: RenderRecord[] | undefined) => {
    const byId = new Map((old ?? []).map((r) => [r.localId, r]))
    const idByKey = new Map((old ?? []).map((r) => [r.idempotencyKey, r.localId]))
    for (const ledger of upsert.renders) {
      const knownId = byId.has(ledger.localId) ? ledger.localId : idByKey.get(ledger.idempotencyKey)
      const known = knownId === undefined ? undefined : byId.get(knownId)
      if (knownId !== undefined && knownId !== ledger.localId) byId.delete(knownId)
      byId.set(ledger.localId, known ? mergeFromLedger(known, ledger, editing.has(ledger.localId)) : ledger)
    }
    const page = upsert.newestPage
    if (page) {
      const listed = new Set(upsert.renders.map((r) => r.localId))
      for (const [id, r] of byId) {
        const inRange = page.complete || (page.oldestListed !== undefined && newerThan(r, page.oldestListed))
        if (r.synced && !r.deleted && inRange && !listed.has(id) && !editing.has(id)) byId.delete(id)
      }
    }
    return [...byId.values()]
  })
  // In the background: the page shows without waiting for IndexedDB's writes.
  if (upsert.newestPage) void persistMirror(queryClient)
}

/**
 * Writes the mirror's share of the known renders to IndexedDB, and forgets the rest there. Not while the stored
 * renders are being read: until they are in the list, it would forget this browser's own.
 */
export async function persistMirror(queryClient: QueryClient): Promise<void> {
  if (queryClient.isFetching({ queryKey: rendersQuery.queryKey }) > 0) return
  await replaceStoredRenders(mirrorSelection(currentRenders(queryClient)))
}
