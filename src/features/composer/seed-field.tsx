import type { IntegerFieldSpec } from '@/catalog/catalog-schema'
import { FieldToggle } from '@/components/field-toggle'
import { NumberField, type SpecFieldProps } from './spec-field'

export function randomSeed(spec: IntegerFieldSpec): number {
  const [draw] = crypto.getRandomValues(new Uint32Array(1))
  return spec.min + (draw! % (spec.max - spec.min + 1))
}

interface SeedFieldProps extends SpecFieldProps {
  spec: IntegerFieldSpec
  locked: boolean
  onLockedChange: (locked: boolean) => void
}

/**
 * Seed: blank lets the provider pick; a locked seed survives every Generate, an unlocked one is re-drawn.
 * A lock always holds a seed: locking a blank seed draws one, clearing a locked seed unlocks it.
 */
export function SeedField({ locked, onLockedChange, ...field }: SeedFieldProps) {
  const onChange = (value: unknown) => {
    field.onChange(value)
    if (locked && value === undefined) onLockedChange(false)
  }
  const onLock = (lock: boolean) => {
    if (lock && typeof field.value !== 'number') field.onChange(randomSeed(field.spec))
    onLockedChange(lock)
  }
  return (
    <div className="flex flex-col gap-2">
      <NumberField {...field} onChange={onChange} />
      <div className="flex items-center justify-between gap-3">
        <button
          type="button"
          onClick={() => field.onChange(randomSeed(field.spec))}
          disabled={locked}
          className="rounded-md border border-ink-600 px-2 py-1 text-xs whitespace-nowrap text-ink-200 hover:border-accent-400 disabled:opacity-50"
        >
          Randomise seed
        </button>
        <FieldToggle
          label="Lock seed"
          checked={locked}
          onChange={onLock}
          hint={locked ? 'Kept for every render' : 'Blank, or re-drawn after each render'}
        />
      </div>
    </div>
  )
}
