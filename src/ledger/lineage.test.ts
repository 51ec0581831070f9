import { describe, expect, it } from 'vitest'
import type { Database } from './database'
import { lineageTree } from './lineage'
import { recordSubmission, updateRender } from './render-store'
import { submission } from './test-fixtures'
import { ENGINES, useTestLedger } from './test-ledger'

// Each render a millisecond after the last: the tree lists a family in the order it was made.
let clockMs = Date.now()

async function render(db: Database, parentId?: string, relation?: 'rerun' | 'variation' | 'remix' | 'shootout') {
  return recordSubmission(db, submission({ parentId, relation, nowMs: ++clockMs }))
}

const ids = (tree: Awaited<ReturnType<typeof lineageTree>>) => tree?.renders.map((r) => r.id)

describe.each(ENGINES)('lineage tree on %s', (engine) => {
  const ledger = useTestLedger(engine)

  it('is the same family from any member: the first render, then every render made from it', async () => {
    const db = ledger.db
    const root = await render(db)
    const rerun = await render(db, root.id, 'rerun')
    const variation = await render(db, rerun.id, 'variation')
    const remix = await render(db, root.id, 'remix')
    await render(db)
    for (const member of [root, rerun, variation, remix]) {
      const tree = await lineageTree(db, member.id, 100)
      expect(tree?.rootId).toBe(root.id)
      expect(ids(tree)).toEqual([root.id, rerun.id, variation.id, remix.id])
      expect(tree?.truncated).toBe(false)
    }
    expect(await lineageTree(db, 'no-such-render', 100)).toBeUndefined()
  }, 20_000)

  it('stops at a parent the ledger does not have, and at a loop of parents, listing each render once', async () => {
    const db = ledger.db
    const orphan = await render(db, 'gone-render-id', 'rerun')
    const child = await render(db, orphan.id, 'variation')
    expect((await lineageTree(db, child.id, 100))?.rootId).toBe(orphan.id)
    await db.query('UPDATE renders SET parent_id = $2 WHERE id = $1', [orphan.id, child.id])
    const looped = await lineageTree(db, child.id, 100)
    expect(looped?.renders).toHaveLength(2)
    expect(looped?.renders[0]!.id).toBe(looped?.rootId)
  }, 20_000)

  it('keeps deleted renders (what was made from them still counts), flagged', async () => {
    const db = ledger.db
    const root = await render(db)
    const deleted = await render(db, root.id, 'rerun')
    const grandchild = await render(db, deleted.id, 'variation')
    await updateRender(db, deleted.id, { deleted: true })
    const tree = await lineageTree(db, grandchild.id, 100)
    expect(ids(tree)).toEqual([root.id, deleted.id, grandchild.id])
    expect(tree?.renders[1]!.deleted).toBe(true)
  }, 20_000)

  it('answers a family of thousands in one query, and says when it cut the list', async () => {
    const db = ledger.db
    const root = await render(db)
    // A binary tree of 3,000 re-runs under the root, each billed 2 credits.
    await db.query(
      `INSERT INTO renders (id, idempotency_key, input, model, prompt, create_body, parent_id, relation, status,
         billable_credits, created_at_ms, updated_at_ms)
       SELECT 'bulk-' || n, 'bulk-key-' || n, '{"model":"grok","prompt":"a kite"}', 'grok', 'a kite', '{}',
         CASE WHEN n = 1 THEN $1 ELSE 'bulk-' || (n / 2) END, 'rerun', 'succeeded', 2, $2::bigint + n, $2::bigint + n
       FROM generate_series(1, 3000) AS n`,
      [root.id, root.createdAtMs],
    )
    const tree = await lineageTree(db, 'bulk-2999', 5000)
    expect(tree?.rootId).toBe(root.id)
    expect(tree?.renders).toHaveLength(3001)
    expect(tree?.renders.reduce((sum, r) => sum + (r.billableCredits ?? 0), 0)).toBe(6000)
    const cut = await lineageTree(db, 'bulk-7', 1000)
    expect(cut?.truncated).toBe(true)
    expect(cut?.renders).toHaveLength(1000)
    expect(cut?.renders[0]!.id).toBe(root.id)
  }, 20_000)
})
