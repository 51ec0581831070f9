import { useLayoutEffect, type ReactNode } from 'react'

interface SmallDialogProps {
  label: string
  onClose: () => void
  children: ReactNode
}

/**
 * A small centred dialog over the studio: closes on Escape and gives focus back to where it came from. Its content
 * puts focus where the creative starts (the first field).
 */
export function SmallDialog({ label, onClose, children }: SmallDialogProps) {
  // A layout effect, so that the opener is noted before the content's own effects move focus into the dialog.
  useLayoutEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : undefined
    return () => returnTo?.focus()
  }, [])
  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-black/60 p-4">
      <div
        role="dialog"
        aria-modal="true"
        aria-label={label}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return
          event.stopPropagation()
          onClose()
        }}
        className="flex max-h-full w-full max-w-md flex-col gap-4 overflow-y-auto rounded-xl border border-ink-600 bg-ink-900 p-5"
      >
        <h2 className="text-base font-semibold text-ink-200">{label}</h2>
        {children}
      </div>
    </div>
  )
}
