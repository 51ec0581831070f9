import type { Render } from '@/catalog/render-contract'
import {
  MAX_SEQUENCES_LISTED,
  MAX_SHOTS,
  MAX_TAKES_PER_SHOT,
  takeLengthMs,
  type Sequence,
  type SequencePatch,
  type Shot,
} from '@/catalog/sequence-contract'
import type { Database } from './database'
import { rowToRender, type RenderRow } from './render-row'

interface SequenceRow {
  id: string
  name: string
  version: number
  shots: Shot[]
  created_at_ms: number
  updated_at_ms: number
}

const toSequence = (row: SequenceRow): Sequence => ({
  id: row.id,
  name: row.name,
  version: row.version,
  shots: row.shots,
  createdAtMs: row.created_at_ms,
  updatedAtMs: row.updated_at_ms,
})

export async function createSequence(
  db: Database,
  sequence: { name: string; shots?: Shot[]; nowMs: number },
): Promise<Sequence> {
  const [row] = await db.query<SequenceRow>(
    `INSERT INTO sequences (id, name, shots, created_at_ms, updated_at_ms)
     VALUES ($1, $2, $3::jsonb, $4::bigint, $4::bigint)
     RETURNING *`,
    [crypto.randomUUID(), sequence.name, JSON.stringify(sequence.shots ?? []), sequence.nowMs],
  )
  return toSequence(row!)
}

/** The team's sequences, the last changed first. */
export async function listSequences(db: Database, limit = MAX_SEQUENCES_LISTED): Promise<Sequence[]> {
  const rows = await db.query<SequenceRow>(
    'SELECT * FROM sequences ORDER BY updated_at_ms DESC, id DESC LIMIT $1::int',
    [limit],
  )
  return rows.map(toSequence)
}

export async function getSequence(db: Database, id: string): Promise<Sequence | undefined> {
  const [row] = await db.query<SequenceRow>('SELECT * FROM sequences WHERE id = $1', [id])
  return row && toSequence(row)
}

export type SequenceUpdate =
  { outcome: 'updated'; sequence: Sequence } | { outcome: 'stale'; current: Sequence } | { outcome: 'not_found' }

/**
 * Writes an edit made from `patch.version`, only if that is still the sequence's version: the check and the
 * write are one statement, so of two edits made from one version (two browsers, two studios on one Postgres)
 * exactly one lands and the other is told it is stale with what is there now.
 */
export async function updateSequence(
  db: Database,
  id: string,
  patch: SequencePatch,
  nowMs: number,
): Promise<SequenceUpdate> {
  const [row] = await db.query<SequenceRow>(
    `UPDATE sequences SET name = coalesce($3, name), shots = coalesce($4::jsonb, shots),
       version = version + 1, updated_at_ms = $5::bigint
     WHERE id = $1 AND version = $2::int
     RETURNING *`,
    [id, patch.version, patch.name ?? null, patch.shots ? JSON.stringify(patch.shots) : null, nowMs],
  )
  if (row) return { outcome: 'updated', sequence: toSequence(row) }
  const current = await getSequence(db, id)
  return current ? { outcome: 'stale', current } : { outcome: 'not_found' }
}

/** False when there was no such sequence. */
export async function deleteSequence(db: Database, id: string): Promise<boolean> {
  return (await db.query<{ id: string }>('DELETE FROM sequences WHERE id = $1 RETURNING id', [id])).length > 0
}

/** The renders of these ids that the ledger has (deleted ones too: a take put away in the gallery stays in a cut). */
export async function findTakes(db: Database, ids: readonly string[]): Promise<Map<string, Render>> {
  if (ids.length === 0) return new Map()
  const rows = await db.query<RenderRow>('SELECT * FROM renders WHERE id = ANY($1::text[])', [[...new Set(ids)]])
  return new Map(rows.map((row) => [row.id, rowToRender(row)]))
}

/** The relations whose takes go on from their parent's shot, as the next shot. */
const NEXT_SHOT: ReadonlySet<Render['relation']> = new Set(['last-frame', 'continue'])
/** The relations whose takes join their parent's sequences. */
const JOINING: ReadonlySet<Render['relation']> = new Set(['rerun', 'variation', ...NEXT_SHOT])

/**
 * The shots with a newly succeeded take joined to its parent's shot: a re-run or variation becomes one more take
 * of that shot (the active one stays), a render made with Use last frame, Continue from frame or Continue clip a
 * new shot right after it, played whole.
 * Undefined when nothing changes: the take is already there, is no such child, has no stated length (a new
 * shot needs its out point), or the shot or the list is full.
 */
export function shotsWithTake(shots: readonly Shot[], take: Render, newShotId: string): Shot[] | undefined {
  if (shots.some((shot) => shot.takeIds.includes(take.id))) return undefined
  const at = shots.findIndex((shot) => take.parentId !== null && shot.takeIds.includes(take.parentId))
  const shot = shots[at]
  if (!shot) return undefined
  if (take.relation === 'rerun' || take.relation === 'variation') {
    if (shot.takeIds.length >= MAX_TAKES_PER_SHOT) return undefined
    return shots.map((s, i) => (i === at ? { ...s, takeIds: [...s.takeIds, take.id] } : s))
  }
  const lengthMs = takeLengthMs(take)
  if (!NEXT_SHOT.has(take.relation) || lengthMs === undefined || shots.length >= MAX_SHOTS) return undefined
  const next: Shot = { id: newShotId, takeIds: [take.id], activeTakeId: take.id, inMs: 0, outMs: lengthMs }
  return [...shots.slice(0, at + 1), next, ...shots.slice(at + 1)]
}

/**
 * Joins a take that has just succeeded to every sequence holding its parent (see shotsWithTake). Run in the
 * transaction that records the success, so it happens exactly once; each sequence it changes gets a new version,
 * so a browser editing it meanwhile is told to reload rather than overwriting the new shot.
 */
export async function joinSequences(tx: Database, take: Render, nowMs: number): Promise<void> {
  if (!take.parentId || !JOINING.has(take.relation)) return
  const holders = await tx.query<SequenceRow>(
    'SELECT * FROM sequences WHERE shots @> $1::jsonb ORDER BY id FOR UPDATE',
    [JSON.stringify([{ takeIds: [take.parentId] }])],
  )
  for (const holder of holders) {
    const shots = shotsWithTake(holder.shots, take, crypto.randomUUID())
    if (!shots) continue
    await tx.query(
      `UPDATE sequences SET shots = $2::jsonb, version = version + 1, updated_at_ms = $3::bigint WHERE id = $1`,
      [holder.id, JSON.stringify(shots), nowMs],
    )
  }
}
