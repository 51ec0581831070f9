import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { Model } from '@/catalog/catalog-schema'
import type { ModelRefusal } from '@/catalog/fidelity-contract'
import type { PickRate } from '@/catalog/review-contract'
import { inputClass } from './spec-field'
import { modelNotes } from './model-notes'

interface ModelListProps {
  id: string
  models: readonly Model[]
  value: string
  /** Cannon's latest refusal of each model since its last success, by model id. */
  refusals: ReadonlyMap<string, ModelRefusal>
  /** The team's pick rate of the models with enough rated takes, by model id. */
  pickRates: ReadonlyMap<string, PickRate>
  /** What the creative typed on the closed picker, which starts the filter. */
  initialQuery: string
  onPick: (id: string) => void
  onClose: () => void
}

/** Every word typed, in any order, in the model's name, its one line or its id. */
function matches(model: Model, query: string): boolean {
  const text = `${model.name} ${model.tagline} ${model.id}`.toLowerCase()
  return query
    .toLowerCase()
    .split(/\s+/)
    .every((word) => text.includes(word))
}

const STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 }

export const BADGE_CLASS = 'rounded-full border border-ink-600 px-1.5 text-[0.65rem] leading-4 text-ink-400'

/**
 * The open model picker: a filter box (a combobox) over a listbox of models with their one line. Focus stays in
 * the box; arrows move the active option, Enter picks it, Escape closes.
 */
export function ModelList({ id, models, value, refusals, pickRates, initialQuery, onPick, onClose }: ModelListProps) {
  const baseId = useId()
  const input = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useState(initialQuery)
  const shown = models.filter((model) => matches(model, query))
  const [activeId, setActiveId] = useState(() => (initialQuery ? shown[0]?.id : value))
  const active = Math.max(
    0,
    shown.findIndex((model) => model.id === activeId),
  )
  const optionId = (index: number) => `${baseId}-option-${index}`

  useEffect(() => input.current?.focus(), [])
  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' })
  })

  const onKeyDown = (event: KeyboardEvent) => {
    const step = STEPS[event.key]
    if (step !== undefined && shown.length > 0) {
      event.preventDefault()
      setActiveId(shown[(active + step + shown.length) % shown.length]!.id)
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault()
      const picked = shown[active]
      if (picked) onPick(picked.id)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onClose()
    }
  }

  return (
    <div className="absolute inset-x-0 top-full z-30 mt-1 flex flex-col gap-1 rounded-lg border border-ink-600 bg-ink-900 p-1.5 shadow-xl shadow-black/50">
      <input
        ref={input}
        type="text"
        role="combobox"
        aria-label="Filter models"
        aria-expanded
        aria-controls={id}
        aria-autocomplete="list"
        aria-activedescendant={shown.length > 0 ? optionId(active) : undefined}
        placeholder="Filter models"
        autoComplete="off"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setActiveId(models.find((model) => matches(model, event.target.value))?.id)
        }}
        onKeyDown={onKeyDown}
        className={`${inputClass} py-1.5`}
      />
      <ul id={id} role="listbox" aria-label="Model" className="max-h-[min(27rem,60vh)] overflow-y-auto">
        {shown.map((model, index) => {
          const selected = model.id === value
          const { badge, notes } = modelNotes(model, refusals.get(model.id))
          const refusal = refusals.get(model.id)
          const picks = pickRates.get(model.id)
          return (
            <li
              key={model.id}
              id={optionId(index)}
              role="option"
              aria-selected={selected}
              aria-label={model.name}
              aria-describedby={`${optionId(index)}-line`}
              // Keeps focus in the filter box, so a click picks before the list could close on blur.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onPick(model.id)}
              onMouseMove={() => setActiveId(model.id)}
              className={[
                'flex cursor-pointer flex-col rounded-md border-l-2 px-2.5 py-1.5',
                index === active ? 'bg-ink-800' : '',
                selected ? 'border-accent-400' : 'border-transparent',
              ].join(' ')}
            >
              <span className="flex items-center gap-2 text-sm font-medium text-ink-200">
                {model.name}
                {badge && <span className={BADGE_CLASS}>{badge}</span>}
                {picks && (
                  <span
                    className="ml-auto text-xs font-normal text-ink-400 tabular-nums"
                    title={`The team picked ${Math.round(picks.rate * 100)}% of its ${picks.rated} rated takes`}
                  >
                    {Math.round(picks.rate * 100)}% picked
                  </span>
                )}
              </span>
              <span id={`${optionId(index)}-line`} className="text-xs text-ink-400">
                {model.tagline}
                {refusal && <span className="block text-amber-300">{notes[0]}</span>}
                {badge && <span className="sr-only"> ({badge})</span>}
              </span>
            </li>
          )
        })}
      </ul>
      {shown.length === 0 && <p className="px-2.5 py-1.5 text-xs text-ink-400">No model matches “{query}”.</p>}
    </div>
  )
}
