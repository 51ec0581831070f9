import { chromium, type Browser } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium'

/** Debian's Chromium, as the e2e tests launch it; the caller closes it. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)]!
}
export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!
}
export const round1 = (value: number) => Math.round(value * 10) / 10

/** Writes records into IndexedDB 'cannon-studio'/'renders' (as idb-keyval keeps them) from a page of the studio's origin. */
export const SEED_RENDERS = (records: { localId: string }[]) =>
  new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('cannon-studio')
    open.onupgradeneeded = () => open.result.createObjectStore('renders')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const tx = open.result.transaction('renders', 'readwrite')
      const store = tx.objectStore('renders')
      for (const record of records) store.put(record, record.localId)
      tx.oncomplete = () => {
        open.result.close()
        resolve()
      }
      tx.onerror = () => reject(tx.error)
    }
  })
