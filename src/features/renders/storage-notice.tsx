import { useSyncExternalStore } from 'react'
import { storageMode, subscribeStorageMode } from './render-store'

/** Says plainly when renders live in memory only, because the browser refused storage. */
export function StorageNotice() {
  const mode = useSyncExternalStore(subscribeStorageMode, storageMode, storageMode)
  if (mode === 'persistent') return null
  return (
    <p role="alert" className="rounded-lg bg-amber-900/60 px-3 py-2 text-sm text-amber-200">
      Renders are kept in memory only: this browser refused storage. Export to keep them.
    </p>
  )
}
