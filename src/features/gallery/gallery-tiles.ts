import { byRating } from '@/features/renders/rating-order'
import type { RenderRecord } from '@/features/renders/render-record'

/** What the grid lays out: a take, or a stack of takes made from one render (open or closed). */
export type Tile =
  | { kind: 'take'; record: RenderRecord; /** The open group it is shown in. */ inGroup?: string }
  | { kind: 'group'; key: string; members: RenderRecord[]; open: boolean; /** Whose lineage it is. */ rootId?: string }

/** The relations that make more takes of the same render (a remix or a continuation is a new shot). */
const TAKES_OF = new Set(['rerun', 'variation'])

/**
 * Which stack each render belongs to: a shoot-out's renders by their group id; re-runs and variations (and
 * re-runs of those) with the render they were made from, found by following parents among `renders`.
 */
export function groupKeys(renders: readonly RenderRecord[]): Map<string, string> {
  const byId = new Map(renders.map((r) => [r.localId, r]))
  const rootOf = (record: RenderRecord): string => {
    const chain = [record.localId]
    let root = record.parentId!
    for (let parent = byId.get(root); parent; parent = byId.get(root)) {
      // Parents the browsers sent may loop: every render of the loop then names the same one.
      if (chain.includes(parent.localId)) return chain.reduce((a, b) => (a < b ? a : b))
      chain.push(parent.localId)
      if (!parent.parentId || !TAKES_OF.has(parent.relation ?? '') || parent.groupId) break
      root = parent.parentId
    }
    return root
  }
  const keys = new Map<string, string>()
  for (const record of renders) {
    if (record.groupId) keys.set(record.localId, `group:${record.groupId}`)
    else if (record.parentId && TAKES_OF.has(record.relation ?? '')) keys.set(record.localId, `takes:${rootOf(record)}`)
  }
  // The render they were all made from heads its own stack.
  const stacks = new Set(keys.values())
  for (const record of renders) {
    const own = `takes:${record.localId}`
    if (!keys.has(record.localId) && stacks.has(own)) keys.set(record.localId, own)
  }
  return keys
}

/**
 * The tiles of a newest-first list: each stack of two or more takes where its newest take would be, followed by
 * its takes when it is open (picks first, rejects last); every other render as a take of its own.
 */
export function galleryTiles(renders: readonly RenderRecord[], openGroups: ReadonlySet<string>): Tile[] {
  const keys = groupKeys(renders)
  const members = new Map<string, RenderRecord[]>()
  for (const record of renders) {
    const key = keys.get(record.localId)
    if (key) members.set(key, [...(members.get(key) ?? []), record])
  }
  const tiles: Tile[] = []
  const placed = new Set<string>()
  for (const record of renders) {
    const key = keys.get(record.localId)
    const group = key ? members.get(key)! : undefined
    if (!key || !group || group.length < 2) {
      tiles.push({ kind: 'take', record })
      continue
    }
    if (placed.has(key)) continue
    placed.add(key)
    const open = openGroups.has(key)
    const rootId = key.startsWith('takes:') ? key.slice('takes:'.length) : undefined
    tiles.push({ kind: 'group', key, members: group, open, rootId })
    if (open) for (const member of byRating(group)) tiles.push({ kind: 'take', record: member, inGroup: key })
  }
  return tiles
}

export const tileKey = (tile: Tile) =>
  tile.kind === 'group' ? tile.key : `${tile.inGroup ?? ''}/${tile.record.localId}`
