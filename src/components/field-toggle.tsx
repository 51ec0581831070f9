interface FieldToggleProps {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  hint?: string
}

export function FieldToggle({ label, checked, onChange, hint }: FieldToggleProps) {
  return (
    <label className="flex items-start gap-2 text-sm text-ink-200">
      <input
        type="checkbox"
        className="mt-0.5 size-4 accent-accent-500"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span className="flex flex-col">
        {label}
        {hint && <span className="text-xs text-ink-400">{hint}</span>}
      </span>
    </label>
  )
}
