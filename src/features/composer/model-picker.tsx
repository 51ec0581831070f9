import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { Model } from '@/catalog/catalog-schema'
import type { ModelRefusal } from '@/catalog/fidelity-contract'
import type { PickRate } from '@/catalog/review-contract'
import { BADGE_CLASS, ModelList } from './model-list'
import { modelNotes } from './model-notes'
import { labelClass } from './spec-field'
import { wantPickRates } from '@/lib/use-pick-rates'

interface ModelPickerProps {
  models: readonly Model[]
  value: string
  onChange: (id: string) => void
  /** Cannon's latest refusal of each model since its last success, by model id. */
  refusals?: ReadonlyMap<string, ModelRefusal>
  /** The team's pick rate of the models with enough rated takes, shown quietly in the list. */
  pickRates?: ReadonlyMap<string, PickRate>
}

const NO_REFUSALS: ReadonlyMap<string, ModelRefusal> = new Map()
const NO_PICK_RATES: ReadonlyMap<string, PickRate> = new Map()

const OPEN_KEYS = new Set(['ArrowDown', 'ArrowUp'])

/**
 * The Model control: a button showing the model and its one line that opens a filterable list of every model.
 * What is in doubt about a model (a refusal, its availability, an unconfirmed id) sits behind one quiet badge.
 */
export function ModelPicker({
  models,
  value,
  onChange,
  refusals = NO_REFUSALS,
  pickRates = NO_PICK_RATES,
}: ModelPickerProps) {
  const id = useId()
  const root = useRef<HTMLDivElement>(null)
  const trigger = useRef<HTMLButtonElement>(null)
  const [open, setOpen] = useState<{ query: string }>()
  const [notesOpen, setNotesOpen] = useState(false)
  const selected = models.find((model) => model.id === value) ?? models[0]!
  const { badge, notes } = modelNotes(selected, refusals.get(selected.id))

  useEffect(() => {
    if (!open) return
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(undefined)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  const close = () => {
    setOpen(undefined)
    trigger.current?.focus()
  }
  const pick = (modelId: string) => {
    close()
    onChange(modelId)
  }
  const onTriggerKeyDown = (event: KeyboardEvent) => {
    const typed = event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey
    if (!OPEN_KEYS.has(event.key) && !typed) return
    event.preventDefault()
    setOpen({ query: typed ? event.key : '' })
  }

  return (
    <div
      ref={root}
      className="flex flex-col gap-1.5"
      onPointerEnter={wantPickRates}
      onFocus={wantPickRates}
      onBlur={(event) => {
        if (open && !root.current?.contains(event.relatedTarget as Node | null)) setOpen(undefined)
      }}
    >
      <span id={`${id}-label`} className={labelClass}>
        Model
      </span>
      <div className="relative">
        {/* The button covers the whole box, under its text, so the badge beside the name can be a button too. */}
        <div className="relative rounded-lg border border-ink-600 bg-ink-900 hover:border-ink-400 has-[>button:focus-visible]:border-accent-400 has-[>button:focus-visible]:ring-2 has-[>button:focus-visible]:ring-accent-400/50 has-[>button[aria-expanded=true]]:border-accent-400">
          <button
            ref={trigger}
            type="button"
            aria-haspopup="listbox"
            aria-expanded={!!open}
            aria-controls={open ? `${id}-list` : undefined}
            aria-labelledby={`${id}-label`}
            aria-describedby={`${id}-name ${id}-line`}
            onClick={() => setOpen(open ? undefined : { query: '' })}
            onKeyDown={onTriggerKeyDown}
            className="absolute inset-0 size-full cursor-pointer rounded-lg focus-visible:outline-none"
          />
          <div className="pointer-events-none relative flex flex-col py-1.5 pr-9 pl-3">
            <span className="flex items-center gap-2">
              <span id={`${id}-name`} className="text-sm font-medium text-ink-200">
                {selected.name}
              </span>
              {badge && (
                <button
                  type="button"
                  title={notes.join(' ')}
                  aria-expanded={notesOpen}
                  aria-controls={notesOpen ? `${id}-notes` : undefined}
                  onClick={() => setNotesOpen(!notesOpen)}
                  className={`${BADGE_CLASS} pointer-events-auto hover:border-ink-400 hover:text-ink-200 focus-visible:outline-2 focus-visible:outline-accent-400`}
                >
                  {badge}
                </button>
              )}
            </span>
            <span id={`${id}-line`} className="text-xs text-ink-400">
              {selected.tagline}
            </span>
            <svg
              aria-hidden="true"
              viewBox="0 0 20 20"
              className="absolute top-1/2 right-3 size-4 -translate-y-1/2 fill-ink-400"
            >
              <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
            </svg>
          </div>
        </div>
        {open && (
          <ModelList
            id={`${id}-list`}
            models={models}
            value={selected.id}
            refusals={refusals}
            pickRates={pickRates}
            initialQuery={open.query}
            onPick={pick}
            onClose={close}
          />
        )}
      </div>
      {notesOpen && notes.length > 0 && (
        <div id={`${id}-notes`} className="rounded-md bg-ink-800 px-3 py-2 text-xs text-ink-400">
          {notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </div>
      )}
    </div>
  )
}
