import { createStore, delMany, set, setMany, values, type UseStore } from 'idb-keyval'
import { sharedValue } from '@/lib/shared-value'
import { isCurrentRecord, type RenderRecord } from './render-record'

/**
 * Render records in IndexedDB: the mirror of the ledger's newest renders plus this browser's renders the ledger
 * has not listed yet (see mirror.ts), copied in memory. When the browser refuses storage (no IndexedDB, open
 * fails, a write throws QuotaExceededError), the store says so once and keeps working in memory for the
 * rest of the page's life: the studio goes on from the server's ledger, only a reload would lose a render
 * that was not sent yet.
 */
export type StorageMode = 'persistent' | 'memory'

const memory = new Map<string, RenderRecord>()
/** Where this browser keeps renders: in IndexedDB, or (once it refused) in memory for good. */
export const storageMode = sharedValue<StorageMode>('persistent')
let store: UseStore | undefined

/** Runs one IndexedDB operation; the first refusal switches the store to memory for good. */
async function persist<T>(operation: (store: UseStore) => Promise<T>): Promise<T | undefined> {
  if (storageMode.get() === 'memory') return undefined
  try {
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available')
    store ??= createStore('cannon-studio', 'renders')
    return await operation(store)
  } catch {
    storageMode.set('memory')
    return undefined
  }
}

/** Every stored render that still parses; a damaged record is skipped, never fatal. */
export async function loadRenders(): Promise<RenderRecord[]> {
  const raw = await persist((s) => values(s))
  const older: unknown[] = []
  for (const value of raw ?? []) {
    if (isCurrentRecord(value)) memory.set(value.localId, value)
    else older.push(value)
  }
  if (older.length > 0) {
    // Records an older studio wrote (or damaged ones) go through the schema, which loads only for them.
    const schema = await import('./render-record-schema').then(
      (module) => module.renderRecordSchema,
      () => undefined, // offline before the schema loaded: the records this studio wrote are still shown
    )
    for (const value of older) {
      const parsed = schema?.safeParse(value)
      if (parsed?.success) memory.set(parsed.data.localId, parsed.data)
    }
  }
  return [...memory.values()]
}

export async function saveRender(record: RenderRecord): Promise<void> {
  memory.set(record.localId, record)
  await persist((s) => set(record.localId, record, s))
}

export async function saveRenders(records: RenderRecord[]): Promise<void> {
  if (records.length === 0) return
  for (const record of records) memory.set(record.localId, record)
  await persist((s) =>
    setMany(
      records.map((r) => [r.localId, r] as [string, RenderRecord]),
      s,
    ),
  )
}

/** Whether this record is kept (in IndexedDB, or in memory when storage is refused). */
export function isStored(localId: string): boolean {
  return memory.has(localId)
}

/**
 * Makes the store hold exactly `records`: writes the ones that changed (a record is replaced, never edited in
 * place, so an unchanged one is the same object) and deletes the rest.
 */
export async function replaceStoredRenders(records: RenderRecord[]): Promise<void> {
  const keep = new Set(records.map((r) => r.localId))
  const gone = [...memory.keys()].filter((id) => !keep.has(id))
  const changed = records.filter((r) => memory.get(r.localId) !== r)
  for (const id of gone) memory.delete(id)
  for (const record of changed) memory.set(record.localId, record)
  if (gone.length > 0) await persist((s) => delMany(gone, s))
  if (changed.length > 0) await saveRenders(changed)
}
