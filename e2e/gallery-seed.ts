import { expect, type APIRequestContext, type Page } from '@playwright/test'

const now = Date.now()

/** A finished render as a version 1 browser stored (and exported) it. */
export function finishedRender(i: number, input: Record<string, unknown>, prefix = 'seeded') {
  const createdAtMs = now - (i + 1) * 60_000
  return {
    localId: `${prefix}-${i}`,
    idempotencyKey: `${prefix}-key-${i}`,
    requestId: `req_${(0x10000000 + i).toString(16)}${prefix.replace(/\W/g, '')}`,
    input,
    status: 'succeeded',
    createdAtMs,
    updatedAtMs: createdAtMs + 5000,
    acceptedAtMs: createdAtMs,
    completedAtMs: createdAtMs + 5000,
    output: { video_url: '/demo/lava-16x9-4s.mp4', duration: 4, aspect_ratio: '16:9' },
    favourite: false,
    stale: false,
  }
}

export const galleryFile = (renders: object[], version = 1) => ({ kind: 'cannon-studio-gallery', version, renders })

/** Imports through the gallery's Import button, as a person would. */
export async function importRenders(page: Page, renders: object[]) {
  await page.locator('input[type=file]').setInputFiles({
    name: 'gallery.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(galleryFile(renders))),
  })
  await expect(page.getByRole('status')).toContainText(`Imported ${renders.length}, skipped 0`)
}

/** Fills the studio's ledger directly (POST /api/renders/import), before any page opens. */
export async function seedLedger(request: APIRequestContext, renders: object[]) {
  const response = await request.post('/api/renders/import', { data: galleryFile(renders) })
  expect(response.status()).toBe(200)
  expect(await response.json()).toEqual({ added: renders.length, skipped: 0 })
}

export const gallery = (page: Page) => page.getByRole('region', { name: 'Gallery' })

/**
 * Writes records into IndexedDB 'cannon-studio'/'renders' as a version 1 studio kept them (idb-keyval, keyed by
 * localId), from a page of the studio's origin, before the studio itself loads.
 */
export async function seedIndexedDb(page: Page, records: { localId: string }[]) {
  await page.goto('/favicon.svg')
  await page.evaluate(
    (values) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('cannon-studio')
        open.onupgradeneeded = () => open.result.createObjectStore('renders')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction('renders', 'readwrite')
          for (const value of values) tx.objectStore('renders').put(value, value.localId)
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    records,
  )
}

/** What the studio's ledger lists, newest first (the first page). */
export async function ledgerRenders(request: APIRequestContext) {
  const response = await request.get('/api/renders?limit=200')
  return ((await response.json()) as { items: { id: string; status: string; favourite: boolean }[] }).items
}
