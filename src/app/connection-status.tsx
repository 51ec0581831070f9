import { useSyncExternalStore } from 'react'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange)
  window.addEventListener('offline', onChange)
  return () => {
    window.removeEventListener('online', onChange)
    window.removeEventListener('offline', onChange)
  }
}

const isOnline = () => navigator.onLine

/**
 * The connection state, shown only when the browser is offline. The pollers pause meanwhile (react-query's
 * online manager follows the same events) and resume by themselves when the network is back.
 */
export function ConnectionStatus() {
  const online = useSyncExternalStore(subscribe, isOnline, () => true)
  if (online) return null
  return (
    <span role="status" className="rounded-full bg-red-900/60 px-3 py-1 text-red-200">
      Offline — renders resume when you are back
    </span>
  )
}
