interface ToastProps {
  message: string
  actionLabel?: string
  onAction?: () => void
  onDismiss: () => void
}

/** A single, polite notice at the bottom of the screen, with an optional action such as Undo. */
export function Toast({ message, actionLabel, onAction, onDismiss }: ToastProps) {
  return (
    <div
      role="status"
      className="fixed bottom-6 left-1/2 z-50 flex -translate-x-1/2 items-center gap-4 rounded-xl border border-ink-600 bg-ink-800 px-4 py-3 text-sm text-ink-200 shadow-xl"
    >
      <span>{message}</span>
      {actionLabel && onAction && (
        <button type="button" onClick={onAction} className="font-semibold text-accent-400 hover:text-accent-300">
          {actionLabel}
        </button>
      )}
      <button type="button" onClick={onDismiss} aria-label="Dismiss" className="text-ink-400 hover:text-ink-200">
        ×
      </button>
    </div>
  )
}

/** A toast as useToast keeps it, with Undo when it has one; nothing when there is none. */
export function ToastSlot({
  toast,
  onDismiss,
}: {
  toast: { message: string; undo?: () => void } | undefined
  onDismiss: () => void
}) {
  if (!toast) return null
  return (
    <Toast
      message={toast.message}
      actionLabel={toast.undo ? 'Undo' : undefined}
      onAction={toast.undo}
      onDismiss={onDismiss}
    />
  )
}
