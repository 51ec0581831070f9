import { useEffect, useRef, type ReactNode } from 'react'

interface ModalProps {
  label: string
  onClose: () => void
  children: ReactNode
}

/** A full-screen layer that takes focus, closes on Escape, and gives focus back to where it came from. */
export function Modal({ label, onClose, children }: ModalProps) {
  const panel = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : undefined
    panel.current?.focus()
    return () => returnTo?.focus()
  }, [])
  return (
    <div className="fixed inset-0 z-30 overflow-y-auto bg-black/80 p-4 md:p-8">
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        tabIndex={-1}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation()
            onClose()
          }
        }}
        className="mx-auto flex max-w-6xl flex-col gap-4 rounded-xl border border-ink-700 bg-ink-900 p-4 outline-none"
      >
        <div className="flex items-center justify-between gap-4">
          <h2 className="line-clamp-1 text-sm font-semibold text-ink-200">{label}</h2>
          <button
            type="button"
            onClick={onClose}
            className="rounded-md px-2 py-1 text-sm text-ink-400 hover:text-ink-200"
          >
            Close
          </button>
        </div>
        {children}
      </div>
    </div>
  )
}
