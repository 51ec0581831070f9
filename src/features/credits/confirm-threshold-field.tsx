import { useState } from 'react'
import { DEFAULT_CONFIRM_OVER, readConfirmThreshold, saveConfirmThreshold } from './confirm-threshold'

/** "Ask before spending over N credits": this browser's own guard, saved as it changes. */
export function ConfirmThresholdField() {
  const [threshold, setThreshold] = useState(readConfirmThreshold)
  const [text, setText] = useState(String(threshold ?? DEFAULT_CONFIRM_OVER))
  const update = (value: number | null) => {
    setThreshold(value)
    saveConfirmThreshold(value)
  }
  const never = threshold === null
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1.5 text-xs font-medium text-ink-400">Spend guard (this browser)</legend>
      <label className="flex items-center gap-2 text-sm whitespace-nowrap text-ink-200">
        Ask first above
        <input
          type="number"
          min={0}
          step={10}
          inputMode="numeric"
          value={text}
          disabled={never}
          aria-label="Ask before spending over (credits)"
          onChange={(event) => {
            setText(event.target.value)
            const value = Number(event.target.value)
            if (event.target.value !== '' && Number.isFinite(value) && value >= 0) update(value)
          }}
          className="w-24 rounded-lg border border-ink-600 bg-ink-950 px-2 py-1 text-sm text-ink-200 disabled:opacity-50"
        />
        credits
      </label>
      <label className="flex items-center gap-2 text-sm text-ink-400">
        <input
          type="checkbox"
          checked={never}
          onChange={(event) => update(event.target.checked ? null : Number(text) || DEFAULT_CONFIRM_OVER)}
        />
        Never ask
      </label>
    </fieldset>
  )
}
