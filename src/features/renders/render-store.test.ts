import { IDBFactory, IDBObjectStore } from 'fake-indexeddb'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import type { RenderRecord } from './render-record'

// The store decides once per page load whether storage works: every test loads it afresh.
const freshStore = () => import('./render-store')

function record(localId: string): RenderRecord {
  return {
    localId,
    idempotencyKey: `key-${localId}`,
    input: { model: 'sora2', prompt: `Take ${localId}` },
    status: 'submitting',
    createdAtMs: 1,
    updatedAtMs: 1,
    favourite: false,
    stale: false,
  }
}

beforeEach(() => {
  vi.resetModules()
  vi.stubGlobal('indexedDB', new IDBFactory())
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

it('keeps renders in IndexedDB across page loads while storage works', async () => {
  const first = await freshStore()
  await first.saveRenders([record('a'), record('b')])
  await first.replaceStoredRenders([record('b')])
  vi.resetModules()
  const second = await freshStore()
  expect(await second.loadRenders()).toEqual([record('b')])
  expect(second.storageMode.get()).toBe('persistent')
})

it('works in memory, and says so, when the browser has no IndexedDB', async () => {
  vi.stubGlobal('indexedDB', undefined)
  const store = await freshStore()
  const changes = vi.fn()
  store.storageMode.subscribe(changes)
  expect(await store.loadRenders()).toEqual([])
  expect(store.storageMode.get()).toBe('memory')
  expect(changes).toHaveBeenCalledOnce()
  await store.saveRender(record('a'))
  await store.saveRenders([record('b')])
  await store.replaceStoredRenders([record('b')])
  expect(await store.loadRenders()).toEqual([record('b')])
})

it('works in memory when IndexedDB refuses to open', async () => {
  vi.spyOn(IDBFactory.prototype, 'open').mockImplementation(() => {
    throw new DOMException('The user denied permission to access the database.', 'SecurityError')
  })
  const store = await freshStore()
  expect(await store.loadRenders()).toEqual([])
  await store.saveRender(record('a'))
  expect(store.storageMode.get()).toBe('memory')
  expect(await store.loadRenders()).toEqual([record('a')])
})

it('keeps every render in memory once a write hits the quota, and stops writing', async () => {
  const store = await freshStore()
  await store.saveRender(record('a'))
  expect(await store.loadRenders()).toEqual([record('a')])
  const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
  })
  await store.saveRender(record('b'))
  expect(store.storageMode.get()).toBe('memory')
  await store.saveRender(record('c'))
  expect(put).toHaveBeenCalledOnce()
  expect(await store.loadRenders()).toEqual([record('a'), record('b'), record('c')])
})

it('holds exactly the mirror it is given: writes what changed, deletes what left', async () => {
  const store = await freshStore()
  const [a, b, c] = [record('a'), record('b'), record('c')]
  await store.saveRenders([a, b])
  const put = vi.spyOn(IDBObjectStore.prototype, 'put')
  await store.replaceStoredRenders([a, c])
  expect(put).toHaveBeenCalledOnce() // c only: a is the same object as stored
  expect(store.isStored('b')).toBe(false)
  vi.resetModules()
  expect(await (await freshStore()).loadRenders()).toEqual([a, c])
})
