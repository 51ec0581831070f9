/** What stands in for a part of the studio while its code loads, or waits for the connection to come back. */
export function PanelFallback({ label }: { label: string }) {
  return (
    <p role="status" className="text-sm text-ink-400">
      {navigator.onLine ? `Loading ${label}…` : `Waiting for the connection to load ${label}…`}
    </p>
  )
}
