/** A dialog's quiet Cancel, beside its main action. */
export function CancelButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" onClick={onClick} className="rounded-lg px-3 py-2 text-sm text-ink-400 hover:text-ink-200">
      Cancel
    </button>
  )
}
