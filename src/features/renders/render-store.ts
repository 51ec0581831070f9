import { createStore, del, set, setMany, values } from 'idb-keyval'
import { renderRecordSchema, type RenderRecord } from './render-record'

const store = typeof indexedDB === 'undefined' ? undefined : createStore('cannon-studio', 'renders')

/** Every stored render that still parses; a damaged record is skipped, never fatal. */
export async function loadRenders(): Promise<RenderRecord[]> {
  if (!store) return []
  const raw = await values(store)
  return raw.flatMap((value) => {
    const parsed = renderRecordSchema.safeParse(value)
    return parsed.success ? [parsed.data] : []
  })
}

export async function saveRender(record: RenderRecord): Promise<void> {
  if (store) await set(record.localId, record, store)
}

export async function saveRenders(records: RenderRecord[]): Promise<void> {
  if (store && records.length > 0)
    await setMany(
      records.map((r) => [r.localId, r] as [string, RenderRecord]),
      store,
    )
}

export async function deleteRender(localId: string): Promise<void> {
  if (store) await del(localId, store)
}
