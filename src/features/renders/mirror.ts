import type { RenderRecord } from './render-record'

/** How many of the ledger's newest renders this browser keeps for its first paint and for offline use. */
export const MIRROR_SIZE = 200

/**
 * What IndexedDB keeps: the newest MIRROR_SIZE renders the ledger listed, and every render of this browser the
 * ledger has not listed yet (never lost, whatever their number). So the first paint reads a bounded number of
 * records however long the team's history grows.
 */
export function mirrorSelection(records: readonly RenderRecord[]): RenderRecord[] {
  const local = records.filter((r) => !r.synced && !r.deleted)
  const newest = records
    .filter((r) => r.synced && !r.deleted)
    .sort((a, b) => b.createdAtMs - a.createdAtMs)
    .slice(0, MIRROR_SIZE)
  return [...local, ...newest]
}
