import type { Render } from '@/catalog/render-contract'
import type { RenderRecord } from './render-record'

/** A ledger render as the browser keeps it: the ledger's id is the record's id. */
export function fromLedger(render: Render): RenderRecord {
  return {
    localId: render.id,
    idempotencyKey: render.idempotencyKey,
    requestId: render.requestId ?? undefined,
    input: render.input,
    status: render.status,
    createdAtMs: render.createdAtMs,
    updatedAtMs: render.updatedAtMs,
    pollAfterMs: render.pollAfterMs ?? undefined,
    startedAtMs: render.startedAtMs,
    completedAtMs: render.completedAtMs,
    billableCredits: render.billableCredits,
    output: render.output,
    keptVideoUrl: render.keptVideoUrl ?? undefined,
    keepError: render.keepError ?? undefined,
    errorMessage: render.errorMessage,
    favourite: render.favourite,
    parentId: render.parentId ?? undefined,
    relation: render.relation ?? undefined,
    author: render.author,
    authorVerified: render.authorVerified,
    submitError: render.submitError ?? undefined,
    pollError: render.pollError ?? undefined,
    stale: render.stale,
    deleted: render.deleted || undefined,
    groupId: render.groupId ?? undefined,
    rating: render.rating ?? undefined,
    qualityFlags: render.qualityFlags ?? undefined,
    qualitySampler: render.qualitySampler ?? undefined,
    openComments: render.openComments || undefined,
    synced: true,
  }
}

const PROGRESS: Record<string, number> = { submitting: 0, queued: 1, processing: 2, succeeded: 3, failed: 3 }
const progressOf = (status: string) => PROGRESS[status] ?? 2

/**
 * The ledger's copy of a render over what this browser had. The ledger wins, except where the browser knows
 * more: what only it keeps (a captured poster, its own poll schedule), a poll answer further along than the
 * page (the page was read before the poll), and the edits it is still sending (`editing`).
 */
export function mergeFromLedger(local: RenderRecord, ledger: RenderRecord, editing: boolean): RenderRecord {
  // The ledger stamps every change it makes: the same stamp is the same render, and keeping the same object
  // spares the mirror a write.
  if (local.synced && !editing && local.updatedAtMs === ledger.updatedAtMs && local.status === ledger.status)
    return local
  const merged: RenderRecord = {
    ...ledger,
    posterDataUrl: local.posterDataUrl,
    modeId: local.modeId,
    acceptedAtMs: local.acceptedAtMs,
    watchSinceMs: local.watchSinceMs,
    pollAfterMs: local.pollAfterMs ?? ledger.pollAfterMs,
  }
  if (progressOf(local.status) > progressOf(ledger.status)) {
    const { status, requestId, output, startedAtMs, completedAtMs, errorMessage, billableCredits } = local
    Object.assign(merged, { status, requestId, output, startedAtMs, completedAtMs, errorMessage, billableCredits })
  }
  if (editing) {
    const { favourite, deleted, stale, rating } = local
    Object.assign(merged, { favourite, deleted, stale, rating })
  }
  // Still unsent: this browser's own retry (its reason and when it is due) until the ledger gives a reason.
  if (merged.status === 'submitting') {
    merged.retryAtMs = local.retryAtMs
    merged.submitError = merged.submitError ?? local.submitError
  }
  return merged
}
