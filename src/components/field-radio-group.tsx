import { useId, useRef, type KeyboardEvent } from 'react'

export interface RadioOption<T extends string | number> {
  value: T
  label: string
  /** A second line, read as the option's description. */
  description?: string
}

interface FieldRadioGroupProps<T extends string | number> {
  label: string
  options: readonly RadioOption<T>[]
  value: T | undefined
  onChange: (value: T) => void
  describedBy?: string
  invalid?: boolean
  variant?: 'segmented' | 'cards'
}

const NEXT_KEYS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }

/**
 * A radio group of buttons (WAI-ARIA radio group pattern): one tab stop, arrow keys move and select.
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
  variant = 'segmented',
}: FieldRadioGroupProps<T>) {
  const id = useId()
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
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

  const cards = variant === 'cards'
  return (
    <div className="flex flex-col gap-1.5">
      <span id={`${id}-label`} className="text-xs font-medium text-ink-400">
        {label}
      </span>
      <div
        role="radiogroup"
        aria-labelledby={`${id}-label`}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        className={cards ? 'flex flex-col gap-1' : 'flex flex-wrap gap-1.5'}
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
              aria-label={option.description ? option.label : undefined}
              aria-describedby={option.description ? `${id}-${index}-description` : undefined}
              tabIndex={index === tabStop ? 0 : -1}
              onClick={() => onChange(option.value)}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={[
                'rounded-lg border text-left text-sm transition-colors',
                cards ? 'flex flex-col px-3 py-1.5' : 'px-2.5 py-1',
                checked
                  ? 'border-accent-400 bg-accent-500/15 text-ink-200'
                  : 'border-ink-700 bg-ink-900 text-ink-400 hover:border-ink-600 hover:text-ink-200',
              ].join(' ')}
            >
              <span className={cards ? 'font-medium text-ink-200' : undefined}>{option.label}</span>
              {option.description && (
                <span id={`${id}-${index}-description`} className="text-xs text-ink-400">
                  {option.description}
                </span>
              )}
            </button>
          )
        })}
      </div>
    </div>
  )
}
