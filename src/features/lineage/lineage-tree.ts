import type { RenderRecord } from '@/features/renders/render-record'

export interface BranchTotal {
  renders: number
  /** Cannon's bills summed; a render not billed yet counts 0 and is `unbilled`. */
  credits: number
  unbilled: number
}

export interface LineageNode {
  record: RenderRecord
  depth: number
  children: LineageNode[]
  /** This render and everything made from it. */
  total: BranchTotal
}

/**
 * The family as a tree from `rootId`: each render under the one it was made from, oldest first, each once (a
 * loop of parent ids is cut where it comes back). Renders not reachable from the root are left out.
 */
export function buildLineage(rootId: string, records: readonly RenderRecord[]): LineageNode | undefined {
  const byId = new Map(records.map((r) => [r.localId, r]))
  const childrenOf = new Map<string, RenderRecord[]>()
  for (const record of records) {
    if (!record.parentId || record.localId === rootId) continue
    childrenOf.set(record.parentId, [...(childrenOf.get(record.parentId) ?? []), record])
  }
  const root = byId.get(rootId)
  if (!root) return undefined
  const placed = new Set<string>()
  // Depth-first with an explicit stack: a chain of thousands of re-runs must not overflow the call stack.
  const make = (record: RenderRecord, depth: number): LineageNode => {
    placed.add(record.localId)
    const billed = typeof record.billableCredits === 'number'
    return {
      record,
      depth,
      children: [],
      total: { renders: 1, credits: billed ? record.billableCredits! : 0, unbilled: billed ? 0 : 1 },
    }
  }
  const top = make(root, 0)
  const order: LineageNode[] = []
  const stack = [top]
  while (stack.length > 0) {
    const node = stack.pop()!
    order.push(node)
    const kids = (childrenOf.get(node.record.localId) ?? [])
      .filter((r) => !placed.has(r.localId))
      .sort((a, b) => a.createdAtMs - b.createdAtMs || (a.localId < b.localId ? -1 : 1))
    node.children = kids.map((r) => make(r, node.depth + 1))
    stack.push(...node.children)
  }
  // Children before parents: every branch's total is its own plus its children's.
  for (const node of order.reverse()) {
    for (const child of node.children) {
      node.total.renders += child.total.renders
      node.total.credits += child.total.credits
      node.total.unbilled += child.total.unbilled
    }
  }
  return top
}

/** The ids from the root down to `id` (both included); empty when `id` is not in the tree. */
export function pathTo(root: LineageNode, id: string): string[] {
  const parentOf = new Map<string, string | undefined>([[root.record.localId, undefined]])
  const stack = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    for (const child of node.children) parentOf.set(child.record.localId, node.record.localId)
    stack.push(...node.children)
  }
  if (!parentOf.has(id)) return []
  const path: string[] = []
  for (let at: string | undefined = id; at !== undefined; at = parentOf.get(at)) path.push(at)
  return path.reverse()
}

/**
 * The family's records: this page's copy of each (live: polled, just edited) over the ledger's, plus renders made
 * here from a member that the ledger has not listed yet (a re-run a moment ago).
 */
export function familyRecords(listed: readonly RenderRecord[], known: readonly RenderRecord[]): RenderRecord[] {
  const byId = new Map(known.map((r) => [r.localId, r]))
  const family = listed.map((r) => byId.get(r.localId) ?? r)
  const ids = new Set(family.map((r) => r.localId))
  const pending = known.filter((r) => !ids.has(r.localId) && r.parentId !== undefined)
  for (let grew = true; grew;) {
    grew = false
    for (const record of pending) {
      if (ids.has(record.localId) || !ids.has(record.parentId!)) continue
      family.push(record)
      ids.add(record.localId)
      grew = true
    }
  }
  return family
}

/** The rows to draw: the tree in order, into open branches only, at most `limit`. */
export function visibleNodes(root: LineageNode, open: Pick<ReadonlySet<string>, 'has'>, limit: number): LineageNode[] {
  const rows: LineageNode[] = []
  const stack = [root]
  while (stack.length > 0 && rows.length < limit) {
    const node = stack.pop()!
    rows.push(node)
    if (open.has(node.record.localId)) stack.push(...[...node.children].reverse())
  }
  return rows
}
