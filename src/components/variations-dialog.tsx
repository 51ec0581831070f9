import { useEffect, useRef, useState, type FormEvent } from 'react'
import { CancelButton } from '@/components/cancel-button'
import { SmallDialog } from '@/components/small-dialog'
import type { Model } from '@/catalog/catalog-schema'
import { totalCredits, useEstimate } from '@/lib/estimates'
import { readable } from '@/catalog/wording'

interface VariationsDialogProps {
  prompt: string
  min: number
  max: number
  /** Whether the model takes a seed, i.e. whether each variation gets a new one. */
  seeded: boolean
  onConfirm: (count: number, tweak: string) => void
  onCancel: () => void
  /** The render varied, for the total estimate on the Create button. */
  model: Model | undefined
  input: object
}

export function VariationsDialog(props: VariationsDialogProps) {
  const { prompt, min, max, seeded, onConfirm, onCancel, model, input } = props
  const [count, setCount] = useState(min)
  const total = totalCredits(useEstimate(model, input), count)
  const [tweak, setTweak] = useState('')
  const countRef = useRef<HTMLSelectElement>(null)
  useEffect(() => countRef.current?.focus(), [])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onConfirm(count, tweak)
  }

  return (
    <SmallDialog label="Variations" onClose={onCancel}>
      <form onSubmit={submit} className="flex flex-col gap-4">
        <p className="line-clamp-2 text-sm text-ink-400">{prompt}</p>
        <label className="flex flex-col gap-1 text-xs font-medium text-ink-400">
          Count
          <select
            ref={countRef}
            value={count}
            onChange={(event) => setCount(Number(event.target.value))}
            className="rounded-lg border border-ink-600 bg-ink-950 px-3 py-2 text-sm text-ink-200"
          >
            {Array.from({ length: max - min + 1 }, (_, i) => min + i).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-ink-400">
          Prompt tweak (optional, added to the prompt)
          <input
            value={tweak}
            onChange={(event) => setTweak(event.target.value)}
            maxLength={500}
            className="rounded-lg border border-ink-600 bg-ink-950 px-3 py-2 text-sm text-ink-200"
          />
        </label>
        <p className="text-xs text-ink-400">
          {seeded
            ? 'Each variation gets a new random seed.'
            : 'This model takes no seed: each variation sends the same input again.'}
        </p>
        <div className="flex justify-end gap-2">
          <CancelButton onClick={onCancel} />
          <button
            type="submit"
            className="rounded-lg bg-accent-500 px-3 py-2 text-sm font-semibold text-ink-950 hover:bg-accent-400"
          >
            {`Create ${count}${total ? ` · ≈ ${readable(total)} credits` : ''}`}
          </button>
        </div>
      </form>
    </SmallDialog>
  )
}
