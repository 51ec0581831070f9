import { useId, useRef, type KeyboardEvent } from 'react'
import { useBalancedColumns } from './balanced-columns'

export interface RadioOption<T extends string | number> {
  value: T
  label: string
}

interface FieldRadioGroupProps<T extends string | number> {
  label: string
  options: readonly RadioOption<T>[]
  value: T | undefined
  onChange: (value: T) => void
  describedBy?: string
  invalid?: boolean
}

const NEXT_KEYS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }

/**
 * A segmented radio group (WAI-ARIA radio group pattern): one tab stop, arrow keys move and select. Its equal
 * segments sit in one row where they fit, else in even rows (four modes: two by two), never one left alone.
 * Buttons rather than native radios so an option's text is not a form label: "First frame" the mode and
 * "First frame" the media slot stay two different things to assistive technology and to tests.
 */
export function FieldRadioGroup<T extends string | number>({
  label,
  options,
  value,
  onChange,
  describedBy,
  invalid,
}: FieldRadioGroupProps<T>) {
  const id = useId()
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  const gridRef = useBalancedColumns<HTMLDivElement>(options.length)
  const selected = options.findIndex((option) => option.value === value)
  const tabStop = Math.max(0, selected)

  const select = (index: number) => {
    const wrapped = (index + options.length) % options.length
    buttons.current[wrapped]?.focus()
    onChange(options[wrapped]!.value)
  }
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = NEXT_KEYS[event.key]
    const target =
      step !== undefined ? index + step : event.key === 'Home' ? 0 : event.key === 'End' ? options.length - 1 : null
    if (target === null) return
    event.preventDefault()
    select(target)
  }

  return (
    <div className="flex flex-col gap-1.5">
      <span id={`${id}-label`} className="text-xs font-medium text-ink-400">
        {label}
      </span>
      <div
        ref={gridRef}
        role="radiogroup"
        aria-labelledby={`${id}-label`}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        className="grid gap-0.5 rounded-lg border border-ink-700 bg-ink-900 p-0.5 aria-invalid:border-red-400"
      >
        {options.map((option, index) => {
          const checked = index === selected
          return (
            <button
              key={option.value}
              ref={(element) => {
                buttons.current[index] = element
              }}
              type="button"
              role="radio"
              aria-checked={checked}
              tabIndex={index === tabStop ? 0 : -1}
              onClick={() => onChange(option.value)}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={[
                'overflow-hidden rounded-md px-2 py-1 text-sm whitespace-nowrap transition-colors focus-visible:outline-2 focus-visible:outline-accent-400',
                checked
                  ? 'bg-accent-500/20 text-ink-200 ring-1 ring-accent-400'
                  : 'text-ink-400 hover:bg-ink-800 hover:text-ink-200',
              ].join(' ')}
            >
              <span data-cell-label className="inline-block">
                {option.label}
              </span>
            </button>
          )
        })}
      </div>
    </div>
  )
}
