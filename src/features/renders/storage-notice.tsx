import { useSharedValue } from '@/lib/shared-value'
import { storageMode } from './render-store'

/** Says plainly when this browser keeps nothing, because it refused storage: the gallery then comes from the server. */
export function StorageNotice() {
  const mode = useSharedValue(storageMode)
  if (mode === 'persistent') return null
  return (
    <p role="alert" className="rounded-lg bg-amber-900/60 px-3 py-2 text-sm text-amber-200">
      This browser refused storage: the gallery comes from the studio server alone, and a render made while offline is
      lost if the page closes before it is sent.
    </p>
  )
}
