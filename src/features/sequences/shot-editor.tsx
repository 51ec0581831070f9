import { useState, type ReactNode } from 'react'
import { takeLengthMs, type Shot } from '@/catalog/sequence-contract'
import type { Model } from '@/catalog/catalog-schema'
import { posterOf } from '@/features/renders/poster'
import type { RenderRecord } from '@/features/renders/render-record'
import { formatSeconds, trimShot, withActiveTake } from './shot-edits'
import { DEFAULT_FPS } from './timeline'

interface ShotEditorProps {
  shot: Shot
  index: number
  takes: Map<string, RenderRecord>
  modelOf: (id: string) => Model | undefined
  /** The time within this shot's take under the playhead, when the playhead is in this shot. */
  playheadMs: () => number | undefined
  onChange: (shot: Shot) => void
  /** What else can be done with the shot (e.g. Continue from frame…), beside its trims. */
  children?: ReactNode
}

const inputClass = 'w-24 rounded-md border border-ink-600 bg-ink-950 px-2 py-1 text-sm text-ink-200 tabular-nums'
const buttonClass =
  'rounded-md border border-ink-600 px-2 py-1 text-sm text-ink-200 hover:bg-ink-800 disabled:opacity-40'

/** The selected shot's trims (frame by frame, or at the playhead) and its takes, one of them active. */
export function ShotEditor({ shot, index, takes, modelOf, playheadMs, onChange, children }: ShotEditorProps) {
  const [problem, setProblem] = useState<string>()
  const lengthOf = (takeId: string) => {
    const take = takes.get(takeId)
    return take && takeLengthMs(take, modelOf(take.input.model))
  }
  const trim = (trims: { inMs?: number; outMs?: number }) => {
    const next = trimShot(shot, trims, lengthOf(shot.activeTakeId))
    setProblem(next ? undefined : 'The in point must come at least a frame before the out point.')
    if (next && (next.inMs !== shot.inMs || next.outMs !== shot.outMs)) onChange(next)
  }
  const atPlayhead = (point: 'inMs' | 'outMs') => {
    const ms = playheadMs()
    if (ms === undefined) setProblem(`The playhead is not in shot ${index + 1}: move it there first.`)
    else trim({ [point]: ms })
  }

  return (
    <section aria-label={`Shot ${index + 1}`} className="flex flex-col gap-3 rounded-lg border border-ink-700 p-3">
      <div className="flex flex-wrap items-end gap-3">
        <TrimField label="In (s)" valueMs={shot.inMs} onCommit={(inMs) => trim({ inMs })} />
        <button type="button" className={buttonClass} onClick={() => atPlayhead('inMs')}>
          Set in
        </button>
        <TrimField label="Out (s)" valueMs={shot.outMs} onCommit={(outMs) => trim({ outMs })} />
        <button type="button" className={buttonClass} onClick={() => atPlayhead('outMs')}>
          Set out
        </button>
        <span className="text-sm text-ink-400">{`Plays ${formatSeconds(shot.outMs - shot.inMs)}`}</span>
        {children}
      </div>
      {problem && (
        <p role="alert" className="text-sm text-amber-200">
          {problem}
        </p>
      )}
      <fieldset className="flex flex-col gap-1">
        <legend className="text-xs font-medium text-ink-400">Active take</legend>
        <div role="radiogroup" aria-label="Active take" className="flex gap-2 overflow-x-auto pb-1">
          {shot.takeIds.map((takeId, n) => {
            const take = takes.get(takeId)
            const length = lengthOf(takeId)
            const name = `Take ${n + 1}${take ? `: ${modelOf(take.input.model)?.name ?? take.input.model}` : ''}${length ? `, ${formatSeconds(length)}` : ''}`
            const poster = take && posterOf(take)
            return (
              <button
                key={takeId}
                type="button"
                role="radio"
                aria-checked={takeId === shot.activeTakeId}
                aria-label={name}
                disabled={!take}
                onClick={() => takeId !== shot.activeTakeId && onChange(withActiveTake(shot, takeId, length))}
                className={`flex w-28 shrink-0 flex-col gap-1 rounded-md border p-1 text-left text-xs ${takeId === shot.activeTakeId ? 'border-accent-500 text-ink-100' : 'border-ink-700 text-ink-400 hover:bg-ink-800'}`}
              >
                <span className="aspect-video overflow-hidden rounded bg-black">
                  {poster && <img src={poster} alt="" className="h-full w-full object-cover" />}
                </span>
                <span className="truncate">{name}</span>
              </button>
            )
          })}
        </div>
      </fieldset>
    </section>
  )
}

/** Seconds typed (one frame per step of the arrows), saved on Enter or when focus leaves. */
function TrimField({ label, valueMs, onCommit }: { label: string; valueMs: number; onCommit: (ms: number) => void }) {
  const shown = (valueMs / 1000).toFixed(3)
  const [draft, setDraft] = useState<string>()
  const commit = () => {
    if (draft === undefined) return
    const seconds = Number(draft)
    setDraft(undefined)
    if (draft.trim() !== '' && Number.isFinite(seconds)) onCommit(Math.round(seconds * 1000))
  }
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-ink-400">
      {label}
      <input
        type="number"
        min={0}
        step={(1 / DEFAULT_FPS).toFixed(5)}
        value={draft ?? shown}
        className={inputClass}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit()
        }}
      />
    </label>
  )
}
